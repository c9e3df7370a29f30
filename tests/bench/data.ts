import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword } from '../../electron/core/auth/password';
import { DB_FILE } from '../../electron/core/db/open';
import { DEMO_PASSWORD } from '../../electron/core/demo/names';
import { createCore } from '../../electron/core/index';
import { initDemo } from '../../electron/core/setup/service';

export const silentLogger = { info: () => {}, error: (msg: string, meta?: Record<string, unknown>) => console.error(msg, meta) };

export interface BenchData {
  dataDir: string;
  dbFile: string;
  partners: number;
  /** a live admin session, for figures that start from an existing session */
  adminToken: string;
  dispose(): void;
}

/**
 * The benchmark company: the deterministic demo company (same seed, same rows every run) grown
 * to `partners` partners, written by the demo generator's prepared statements. The demo users'
 * password hash is one real scrypt hash with the production parameters (N=2^15, r=8, p=1), so
 * sign-in costs what it costs in the product. The file is checkpointed and closed before any
 * figure is measured.
 */
export async function buildBenchData(partners: number): Promise<BenchData> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ccd-bench-'));
  const core = createCore({ dataDir, log: silentLogger });
  try {
    await initDemo(core.env, { partners, passwordHash: await hashPassword(DEMO_PASSWORD) });
    const { token } = await core.call('auth.signIn', { username: 'admin', password: DEMO_PASSWORD });
    core.env.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    return {
      dataDir,
      dbFile: join(dataDir, DB_FILE),
      partners,
      adminToken: token,
      dispose: () => rmSync(dataDir, { recursive: true, force: true }),
    };
  } finally {
    core.close();
  }
}
