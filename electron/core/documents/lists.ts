import type { z } from 'zod';
import type { ClaimRow, CostRequestRow } from '../../../shared/api/areas/documentTypes';
import type { pageQuery } from '../../../shared/api/areas/common';
import { stmt } from '../budgets/sql';
import type { OrgCtx } from '../context';
import { buildPageQuery, encodeCursor, type ColumnSpec } from '../master/paging';
import { claimListSelect, claimStatus, listFlagsOf, type ListFlagTerms, type RawClaim } from './claimRows';
import { todayOf } from './dates';
import { requestSelect, toRequestRow } from './requestRows';

/**
 * The request and claim grids: server-side filter, sort and keyset paging (master/paging.ts), the
 * caller's scope from ctx.scope, "mine" (created or owned), "overdue", and the sum of the amounts
 * of every matching row for the totals row.
 */
type Query = z.output<typeof pageQuery> & { mine: boolean; overdue: boolean; payable?: boolean };

const STATUS_REQ = `CASE WHEN r.approval_state = 'approved' THEN coalesce(r.settle_state, 'open') ELSE r.approval_state END`;
const STATUS_CLAIM = `CASE WHEN c.approval_state = 'approved' THEN coalesce(c.pay_state, 'unpaid') ELSE c.approval_state END`;

const requestColumns = (a: string, status: string): Record<string, ColumnSpec> => ({
  number: { expr: `${a}.number`, kind: 'text' },
  title: { expr: `${a}.title`, kind: 'text' },
  partnerId: { expr: `${a}.partner_id`, kind: 'number', sortExpr: 'p.name' },
  partnerName: { expr: 'p.name', kind: 'text' },
  orgUnitId: { expr: `${a}.org_unit_id`, kind: 'number' },
  costTypeId: { expr: `${a}.cost_type_id`, kind: 'number' },
  channelTypeId: { expr: `${a}.channel_type_id`, kind: 'number' },
  amount: { expr: `${a}.amount`, kind: 'number' },
  status: { expr: status, kind: 'text' },
  activityStart: { expr: `${a}.activity_start`, kind: 'text' },
  activityEnd: { expr: `${a}.activity_end`, kind: 'text' },
  createdAt: { expr: `${a}.created_at`, kind: 'text' },
  submittedAt: { expr: `coalesce(${a}.submitted_at, '')`, kind: 'text' },
  ownerUserId: { expr: `${a}.owner_user_id`, kind: 'number' },
  createdBy: { expr: `${a}.created_by`, kind: 'number' },
});

/**
 * One page in two steps: the page's ids (and cursor keys) from the document table alone — joined
 * to partners only when the filter or sort names the partner — so SQLite walks a covering index
 * (claims_page_ix: payable claims by amount) instead of joining names for every matching row; then
 * the details (names, flag terms) for those ids only. Total and sum come from the table alone too.
 */
function page<T>(
  ctx: OrgCtx, q: Query, select: string, table: string, alias: string, status: string, extra: { where: string[]; params: unknown[] },
  map: (r: Record<string, unknown>) => T,
) {
  const db = ctx.db.$client;
  const scope = ctx.scope.sql(`${alias}.org_unit_id`);
  const base = { where: [...scope.where, ...extra.where], params: [...scope.params, ...extra.params] };
  if (q.mine) {
    base.where.push(`(${alias}.created_by = ? OR ${alias}.owner_user_id = ?)`);
    base.params.push(ctx.user.id, ctx.user.id);
  }
  const columns = requestColumns(alias, status);
  const quick = [`${alias}.number`, `${alias}.title`, 'p.name', 'p.code'];
  const sort = { colId: 'createdAt', sort: 'desc' as const };
  const built = buildPageQuery(q, columns, `${alias}.id`, quick, base, sort);
  const counted = q.cursor ? buildPageQuery({ ...q, cursor: undefined }, columns, `${alias}.id`, quick, base, sort) : built;
  const from = (b: typeof built) =>
    `FROM ${table} ${alias}${/\bp\./.test(`${b.where} ${b.orderBy} ${b.keyExprs.join(' ')}`) ? ` JOIN partners p ON p.id = ${alias}.partner_id` : ''}`;
  const keys = built.keyExprs.map((e, i) => `${e} AS k${i}`).join(', ');
  const picked = stmt(db, `SELECT ${alias}.id AS id, ${keys} ${from(built)} ${built.where} ${built.orderBy} LIMIT ? OFFSET ?`).all(
    ...built.params,
    q.limit,
    q.cursor ? 0 : q.offset,
  ) as ({ id: number } & Record<string, unknown>)[];
  const details = picked.length
    ? (stmt(db, `${select} WHERE ${alias}.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(picked.map((r) => r.id))) as Record<string, unknown>[])
    : [];
  const byId = new Map(details.map((d) => [d.id as number, d]));
  const agg = stmt(db, `SELECT count(*) AS n, coalesce(sum(${alias}.amount), 0) AS s ${from(counted)} ${counted.where}`).get(...counted.params) as { n: number; s: number };
  const last = picked.at(-1);
  const nextCursor = last && picked.length === q.limit ? encodeCursor(built.keyExprs.map((_, i) => last[`k${i}`])) : null;
  return { rows: picked.map((r) => map(byId.get(r.id)!)), total: agg.n, sum: agg.s, nextCursor };
}

export function listRequests(ctx: OrgCtx, q: Query) {
  const today = todayOf(ctx.now());
  const extra = q.overdue
    ? { where: [`r.approval_state = 'approved' AND r.settle_state IN ('open','partly_claimed') AND r.claimed_amount < r.amount AND r.claim_due < ?`], params: [today] }
    : { where: [], params: [] };
  return page(ctx, q, requestSelect(ctx.user.locale), 'cost_requests', 'r', STATUS_REQ, extra, (r) => {
    const { description: _d, ...row } = toRequestRow(r as never, today);
    return row as CostRequestRow;
  });
}

export function listClaims(ctx: OrgCtx, q: Query) {
  const today = todayOf(ctx.now());
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.overdue) {
    where.push(`c.approval_state IN ('draft','returned','submitted') AND c.due < ?`);
    params.push(today);
  }
  // payable as an IN list: both ranges of the covering index claims_page_ix (approval_state, pay_state, amount, org_unit_id)
  if (q.payable) where.push(`c.approval_state = 'approved' AND c.pay_state IN ('unpaid','partly_paid')`);
  return page(ctx, q, claimListSelect(ctx.user.locale), 'claims', 'c', STATUS_CLAIM, { where, params }, (raw) => {
    const r = raw as unknown as RawClaim & ListFlagTerms;
    const { threshold: _t, requestAmount: _a, requestClaimed: _c, postHoc: _p, payeeName: _n, bankName: _b, bankAccount: _k, description: _d, ...rest } = r;
    const { duplicateInvoice: _i, duplicateFile: _f, hasProof: _h, ...row } = rest;
    return { ...row, status: claimStatus(r.approvalState, r.payState), flags: listFlagsOf(r, today) } as ClaimRow;
  });
}
