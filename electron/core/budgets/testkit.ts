import type { Balances } from '../../../shared/domain/budget';
import type { Input } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import type { Caller, TestCore } from '../testing';

/** moved to ../testing.ts (shared with the budget tests' set-up, budgetTestbed); re-exported for the other users */
export { demoIds, ledgerOps } from '../testing';

/** Test support for the budget area: ids of the demo company and an approved plan in a few calls. */
export type Row = Input<'budgetVersions.saveLines'>['rows'][number];


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
 * The property tests' own model of the ledger's cells: balances per line × period, moved by the
 * test's prediction of each operation (never by the product's code), and the entries it expects.
 */
export class CellBook {
  cells = new Map<string, Balances>();
  entries = 0;
  bal(line: number, p: number): Balances {
    return this.cells.get(`${line}|${p}`) ?? { allocated: 0, committed: 0, actual: 0 };
  }
  move(line: number, p: number, d: Partial<Balances>) {
    const b = { ...this.bal(line, p) };
    b.allocated += d.allocated ?? 0;
    b.committed += d.committed ?? 0;
    b.actual += d.actual ?? 0;
    this.cells.set(`${line}|${p}`, b);
    this.entries++;
  }
}
