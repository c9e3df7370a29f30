import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { backupName, ensureBackupDir, listBackups, rotateBackups, type BackupFile, type BackupReason } from './store';

/**
 * One backup with SQLite's online backup API (better-sqlite3's `db.backup`): a consistent copy
 * while the database stays in use, written under a temporary name and renamed when complete, so a
 * backup interrupted by a crash is never listed (nor restored). The rotation runs after each.
 */
export async function makeBackup(client: Database.Database, dataDir: string, reason: BackupReason, now: Date): Promise<BackupFile> {
  const dir = ensureBackupDir(dataDir);
  const name = backupName(now, reason);
  const tmp = join(dir, `.${name}.part`);
  try {
    await client.backup(tmp);
    renameSync(tmp, join(dir, name));
  } finally {
    rmSync(tmp, { force: true });
  }
  rotateBackups(dataDir, name);
  return listBackups(dataDir).find((b) => b.name === name)!;
}

/** The time of the newest backup, or null. */
export const lastBackupAt = (dataDir: string): Date | null => {
  const newest = listBackups(dataDir)[0];
  return newest ? new Date(newest.createdAt) : null;
};

export const DAY_MS = 24 * 60 * 60 * 1000;
