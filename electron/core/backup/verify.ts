import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api/errors';
import { findMigrationsDir } from '../db/open';

/**
 * What a database file must be before the app switches to it (restore): intact
 * (`PRAGMA integrity_check`), ours (the app's tables and migration log), and not made by a newer
 * version of the app (its last migration is one this app knows; an older file is migrated forward
 * when it is opened).
 */
export function latestMigration(migrationsDir = findMigrationsDir()): number {
  const journal = JSON.parse(readFileSync(join(migrationsDir, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] };
  return Math.max(...journal.entries.map((e) => e.when));
}

/** Migrations of the app the open database has not had yet (0 for a database without our tables). */
export function pendingMigrations(client: Database.Database, migrationsDir = findMigrationsDir()): number {
  const journal = JSON.parse(readFileSync(join(migrationsDir, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] };
  const applied = lastApplied(client);
  return applied === null ? 0 : journal.entries.filter((e) => e.when > applied).length;
}

function lastApplied(client: Database.Database): number | null {
  const has = client.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  if (!has) return null;
  return (client.prepare('SELECT max(created_at) FROM __drizzle_migrations').pluck().get() as number | null) ?? null;
}

export function verifyDatabaseFile(path: string, migrationsDir?: string): void {
  let client: Database.Database;
  try {
    client = new Database(path, { readonly: true, fileMustExist: true });
  } catch {
    throw new ApiError('backup_damaged', 'The backup file cannot be opened as a database', { problem: 'open' });
  }
  try {
    let rows: string[];
    try {
      rows = (client.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    } catch (e) {
      throw new ApiError('backup_damaged', 'The backup file is not a healthy database', { problem: String((e as Error).message).slice(0, 200) });
    }
    if (rows.length !== 1 || rows[0] !== 'ok') {
      throw new ApiError('backup_damaged', 'The backup file is damaged', { problem: rows.slice(0, 3).join('; ').slice(0, 200) });
    }
    const ours = client.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('users', 'budget_ledger', 'partners')").pluck().get() as number;
    const applied = lastApplied(client);
    if (ours !== 3 || applied === null) throw new ApiError('backup_foreign', 'The file is not a Channel Cost Desk database');
    if (applied > latestMigration(migrationsDir)) {
      throw new ApiError('backup_newer', 'The backup was made by a newer version of the app; update the app first');
    }
  } finally {
    client.close();
  }
}
