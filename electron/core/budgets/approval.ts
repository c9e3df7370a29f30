import type Database from 'better-sqlite3';
import type { DocumentDetail } from '../../../shared/api/areas/workflowTypes';
import { ApiError } from '../../../shared/api/errors';
import { ratioBp } from '../../../shared/domain/budget';
import type { OrgCtx } from '../context';
import { nameExpr } from '../documents/requestRows';
import { notFound } from '../master/common';
import type { DocAdapter, DocFacts } from '../workflow/types';
import { cellBalances } from './ledger';
import { getLine } from './lines';
import { requireVersionInScope } from './plans';
import { MONTH_COLS, stmt } from './sql';
import { assertCovered, postTransfer, transferNumber } from './transfers';
import { putVersionInForce } from './versionLifecycle';

/**
 * Budget versions and transfers on the approval engine (SPEC §4, issue 9 point 7): the engine
 * decides who acts (their default route is "another finance user", the two-person rule they had
 * before routes); these adapters give it the documents' facts and their final effects — a version
 * comes into force with its allocation deltas, a transfer posts out/in — in the engine's
 * transaction. The author (the finance user who created the version or transfer) submits and
 * withdraws; the requester rule of the engine therefore keeps the author and the submitter from
 * deciding. A version's unit (for route conditions and approvers) is the nearest unit containing all
 * its lines (the company for a company-wide plan), and acting on it needs every line in the caller's scope; a transfer's unit is its source line's,
 * and acting on it needs both lines in scope.
 */
const rootUnit = (db: Database.Database) => stmt(db, 'SELECT id FROM org_units WHERE parent_id IS NULL ORDER BY id LIMIT 1', true).get() as number;

/** The unit a version belongs to for routing: the nearest unit containing every one of its lines (the company when empty). */
function versionUnit(db: Database.Database, versionId: number): number {
  const paths = stmt(
    db,
    `SELECT DISTINCT o.path FROM budget_version_lines vl JOIN budget_lines l ON l.id = vl.line_id JOIN org_units o ON o.id = l.org_unit_id WHERE vl.version_id = ?`,
    true,
  ).all(versionId) as string[];
  if (!paths.length) return rootUnit(db);
  let common = paths[0]!.split('/').filter(Boolean);
  for (const p of paths.slice(1)) {
    const ids = p.split('/').filter(Boolean);
    let k = 0;
    while (k < common.length && k < ids.length && common[k] === ids[k]) k++;
    common = common.slice(0, k);
  }
  return common.length ? Number(common.at(-1)) : rootUnit(db);
}

interface VersionFactsRow {
  id: number;
  fiscalYear: number;
  number: number;
  planName: string;
  note: string;
  state: DocFacts['state'];
  version: number;
  createdBy: number;
  submittedBy: number | null;
  amount: number;
}

export function versionFacts(db: Database.Database, id: number): DocFacts & { fiscalYear: number; note: string } {
  const r = stmt(
    db,
    `SELECT v.id, p.fiscal_year AS fiscalYear, v.number, p.name AS planName, v.note, v.approval_state AS state, v.version, v.created_by AS createdBy,
       v.submitted_by AS submittedBy, (SELECT coalesce(sum(${MONTH_COLS.join(' + ')}), 0) FROM budget_version_lines WHERE version_id = v.id) AS amount
     FROM budget_versions v JOIN budget_plans p ON p.id = v.plan_id WHERE v.id = ?`,
  ).get(id) as VersionFactsRow | undefined;
  if (!r) throw notFound('budgetVersion', id);
  return {
    type: 'budget_version', id: r.id, number: `BV-${r.fiscalYear}-v${r.number}`, title: r.note ? `${r.planName} · ${r.note}` : r.planName, state: r.state,
    version: r.version, createdBy: r.createdBy, ownerUserId: r.createdBy, submittedBy: r.submittedBy, orgUnitId: versionUnit(db, r.id), partnerId: null,
    amount: r.amount, costTypeId: null, channelTypeId: null, fiscalYear: r.fiscalYear, note: r.note,
  };
}

export type TransferFacts = DocFacts & { fromLineId: number; fromPeriod: string; toLineId: number; toPeriod: string; reason: string };

export function transferFacts(db: Database.Database, id: number): TransferFacts {
  const r = stmt(
    db,
    `SELECT t.id, p.fiscal_year AS fiscalYear, t.reason, t.approval_state AS state, t.version, t.created_by AS createdBy, t.submitted_by AS submittedBy,
       t.amount, l.org_unit_id AS orgUnitId, l.partner_id AS partnerId, l.cost_type_id AS costTypeId, l.channel_type_id AS channelTypeId,
       t.from_line_id AS fromLineId, t.from_period AS fromPeriod, t.to_line_id AS toLineId, t.to_period AS toPeriod
     FROM budget_transfers t JOIN budget_plans p ON p.id = t.plan_id JOIN budget_lines l ON l.id = t.from_line_id WHERE t.id = ?`,
  ).get(id) as (Omit<TransferFacts, 'type' | 'number' | 'title' | 'ownerUserId'> & { fiscalYear: number }) | undefined;
  if (!r) throw notFound('budgetTransfer', id);
  const { fiscalYear, ...rest } = r;
  return { ...rest, type: 'budget_transfer', number: transferNumber(fiscalYear, r.id), title: r.reason, ownerUserId: r.createdBy };
}

