import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../core/index';
import { defaultDataDir } from '../core/paths';
import { initDemo, setupStatus } from '../core/setup/service';
import { startWebServer } from './server';

/**
 * npm run web -- [--port 5317] [--data <folder>] [--demo]
 * Serves the built renderer and the API on 127.0.0.1. --demo creates the demo company in an
 * empty data folder without asking (first-start choice otherwise happens in the UI).
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5317' },
    data: { type: 'string' },
    demo: { type: 'boolean', default: false },
    renderer: { type: 'string' },
  },
  allowPositionals: false,
});

const dataDir = resolve(values.data ?? defaultDataDir());
const core = createCore({ dataDir });
if (values.demo && !setupStatus(core.env).initialized) await initDemo(core.env);
const { url } = await startWebServer({
  core,
  port: Number(values.port),
  rendererDir: resolve(values.renderer ?? 'out/renderer'),
});
console.log(`Channel Cost Desk ready at ${url} (data: ${dataDir})`);

const stop = () => {
  core.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
