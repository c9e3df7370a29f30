import type { BudgetTransfer, BudgetVersion } from '../../../shared/api/areas/budgets';
import type { Handlers, OrgCtx } from '../context';
import { act, submit } from '../workflow/engine';
import { transferFacts, versionFacts } from './approval';
import { getVersionRow, toVersion } from './plans';
import { dbOf, inTx } from './sql';
import { getRow, toTransfer } from './transfers';

/**
 * The budget area's own submit / approve / reject / return methods, kept for their callers
 * (import, tests, scripts): each is the approval engine's call — the same rules, routes, history
 * and effects as `approvals.act` from the queue or the budget pages. There is no second rule.
 */
type Type = 'budget_version' | 'budget_transfer';
type Decision = 'approve' | 'reject' | 'return';

const factsOf = (ctx: OrgCtx, type: Type, id: number) => (type === 'budget_version' ? versionFacts : transferFacts)(dbOf(ctx), id);

function onEngine(ctx: OrgCtx, type: Type, action: Decision | 'submit', i: { id: number; version: number; comment: string }): void {
  inTx(ctx, () => {
    const f = factsOf(ctx, type, i.id);
    if (action === 'submit') submit(ctx, f, i.version);
    else act(ctx, f, { version: i.version, action, comment: i.comment, confirmWarn: false });
  });
}

const version = (ctx: OrgCtx, type: Type, action: Decision | 'submit', i: { id: number; version: number; comment: string }): BudgetVersion => {
  onEngine(ctx, type, action, i);
  return toVersion(ctx, getVersionRow(dbOf(ctx), i.id));
};
const transfer = (ctx: OrgCtx, type: Type, action: Decision | 'submit', i: { id: number; version: number; comment: string }): BudgetTransfer => {
  onEngine(ctx, type, action, i);
  return toTransfer(getRow(ctx, i.id));
};

export const budgetApprovalHandlers: Handlers<
  | 'budgetVersions.submit' | 'budgetVersions.approve' | 'budgetVersions.reject' | 'budgetVersions.return'
  | 'budgetTransfers.submit' | 'budgetTransfers.approve' | 'budgetTransfers.reject' | 'budgetTransfers.return'
> = {
  'budgetVersions.submit': (i, ctx) => version(ctx, 'budget_version', 'submit', i),
  'budgetVersions.approve': (i, ctx) => version(ctx, 'budget_version', 'approve', i),
  'budgetVersions.reject': (i, ctx) => version(ctx, 'budget_version', 'reject', i),
  'budgetVersions.return': (i, ctx) => version(ctx, 'budget_version', 'return', i),
  'budgetTransfers.submit': (i, ctx) => transfer(ctx, 'budget_transfer', 'submit', i),
  'budgetTransfers.approve': (i, ctx) => transfer(ctx, 'budget_transfer', 'approve', i),
  'budgetTransfers.reject': (i, ctx) => transfer(ctx, 'budget_transfer', 'reject', i),
  'budgetTransfers.return': (i, ctx) => transfer(ctx, 'budget_transfer', 'return', i),
};