export const versionAdapter: DocAdapter = {
  table: 'budget_versions',
  facts: versionFacts,
  // versions are company documents: everyone reads them (their figures are shown over the reader's scope)
  requireRead() {},
  requireWrite(ctx, f) {
    requireVersionInScope(ctx, f.id);
  },
  beforeSubmit(ctx, f) {
    const lines = stmt(ctx.db.$client, 'SELECT count(*) FROM budget_version_lines WHERE version_id = ?', true).get(f.id) as number;
    if (lines === 0) throw new ApiError('version_empty', 'The version has no lines');
  },
  onApproved(ctx, f) {
    putVersionInForce(ctx, f.id);
    return { warned: false };
  },
};

export const transferAdapter: DocAdapter = {
  table: 'budget_transfers',
  facts: transferFacts,
  requireWrite(ctx, f) {
    const t = f as TransferFacts;
    ctx.scope.require(t.orgUnitId);
    ctx.scope.require(getLine(ctx.db.$client, t.toLineId).orgUnitId);
  },
  beforeSubmit(ctx, f) {
    const t = f as TransferFacts;
    assertCovered(ctx, t.fromLineId, t.fromPeriod, t.amount);
  },
  onApproved(ctx, f) {
    postTransfer(ctx, transferFacts(ctx.db.$client, f.id));
    return { warned: false };
  },
  /** the source cell: what is available there before and after the transfer */
  impact(ctx, f) {
    const t = f as TransferFacts;
    const b = cellBalances(ctx.db.$client, t.fromLineId, t.fromPeriod);
    const before = b.allocated - b.committed - b.actual;
    const after = f.state === 'approved' ? before : before - t.amount;
    const allocatedAfter = f.state === 'approved' ? b.allocated : b.allocated - t.amount;
    return { lineId: t.fromLineId, availableBefore: f.state === 'approved' ? before + t.amount : before, availableAfter: after, usedBpAfter: ratioBp(b.committed + b.actual, allocatedAfter) };
  },
};

/** The document-specific part of the approver's detail pane for a budget document. */
export function budgetDetail(ctx: OrgCtx, f: DocFacts): Pick<DocumentDetail, 'status' | 'requester' | 'orgUnitName' | 'partnerName' | 'fields' | 'lines' | 'attachments' | 'budget' | 'flags' | 'partnerYear'> {
  const db = ctx.db.$client;
  const name = (id: number) => (stmt(db, 'SELECT display_name FROM users WHERE id = ?', true).get(id) as string | undefined) ?? `#${id}`;
  const unitName = (id: number) => (stmt(db, `SELECT ${nameExpr('o', ctx.user.locale)} FROM org_units o WHERE o.id = ?`, true).get(id) as string | undefined) ?? `#${id}`;
  const flags = { postHoc: false, overBudget: false, duplicateInvoice: false, overRequest: false, overdue: false };
  const common = { status: f.state, requester: { id: f.createdBy, name: name(f.createdBy) }, orgUnitName: unitName(f.orgUnitId), partnerName: null, lines: [], attachments: [], budget: null, partnerYear: null };
  if (f.type === 'budget_version') {
    const v = f as ReturnType<typeof versionFacts>;
    const lineCount = stmt(db, 'SELECT count(*) FROM budget_version_lines WHERE version_id = ?', true).get(f.id) as number;
    return {
      ...common, flags,
      fields: [
        { key: 'fiscalYear', value: v.fiscalYear, kind: 'number' },
        { key: 'lineCount', value: lineCount, kind: 'number' },
        { key: 'note', value: v.note || null, kind: 'text' },
      ],
    };
  }
  const t = f as TransferFacts;
  const impact = transferAdapter.impact!(ctx, f);
  const label = (lineId: number, period: string) => {
    const l = getLine(db, lineId);
    return `${unitName(l.orgUnitId)} · ${period}`;
  };
  return {
    ...common,
    flags: { ...flags, overBudget: impact !== null && impact.availableAfter < 0 },
    fields: [
      { key: 'from', value: label(t.fromLineId, t.fromPeriod), kind: 'text' },
      { key: 'to', value: label(t.toLineId, t.toPeriod), kind: 'text' },
      { key: 'availableBefore', value: impact?.availableBefore ?? null, kind: 'money' },
      { key: 'availableAfter', value: impact?.availableAfter ?? null, kind: 'money' },
      { key: 'reason', value: t.reason, kind: 'text' },
    ],
  };
}
