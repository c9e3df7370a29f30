import { copyFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DB_FILE } from '../db/open';

/**
 * Switching the data folder to another database file while no connection is open on it: the file
 * is first copied beside the database (`stage`), then the database's WAL and shared-memory files
 * are removed (they belong to the file being replaced) and the staged copy renamed over the
 * database in one step, so a crash leaves either the old file or the new one.
 */
export const dbPath = (dataDir: string) => join(dataDir, DB_FILE);
export const stagedPath = (dataDir: string) => `${dbPath(dataDir)}.restoring`;

export function stage(dataDir: string, from: string): string {
  const staged = stagedPath(dataDir);
  copyFileSync(from, staged);
  return staged;
}

export function switchToStaged(dataDir: string): void {
  const db = dbPath(dataDir);
  rmSync(`${db}-wal`, { force: true });
  rmSync(`${db}-shm`, { force: true });
  renameSync(stagedPath(dataDir), db);
}
