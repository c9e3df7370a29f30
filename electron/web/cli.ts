import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { restoreOffline } from '../core/backup/restore';
import { DatabaseDamagedError, startCore } from '../core/backup/start';
import type { Core } from '../core/index';
import { defaultDataDir } from '../core/paths';
import { initDemo, setupStatus } from '../core/setup/service';
import { startWebServer } from './server';

/**
 * npm run web -- [--port 5317] [--data <folder>] [--demo] [--restore <backup file>]
 * Serves the built renderer and the API on 127.0.0.1. --demo creates the demo company in an
 * empty data folder without asking (first-start choice otherwise happens in the UI). --restore
 * switches the data folder to a backup first (verified; the current file is kept as a backup) —
 * the way out when the database is damaged and the app cannot start.
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5317' },
    data: { type: 'string' },
    demo: { type: 'boolean', default: false },
    renderer: { type: 'string' },
    restore: { type: 'string' },
  },
  allowPositionals: false,
});

const dataDir = resolve(values.data ?? defaultDataDir());
if (values.restore) {
  const kept = await restoreOffline(dataDir, resolve(values.restore));
  console.log(`Restored ${values.restore}${kept ? `; the previous database was kept as ${kept}` : ''}`);
}
let core: Core;
try {
  core = await startCore({ dataDir });
} catch (e) {
  if (!(e instanceof DatabaseDamagedError)) throw e;
  console.error(e.message);
  process.exit(2);
}
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
