import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where backups live and which are kept. Backups are whole SQLite files in `<data folder>/backups`,
 * named `ccd-<UTC time>-<reason>.sqlite` (e.g. `ccd-2026-12-05T07-20-31-123Z-daily.sqlite`), so
 * the folder lists them in time order and a name says when and why.
 *
 * Rotation (README "Backups"): after every backup, keep
 *   - the 3 newest backups, whatever they are (a backup just made before a restore or migration is never the one dropped),
 *   - the newest backup of each of the 7 most recent days that have backups (UTC days),
 *   - the newest backup of each of the 4 most recent weeks that have backups (weeks from Monday, UTC),
 * and delete the rest.
 */
export const BACKUP_REASONS = ['daily', 'pre-migration', 'pre-restore', 'manual'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export interface BackupFile {
  name: string;
  path: string;
  size: number;
  createdAt: string;
  reason: BackupReason;
}

export const KEEP_NEWEST = 3;
export const KEEP_DAYS = 7;
export const KEEP_WEEKS = 4;

export const backupDir = (dataDir: string) => join(dataDir, 'backups');
const NAME = /^ccd-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-(daily|pre-migration|pre-restore|manual)\.sqlite$/;

export const isBackupName = (name: string) => NAME.test(name);

export function backupName(at: Date, reason: BackupReason): string {
  return `ccd-${at.toISOString().replace(/[:.]/g, '-')}-${reason}.sqlite`;
}

/** The backups in the folder, newest first (files that do not look like ours are left alone). */
export function listBackups(dataDir: string): BackupFile[] {
  const dir = backupDir(dataDir);
  if (!existsSync(dir)) return [];
  const out: BackupFile[] = [];
  for (const name of readdirSync(dir)) {
    const m = NAME.exec(name);
    if (!m) continue;
    const path = join(dir, name);
    out.push({ name, path, size: statSync(path).size, createdAt: `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`, reason: m[6] as BackupReason });
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

export function ensureBackupDir(dataDir: string): string {
  const dir = backupDir(dataDir);
  mkdirSync(dir, { recursive: true });
  return dir;
}

const dayOf = (iso: string) => iso.slice(0, 10);
function weekOf(iso: string): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7)); // back to Monday
  return d.toISOString().slice(0, 10);
}

/** The names the rotation keeps, from backups newest first. */
export function keptByRotation(backups: readonly Pick<BackupFile, 'name' | 'createdAt'>[]): Set<string> {
  const keep = new Set(backups.slice(0, KEEP_NEWEST).map((b) => b.name));
  const newestPer = (key: (iso: string) => string, n: number) => {
    const seen = new Set<string>();
    for (const b of backups) {
      const k = key(b.createdAt);
      if (seen.has(k)) continue;
      if (seen.size === n) break;
      seen.add(k);
      keep.add(b.name);
    }
  };
  newestPer(dayOf, KEEP_DAYS);
  newestPer(weekOf, KEEP_WEEKS);
  return keep;
}

/** Applies the rotation to the folder (never deleting `made`, the backup just made); returns the names deleted. */
export function rotateBackups(dataDir: string, made?: string): string[] {
  const all = listBackups(dataDir);
  const keep = keptByRotation(all);
  if (made) keep.add(made);
  const dropped = all.filter((b) => !keep.has(b.name));
  for (const b of dropped) rmSync(b.path, { force: true });
  return dropped.map((b) => b.name);
}
