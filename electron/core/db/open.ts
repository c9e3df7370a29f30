import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** The handle a synchronous `db.transaction((tx) => …)` callback receives. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export { schema };

export const DB_FILE = 'channel-cost-desk.sqlite';

/** Finds resources/migrations walking up from this module (works from source, tsx and the bundle). */
export function findMigrationsDir(start = dirname(fileURLToPath(import.meta.url))): string {
  let dir = start;
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'resources', 'migrations');
    if (existsSync(join(candidate, 'meta', '_journal.json'))) return candidate;
    const up = resolve(dir, '..');
    if (up === dir) break;
    dir = up;
  }
  throw new Error(`resources/migrations not found above ${start}`);
}

export interface OpenOptions {
  migrationsDir?: string;
  /** path to an Electron-ABI build of better-sqlite3 (desktop app); Node's build otherwise */
  nativeBinding?: string;
  readonly?: boolean;
}

/**
 * Opens (creating if needed) the one SQLite file in the data folder and brings its schema up to
 * date. Pragmas: WAL for concurrent readers, synchronous=FULL for durability of every committed
 * user action, foreign keys on, a busy timeout so a second process waits instead of failing.
 */
export function openDb(dataDir: string, opts: OpenOptions = {}): Db {
  mkdirSync(dataDir, { recursive: true });
  const client = new Database(join(dataDir, DB_FILE), {
    nativeBinding: opts.nativeBinding,
    readonly: opts.readonly ?? false,
  });
  client.pragma('journal_mode = WAL');
  client.pragma('synchronous = FULL');
  client.pragma('foreign_keys = ON');
  client.pragma('busy_timeout = 5000');
  const db = drizzle(client, { schema }) as Db;
  if (!opts.readonly) migrate(db, { migrationsFolder: opts.migrationsDir ?? findMigrationsDir() });
  return db;
}
