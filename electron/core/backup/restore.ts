import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api/errors';
import type { CoreEnv } from '../context';
import { makeBackup } from './make';
import { backupName, ensureBackupDir, isBackupName, listBackups, type BackupFile } from './store';
import { dbPath, stage, stagedPath, switchToStaged } from './switch';
import { verifyDatabaseFile } from './verify';

/**
 * Restoring a backup. The chosen file is copied beside the database first and that copy is what
 * is verified and switched to (so the rotation or anyone else touching the backups folder cannot
 * change it midway); the current database is kept as a `pre-restore` backup before the switch.
 */
export function findBackup(dataDir: string, name: string): BackupFile {
  const b = isBackupName(name) ? listBackups(dataDir).find((x) => x.name === name) : undefined;
  if (!b) throw new ApiError('not_found', 'No such backup', { name });
  return b;
}

function stageVerified(dataDir: string, from: string): void {
  stage(dataDir, from);
  try {
    verifyDatabaseFile(stagedPath(dataDir));
  } catch (e) {
    rmSync(stagedPath(dataDir), { force: true });
    throw e;
  }
}

/** In the running app: verify, keep the current database, switch the core's connection over. */
export async function restoreInApp(env: CoreEnv, name: string): Promise<{ restored: string; keptAs: string }> {
  const b = findBackup(env.dataDir, name);
  stageVerified(env.dataDir, b.path);
  let kept: BackupFile;
  try {
    kept = await makeBackup(env.db.$client, env.dataDir, 'pre-restore', env.now());
  } catch (e) {
    rmSync(stagedPath(env.dataDir), { force: true });
    throw e;
  }
  env.reopenDb(() => switchToStaged(env.dataDir));
  env.log.info('database restored', { restored: b.name, keptAs: kept.name });
  return { restored: b.name, keptAs: kept.name };
}

/**
 * With the app stopped (`npm run web -- --restore <file>`, also for a damaged database): verify,
 * keep the current file (by the backup API when it still opens, else as a plain copy of its files),
 * switch.
 */
export async function restoreOffline(dataDir: string, from: string, now = new Date()): Promise<string> {
  if (!existsSync(from)) throw new ApiError('not_found', 'No such backup file', { name: from });
  stageVerified(dataDir, from);
  const current = dbPath(dataDir);
  let kept = '';
  if (existsSync(current)) {
    try {
      const client = new Database(current, { fileMustExist: true });
      try {
        kept = (await makeBackup(client, dataDir, 'pre-restore', now)).path;
      } finally {
        client.close();
      }
    } catch {
      kept = join(ensureBackupDir(dataDir), backupName(now, 'pre-restore'));
      copyFileSync(current, kept);
      if (existsSync(`${current}-wal`)) copyFileSync(`${current}-wal`, `${kept}-wal`);
    }
  }
  switchToStaged(dataDir);
  return kept;
}
