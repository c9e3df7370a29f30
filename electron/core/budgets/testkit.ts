import type { Input } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import { orgCtxOf, type Caller, type TestCore } from '../testing';
import { commitBudget, recordActual, releaseBudget, type ActualInput, type CommitInput, type ReleaseInput } from './control';

/** Test support for the budget area: ids of the demo company and an approved plan in a few calls. */
export type Row = Input<'budgetVersions.saveLines'>['rows'][number];

export function demoIds(core: TestCore) {
  const db = core.env.db.$client;
  const one = (sql: string, code: string) => {
    const id = db.prepare(sql).pluck().get(code) as number | undefined;
    if (id === undefined) throw new Error(`no ${code}`);
    return id;
  };
  return {
    org: (code: string) => one('SELECT id FROM org_units WHERE code = ?', code),
    channel: (code: string) => one('SELECT id FROM channel_types WHERE code = ?', code),
    cost: (code: string) => one('SELECT id FROM cost_types WHERE code = ?', code),
    user: (username: string) => one('SELECT id FROM users WHERE username = ?', username),
  };
}

export const months = (...amounts: number[]) => Array.from({ length: 12 }, (_, i) => amounts[i] ?? amounts.at(-1) ?? 0);

/** wangfang plans `year` with these rows and submits; zhaomin approves. */
export async function approvedPlan(core: TestCore, year: number, rows: Row[]) {
  const wang = await core.as('wangfang');
  const zhao = await core.as('zhaomin');
  const plan = await wang('budgetPlans.create', { fiscalYear: year, name: `Plan ${year}` });
  const draft = plan.versions[0]!;
  const saved = await wang('budgetVersions.saveLines', { versionId: draft.id, version: draft.version, rows });
  const sub = await wang('budgetVersions.submit', { id: draft.id, version: saved.version });
  const approved = await zhao('budgetVersions.approve', { id: draft.id, version: sub.version });
  return { wang, zhao, planId: plan.id, version: approved, lineIds: saved.lineIds };
}

/** approve whatever is open in the plan: save rows into a revision and get it approved */
export async function revise(wang: Caller, zhao: Caller, planId: number, rows: Row[], removeLineIds: number[] = []) {
  const draft = await wang('budgetVersions.revise', { planId });
  const saved = await wang('budgetVersions.saveLines', { versionId: draft.id, version: draft.version, rows, removeLineIds });
  const sub = await wang('budgetVersions.submit', { id: draft.id, version: saved.version });
  return zhao('budgetVersions.approve', { id: draft.id, version: sub.version });
}

export const codeOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e instanceof ApiError ? e.code : String(e)));
export const errOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as ApiError);

export function ledgerSum(core: TestCore, where = '1 = 1', ...params: unknown[]): { allocated: number; committed: number; actual: number; n: number } {
  return core.env.db.$client
    .prepare(
      `SELECT coalesce(sum(CASE WHEN kind IN ('allocation','transfer_in','transfer_out') THEN amount END), 0) AS allocated,
              coalesce(sum(CASE WHEN kind IN ('commitment','release') THEN amount END), 0) AS committed,
              coalesce(sum(CASE WHEN kind = 'actual' THEN amount END), 0) AS actual, count(*) AS n
       FROM budget_ledger e JOIN budget_lines l ON l.id = e.line_id WHERE ${where}`,
    )
    .get(...params) as { allocated: number; committed: number; actual: number; n: number };
}

/**
 * The ledger's core movements as a caller would cause them (commitment, release, actual are core
 * functions, not API methods): run as `caller`'s context in their own transaction; a refusal is a
 * rejected promise like an API call's.
 */
export function ledgerOps(core: TestCore, caller: Caller) {
  const ctx = () => orgCtxOf(core, caller);
  return {
    commit: async (i: CommitInput) => commitBudget(ctx(), i),
    release: async (i: ReleaseInput) => releaseBudget(ctx(), i),
    recordActual: async (i: ActualInput) => recordActual(ctx(), i),
  };
}
