import type Database from 'better-sqlite3';
import type { HandoverItem } from '../../../shared/api/areas/master';
import { appendHistory } from '../budgets/history';
import { stmt } from '../budgets/sql';
import type { OrgCtx } from '../context';
import { nameExpr } from './requestRows';

/**
 * Handover of a leaving (or moving) person's work (seed 004: 做好交接, promises survive): inside the
 * partner handover's transaction, every open request (draft, submitted, returned, or approved and
 * not yet closed), every open claim (not yet paid) and every active promise the giving user owns
 * within the caller's scope moves to the receiver; each is recorded on the handover sheet and in
 * the document's history. The requester of a document stays who applied; the owner changes.
 */
const OPEN_REQUEST = `(approval_state IN ('draft','submitted','returned') OR (approval_state = 'approved' AND settle_state IN ('open','partly_claimed')))`;
const OPEN_CLAIM = `(approval_state IN ('draft','submitted','returned') OR (approval_state = 'approved' AND pay_state <> 'paid'))`;

/** The org units of the giver's open work in scope (the receiver must cover them). */
export function openWorkUnits(ctx: OrgCtx, fromUserId: number): number[] {
  const scope = ctx.scope.sql('org_unit_id');
  const where = scope.where.map((w) => `AND ${w}`).join(' ');
  return stmt(
    ctx.db.$client,
    `SELECT org_unit_id FROM cost_requests WHERE owner_user_id = ? AND ${OPEN_REQUEST} ${where}
     UNION SELECT org_unit_id FROM claims WHERE owner_user_id = ? AND ${OPEN_CLAIM} ${where}`,
    true,
  ).all(fromUserId, ...scope.params, fromUserId, ...scope.params) as number[];
}

export function moveOpenWork(ctx: OrgCtx, handoverId: number, fromUserId: number, toUserId: number, comment: string): number {
  const db = ctx.db.$client;
  const now = ctx.now().toISOString();
  const scope = ctx.scope.sql('org_unit_id');
  const where = scope.where.map((w) => `AND ${w}`).join(' ');
  const item = stmt(db, 'INSERT INTO handover_documents (handover_id, doc_type, doc_id) VALUES (?,?,?)');
  let n = 0;
  for (const [type, table, open] of [['cost_request', 'cost_requests', OPEN_REQUEST], ['claim', 'claims', OPEN_CLAIM]] as const) {
    const ids = stmt(db, `SELECT id FROM ${table} WHERE owner_user_id = ? AND ${open} ${where}`, true).all(fromUserId, ...scope.params) as number[];
    const upd = stmt(db, `UPDATE ${table} SET owner_user_id = ?, version = version + 1, updated_at = ? WHERE id = ?`);
    for (const id of ids) {
      upd.run(toUserId, now, id);
      item.run(handoverId, type, id);
      appendHistory(ctx, { type, id }, 'handover', null, null, comment);
      n++;
    }
  }
  const pScope = ctx.scope.sql('p.org_unit_id');
  const promises = stmt(
    db,
    `SELECT m.id FROM promises m JOIN partners p ON p.id = m.partner_id WHERE m.owner_user_id = ? AND m.active = 1 ${pScope.where.map((w) => `AND ${w}`).join(' ')}`,
    true,
  ).all(fromUserId, ...pScope.params) as number[];
  for (const id of promises) {
    stmt(db, 'UPDATE promises SET owner_user_id = ? WHERE id = ?').run(toUserId, id);
    item.run(handoverId, 'promise', id);
    n++;
  }
  return n;
}

/** The handover sheet: partners and documents that moved, with what they were at the time of reading. */
export function handoverSheet(db: Database.Database, handoverId: number, locale: string): HandoverItem[] {
  const partners = stmt(
    db,
    `SELECT 'partner' AS kind, p.id, p.code AS ref, p.name, NULL AS amount, p.status AS state FROM partner_handover_items i JOIN partners p ON p.id = i.partner_id WHERE i.handover_id = ? ORDER BY p.code`,
  ).all(handoverId) as HandoverItem[];
  const docs = stmt(
    db,
    `SELECT d.doc_type AS kind, d.doc_id AS id,
       coalesce(r.number, c.number, '') AS ref,
       coalesce(r.title, c.title, m.text) AS name,
       coalesce(r.amount, c.amount, m.amount) AS amount,
       coalesce(CASE WHEN r.approval_state = 'approved' THEN r.settle_state ELSE r.approval_state END,
                CASE WHEN c.approval_state = 'approved' THEN c.pay_state ELSE c.approval_state END,
                (SELECT ${nameExpr('o', locale)} FROM org_units o JOIN partners pp ON pp.org_unit_id = o.id WHERE pp.id = m.partner_id)) AS state
     FROM handover_documents d
     LEFT JOIN cost_requests r ON d.doc_type = 'cost_request' AND r.id = d.doc_id
     LEFT JOIN claims c ON d.doc_type = 'claim' AND c.id = d.doc_id
     LEFT JOIN promises m ON d.doc_type = 'promise' AND m.id = d.doc_id
     WHERE d.handover_id = ? ORDER BY d.doc_type, d.doc_id`,
  ).all(handoverId) as HandoverItem[];
  return [...partners, ...docs];
}
