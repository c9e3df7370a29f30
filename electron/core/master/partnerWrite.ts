import type Database from 'better-sqlite3';
import type { ApiError } from '../../../shared/api/errors';
import { stmt } from '../db/stmt';

/**
 * The partner write: the one place where partners are inserted and updated and where their
 * change-log entries get their layout. The API (partners.create / update / setActive), the Excel
 * import (in bulk, from its plan) and the demo data all write through these functions.
 *
 * Every write reads its rows from a source relation with the stage's column names (see
 * PARTNER_STAGE_COLUMNS): one row bound as parameters (`one`/`oneUpdate`, a statement prepared once
 * per connection) or a whole table (the import's TEMP stage: INSERT … SELECT / UPDATE … FROM, one
 * statement for 100,000 rows). Same SQL, same log layout, whatever the size.
 *
 * The log layout: a create logs the written values (json_object, the API field names in
 * PARTNER_FIELDS order); an update logs the changed fields only, before and after
 * (`partnerLogDiff`, same order); activate / deactivate log { active }.
 */
export const PARTNER_FIELDS = [
  'code', 'name', 'channelTypeId', 'orgUnitId', 'ownerUserId', 'starRating', 'contractStart', 'contractEnd', 'status',
  'contactName', 'contactPhone', 'bankName', 'bankAccount',
] as const;
export type PartnerField = (typeof PARTNER_FIELDS)[number];
export type PartnerValues = Record<PartnerField, unknown> & { active: boolean };

const DB_COLS = [
  'code', 'name', 'channel_type_id', 'org_unit_id', 'owner_user_id', 'star_rating', 'contract_start', 'contract_end', 'status',
  'contact_name', 'contact_phone', 'bank_name', 'bank_account',
] as const;

/** the columns a source relation carries (after rowno, rec_id, version): the values and the log texts */
export const PARTNER_STAGE_COLUMNS = [
  ...DB_COLS.map((c) => `${c} ${/_id$|star_rating/.test(c) ? 'INTEGER' : 'TEXT'}`),
  'active INTEGER',
  'log_before TEXT',
  'log_after TEXT',
] as const;

const VALUE_COLS = [...DB_COLS, 'active'];
const CREATE_LOG = `json_object(${DB_COLS.map((c, i) => `'${PARTNER_FIELDS[i]}', ${c}`).join(', ')})`;

/** Who writes, and when; null: seed data (the demo company), written without change-log entries. */
export interface Author {
  userId: number;
  at: string;
}

/** A source relation: SQL with its parameters; `varies`: the text changes per call (not cached). */
export interface Source {
  sql: string;
  params: unknown[];
  varies?: boolean;
}

const prep = (db: Database.Database, s: Source, sql: string) => (s.varies ? db.prepare(sql) : stmt(db, sql));

/** Inserts the source's rows (in rowno order) and logs each as created; returns the ids written, ascending. */
export function insertPartnersFrom(db: Database.Database, at: string, by: Author | null, source: Source): { firstId: number; count: number } {
  const lastId = stmt(db, 'SELECT coalesce(max(id), 0) FROM partners', true).get() as number;
  const count = prep(
    db,
    source,
    `INSERT INTO partners (${VALUE_COLS.join(', ')}, version, created_at, updated_at)
     SELECT ${VALUE_COLS.join(', ')}, 0, ?, ? FROM (${source.sql}) ORDER BY rowno`,
  ).run(at, at, ...source.params).changes;
  // AUTOINCREMENT, and no one else writes inside this transaction: the new rows are those above lastId
  if (by) {
    stmt(
      db,
      `INSERT INTO change_log (at, user_id, entity, entity_id, action, before, after)
       SELECT ?, ?, 'partner', id, 'create', NULL, ${CREATE_LOG} FROM partners WHERE id > ? ORDER BY id`,
    ).run(by.at, by.userId, lastId);
  }
  return { firstId: lastId + 1, count };
}

/**
 * Updates the source's rows — each only if its version is still the one it names (else `stale`,
 * from opts.stale, and the caller's transaction rolls back) — and logs `action` with each row's log_before/log_after.
 */
export function updatePartnersFrom(db: Database.Database, by: Author, source: Source, opts: { action?: string; stale: () => ApiError }): number {
  const action = opts.action ?? 'update';
  const expected = prep(db, source, `SELECT count(*) FROM (${source.sql})`).pluck().get(...source.params) as number;
  const done = prep(
    db,
    source,
    `UPDATE partners SET ${VALUE_COLS.map((c) => `${c} = s.${c}`).join(', ')}, version = partners.version + 1, updated_at = ?
     FROM (${source.sql}) s WHERE partners.id = s.rec_id AND partners.version = s.version`,
  ).run(by.at, ...source.params).changes;
  if (done !== expected) throw opts.stale();
  prep(
    db,
    source,
    `INSERT INTO change_log (at, user_id, entity, entity_id, action, before, after)
     SELECT ?, ?, 'partner', rec_id, ?, log_before, log_after FROM (${source.sql}) ORDER BY rowno`,
  ).run(by.at, by.userId, action, ...source.params);
  return done;
}

/** a one-row source: rowno, rec_id, version, the values, the log texts */
const ONE = `SELECT ? AS rowno, ? AS rec_id, ? AS version, ${[...VALUE_COLS, 'log_before', 'log_after'].map((c) => `? AS ${c}`).join(', ')}`;

export const partnerRowValues = (v: PartnerValues): unknown[] => [...PARTNER_FIELDS.map((f) => v[f] ?? null), v.active ? 1 : 0];

/** One partner as a source row (API create and update, demo data). */
export function one(v: PartnerValues, rec?: { id: number; version: number; logBefore: string | null; logAfter: string | null }): Source {
  return { sql: ONE, params: [1, rec?.id ?? null, rec?.version ?? null, ...partnerRowValues(v), rec?.logBefore ?? null, rec?.logAfter ?? null] };
}

/** The change log's before/after of an update: the fields given that change, in PARTNER_FIELDS order (then active). */
export function partnerLogDiff(before: PartnerValues, after: PartnerValues): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const f of [...PARTNER_FIELDS, 'active'] as const) {
    if (after[f] !== undefined && (before[f] ?? null) !== after[f]) {
      b[f] = before[f] ?? null;
      a[f] = after[f];
    }
  }
  return Object.keys(a).length ? { before: b, after: a } : null;
}

/**
 * A handover's partners to their new owner (partners.handover): the owner, version and time of
 * each; the handover itself is the record (partner_handover_items and one change-log entry of the
 * handover), as it was before this write moved here.
 */
export function reassignPartners(db: Database.Database, at: string, partnerIds: readonly number[], toUserId: number): void {
  stmt(db, 'UPDATE partners SET owner_user_id = ?, version = version + 1, updated_at = ? WHERE id IN (SELECT value FROM json_each(?))').run(toUserId, at, JSON.stringify(partnerIds));
}
