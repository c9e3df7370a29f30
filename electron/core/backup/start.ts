import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { findMigrationsDir } from '../db/open';
import { createCore, type Core, type CoreOptions } from '../index';
import { DAY_MS, lastBackupAt, makeBackup } from './make';
import { backupDir, listBackups } from './store';
import { dbPath } from './switch';
import { pendingMigrations } from './verify';

/**
 * How the app opens its data folder (desktop and browser mode): `PRAGMA quick_check` first — a
 * damaged file stops the start with a message that says what to do — then a backup when a
 * migration is pending (before it runs) or when the newest backup is more than a day old, then
 * the core (which migrates). Tests and benchmarks call createCore directly on fresh folders.
 */
export class DatabaseDamagedError extends Error {
  constructor(readonly path: string, readonly dataDir: string, readonly detail: string) {
    const newest = listBackups(dataDir)[0];
    super(
      [
        `The database file ${path} is damaged (quick_check: ${detail}). Nothing was changed.`,
        newest
          ? `The way out: restore the newest backup, ${newest.path} (${newest.createdAt}):\n  npm run web -- --data "${dataDir}" --restore "${newest.path}"\nor by hand (README "Backups"): stop the app, copy that file over ${path} and delete ${path}-wal and ${path}-shm.`
          : `No backup was found in ${backupDir(dataDir)}; keep a copy of the file and ask your administrator.`,
      ].join('\n'),
    );
    this.name = 'DatabaseDamagedError';
  }
}

export async function startCore(opts: CoreOptions): Promise<Core> {
  const path = dbPath(opts.dataDir);
  if (existsSync(path)) {
    const client = new Database(path, { nativeBinding: opts.nativeBinding });
    try {
      let detail: string;
      try {
        detail = String(client.pragma('quick_check', { simple: true }));
      } catch (e) {
        detail = (e as Error).message;
      }
      if (detail !== 'ok') throw new DatabaseDamagedError(path, opts.dataDir, detail);
      const now = opts.now?.() ?? new Date();
      const last = lastBackupAt(opts.dataDir);
      if (pendingMigrations(client, opts.migrationsDir ?? findMigrationsDir()) > 0) await makeBackup(client, opts.dataDir, 'pre-migration', now);
      else if (hasData(client) && (!last || now.getTime() - last.getTime() > DAY_MS)) await makeBackup(client, opts.dataDir, 'daily', now);
    } finally {
      client.close();
    }
  }
  return createCore(opts);
}

const hasData = (client: Database.Database) => !!client.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'users'").get();
