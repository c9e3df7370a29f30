import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * A private `npm run web` for specs that need their own company (first start, or changes that
 * would disturb the shared demo server): a free port, a fresh data folder, stopped afterwards.
 */
export interface TestServer {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => res(port));
    });
  });
}

export async function startServer({ demo }: { demo: boolean }): Promise<TestServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'ccd-e2e-own-'));
  const root = resolve(import.meta.dirname, '../../..');
  // one node process with tsx's loader (no npx wrapper), so stopping it stops the server
  const args = ['--import', 'tsx', 'electron/web/cli.ts', '--port', String(port), '--data', dataDir, ...(demo ? ['--demo'] : [])];
  const child: ChildProcess = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const url = await new Promise<string>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`server did not start:\n${log}`)), 90_000);
    const onData = (b: Buffer) => {
      log += b.toString();
      const m = /ready at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(log);
      if (m) {
        clearTimeout(timer);
        res(m[1]!);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => rej(new Error(`server exited with ${code}:\n${log}`)));
  });
  return {
    url,
    dataDir,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
