import type Database from 'better-sqlite3';
import type { ResultInput, ResultRow } from '../../../shared/api/areas/results';
import { ApiError } from '../../../shared/api/errors';
import type { Scope } from '../auth/scope';
import { stmt } from '../budgets/sql';

/**
 * The one write path of sales results (partner × month): the grid's save (results.save), the Excel
 * import (kind `results`) and the demo data all call `writeResults`, with prepared statements, inside
 * their caller's transaction (it opens none itself, so an import's rows and the demo's 7,000 rows are
 * one transaction each).
 *
 * - A row equal to what is stored is `unchanged` and not written (no new version, no log): an
 *   import of the same file changes nothing.
 * - `version` (grid saves): the row's version as the editor read it, null for a row they saw
 *   empty; a different stored version (or a row created meanwhile) refuses the whole call with
 *   `stale` (details name the rows). Imports and the demo pass none: the last writer wins, as for
 *   every import.
 * - Scope: with a `scope`, every row's partner must belong to an org unit inside it
 *   (out_of_scope). The demo passes none.
 * - Updates of an existing row are appended to change_log (entity `sales_result`, entity_id =
 *   the partner, before/after with the period); creates are not logged — the row itself carries
 *   who and when (updated_by/at), and a 100,000-row import would double the table in the log.
 */
export interface ResultWrite extends ResultInput {
  version?: number | null;
}

export type WriteOp = 'create' | 'update' | 'unchanged';

export interface WriteOutcome {
  ops: WriteOp[];
  created: number;
  updated: number;
  unchanged: number;
}

interface Stored {
  revenue: number;
  grossMargin: number | null;
  newSubscribers: number;
  version: number;
}

export const sameValues = (a: Stored, b: ResultInput) => a.revenue === b.revenue && a.grossMargin === b.grossMargin && a.newSubscribers === b.newSubscribers;

export function storedResult(db: Database.Database, partnerId: number, period: string): Stored | undefined {
  return stmt(db, 'SELECT revenue, gross_margin AS grossMargin, new_subscribers AS newSubscribers, version FROM sales_results WHERE partner_id = ? AND period = ?').get(partnerId, period) as
    | Stored
    | undefined;
}

/** the org unit of each partner (undefined: no such partner) */
export function partnerUnit(db: Database.Database, partnerId: number): number | undefined {
  return stmt(db, 'SELECT org_unit_id FROM partners WHERE id = ?', true).get(partnerId) as number | undefined;
}

export function writeResults(db: Database.Database, rows: readonly ResultWrite[], opts: { userId: number; at: string; scope?: Scope }): WriteOutcome {
  const ins = stmt(
    db,
    'INSERT INTO sales_results (partner_id, period, revenue, gross_margin, new_subscribers, updated_by, updated_at, version) VALUES (?,?,?,?,?,?,?,0)',
  );
  const upd = stmt(
    db,
    'UPDATE sales_results SET revenue = ?, gross_margin = ?, new_subscribers = ?, updated_by = ?, updated_at = ?, version = version + 1 WHERE partner_id = ? AND period = ? AND version = ?',
  );
  const log = stmt(db, "INSERT INTO change_log (at, user_id, entity, entity_id, action, before, after) VALUES (?,?,'sales_result',?,'update',?,?)");
  const out: WriteOutcome = { ops: [], created: 0, updated: 0, unchanged: 0 };
  const stale: { path: string; reason: string }[] = [];
  rows.forEach((r, i) => {
    if (opts.scope) {
      const unit = partnerUnit(db, r.partnerId);
      if (unit === undefined) throw new ApiError('not_found', `Partner ${r.partnerId} not found`, { partnerId: r.partnerId });
      opts.scope.require(unit);
    }
    const was = storedResult(db, r.partnerId, r.period);
    if (r.version !== undefined && (was?.version ?? null) !== r.version) {
      stale.push({ path: `rows.${i}`, reason: 'v.stale' });
      return;
    }
    if (was && sameValues(was, r)) {
      out.ops.push('unchanged');
      out.unchanged++;
      return;
    }
    if (!was) {
      ins.run(r.partnerId, r.period, r.revenue, r.grossMargin, r.newSubscribers, opts.userId, opts.at);
      out.ops.push('create');
      out.created++;
      return;
    }
    const res = upd.run(r.revenue, r.grossMargin, r.newSubscribers, opts.userId, opts.at, r.partnerId, r.period, was.version);
    if (res.changes !== 1) throw new ApiError('stale', 'The result changed meanwhile');
    const values = (x: Stored | ResultInput) => ({ period: r.period, revenue: x.revenue, grossMargin: x.grossMargin, newSubscribers: x.newSubscribers });
    log.run(opts.at, opts.userId, r.partnerId, JSON.stringify(values(was)), JSON.stringify(values(r)));
    out.ops.push('update');
    out.updated++;
  });
  if (stale.length) throw new ApiError('stale', 'Someone else changed these results', { rows: stale.length }, stale);
  return out;
}

export const RESULT_COLUMNS = `r.partner_id AS partnerId, p.code AS partnerCode, p.name AS partnerName, p.org_unit_id AS orgUnitId,
  o.code AS orgUnitCode, o.name_zh AS orgUnitZh, o.name_en AS orgUnitEn, r.period, r.revenue, r.gross_margin AS grossMargin,
  r.new_subscribers AS newSubscribers, r.updated_at AS updatedAt, r.version`;

/** Rows by key (after a save), in the order asked. */
export function resultRows(db: Database.Database, keys: readonly { partnerId: number; period: string }[]): ResultRow[] {
  const one = stmt(db, `SELECT ${RESULT_COLUMNS} FROM sales_results r JOIN partners p ON p.id = r.partner_id JOIN org_units o ON o.id = p.org_unit_id WHERE r.partner_id = ? AND r.period = ?`);
  return keys.map((k) => one.get(k.partnerId, k.period) as ResultRow | undefined).filter((r): r is ResultRow => !!r);
}
