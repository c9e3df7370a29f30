import { z } from 'zod';
import { method } from '../define';

/** Backups of the database (administrators; Settings → Backups). */
export interface BackupInfo {
  /** the file's name in the data folder's backups/ folder */
  name: string;
  size: number;
  createdAt: string;
  reason: 'daily' | 'pre-migration' | 'pre-restore' | 'manual';
}

const ADMIN = { roles: ['admin'] as const, scope: 'company' as const };

export const systemApi = {
  /** the backups, newest first, and the folder they are in */
  'backups.list': method<{ folder: string; backups: BackupInfo[] }>()(z.object({}).default({}), ADMIN),
  /** a backup now (SQLite's online backup API), then the rotation */
  'backups.create': method<BackupInfo>()(z.object({}).default({}), ADMIN),
  /**
   * Switches the database to a backup after verifying it (integrity, ours, not from a newer app);
   * the current database is kept as a `pre-restore` backup. Sessions are those of the restored
   * file: everyone signs in again.
   */
  'backups.restore': method<{ restored: string; keptAs: string }>()(z.object({ name: z.string().max(100) }), ADMIN),
} as const;
