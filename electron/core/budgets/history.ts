import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { HistoryEntry } from '../../../shared/api/areas/budgets';
import type { ApprovalState, DocumentType, HistoryAction } from '../../../shared/domain/approval';
import { isoNow, type AuthedCtx } from '../context';
import { dbOf, stmt } from './sql';

/**
 * The append-only, hash-chained document history (table document_history; triggers refuse
 * UPDATE and DELETE). Each row's hash covers the previous row's hash and its own fields, so
 * altering or removing a row breaks the chain from there on (`verifyHistory`).
 */
export const GENESIS = '0'.repeat(64);

export function historyHash(
  prev: string,
  r: { documentType: string; documentId: number; action: string; fromState: string | null; toState: string | null; userId: number; at: string; comment: string; onBehalfOf?: number | null },
): string {
  // a stand-in's row also covers whom they acted for; rows without one hash as before that column existed
  const fields = [prev, r.documentType, r.documentId, r.action, r.fromState, r.toState, r.userId, r.at, r.comment];
  const payload = JSON.stringify(r.onBehalfOf == null ? fields : [...fields, r.onBehalfOf]);
  return createHash('sha256').update(payload).digest('hex');
}

export function appendHistory(
  ctx: AuthedCtx,
  doc: { type: DocumentType; id: number },
  action: HistoryAction,
  fromState: ApprovalState | null,
  toState: ApprovalState | null,
  comment = '',
  onBehalfOf: number | null = null,
): void {
  const db = dbOf(ctx);
  const prev = (stmt(db, 'SELECT hash FROM document_history ORDER BY id DESC LIMIT 1', true).get() as string | undefined) ?? GENESIS;
  const row = { documentType: doc.type, documentId: doc.id, action, fromState, toState, userId: ctx.user.id, at: isoNow(ctx), comment, onBehalfOf };
  stmt(
    db,
    `INSERT INTO document_history (document_type, document_id, action, from_state, to_state, user_id, at, comment, on_behalf_of, prev_hash, hash)
     VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
  ).run(row.documentType, row.documentId, action, fromState, toState, row.userId, row.at, comment, onBehalfOf, prev, historyHash(prev, row));
}

export function listHistory(db: Database.Database, type: string, id: number): HistoryEntry[] {
  return stmt(
    db,
    `SELECT h.id, h.document_type AS documentType, h.document_id AS documentId, h.action, h.from_state AS fromState,
            h.to_state AS toState, h.user_id AS userId, u.display_name AS userName, h.at, h.comment, h.hash,
            h.on_behalf_of AS onBehalfOf, b.display_name AS onBehalfOfName
     FROM document_history h JOIN users u ON u.id = h.user_id LEFT JOIN users b ON b.id = h.on_behalf_of
     WHERE h.document_type = ? AND h.document_id = ? ORDER BY h.id`,
  ).all(type, id) as HistoryEntry[];
}

/** A verified point of the chain: the row and its hash. */
export interface HistoryCheckpoint {
  id: number;
  hash: string;
}

/**
 * Walks the chain after `since` (from the start when null); returns the id of the first row that
 * does not match, or null, and the last row walked (the checkpoint to start from next time).
 */
export function verifyHistorySince(db: Database.Database, since: HistoryCheckpoint | null): { broken: number | null; last: HistoryCheckpoint | null } {
  let prev = since?.hash ?? GENESIS;
  let last = since;
  const rows = db
    .prepare(
      `SELECT id, document_type AS documentType, document_id AS documentId, action, from_state AS fromState, to_state AS toState,
        user_id AS userId, at, comment, on_behalf_of AS onBehalfOf, prev_hash AS prevHash, hash FROM document_history WHERE id > ? ORDER BY id`,
    )
    .iterate(since?.id ?? 0) as Iterable<Parameters<typeof historyHash>[1] & { id: number; prevHash: string; hash: string }>;
  for (const r of rows) {
    if (r.prevHash !== prev || r.hash !== historyHash(prev, r)) return { broken: r.id, last };
    prev = r.hash;
    last = { id: r.id, hash: r.hash };
  }
  return { broken: null, last };
}

/** Walks the whole chain; returns the id of the first row that does not match, or null. */
export function verifyHistory(db: Database.Database): number | null {
  return verifyHistorySince(db, null).broken;
}
