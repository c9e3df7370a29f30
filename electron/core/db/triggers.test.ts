import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPROVAL_ACTIONS, APPROVAL_STATES, TRANSITIONS, type ApprovalState } from '../../../shared/domain/approval';
import { toApiError } from '../errors';
import { freshCore, type TestCore } from '../testing';

/**
 * The state triggers of budget versions (triggers.sql) against the rules of shared/domain/approval.ts:
 * every pair of states, reached the allowed way and then changed by raw SQL, is accepted exactly
 * when some action leads from the one to the other.
 */
let core: TestCore;
beforeAll(async () => {
  core = await freshCore({ demo: true });
});
afterAll(() => core.dispose());

/** how each state is reached from a draft along allowed transitions */
const PATH: Record<ApprovalState, ApprovalState[]> = {
  draft: [],
  submitted: ['submitted'],
  approved: ['submitted', 'approved'],
  rejected: ['submitted', 'rejected'],
  returned: ['submitted', 'returned'],
  cancelled: ['cancelled'],
};
// a budget version moves by the budget documents' actions (withdrawal is the route engine's, for requests and claims)
const allowed = (from: ApprovalState, to: ApprovalState) => from === to || APPROVAL_ACTIONS.some((a) => TRANSITIONS[a].to === to && TRANSITIONS[a].from.includes(from));

function attempt(from: ApprovalState, to: ApprovalState): string {
  const db = core.env.db.$client;
  db.exec('BEGIN');
  try {
    const plan = db.prepare("INSERT INTO budget_plans (fiscal_year, name, created_by, created_at) VALUES (2031, 't', 1, 'now')").run().lastInsertRowid;
    const id = db.prepare("INSERT INTO budget_versions (plan_id, number, approval_state, created_by, created_at, updated_at) VALUES (?, 1, 'draft', 1, 'now', 'now')").run(plan).lastInsertRowid;
    const set = db.prepare('UPDATE budget_versions SET approval_state = ? WHERE id = ?');
    for (const s of PATH[from]) set.run(s, id);
    try {
      set.run(to, id);
      return 'ok';
    } catch (e) {
      return toApiError(e).error.code;
    }
  } finally {
    db.exec('ROLLBACK');
  }
}

describe('budget version state triggers', () => {
  it('accept exactly the allowed transitions, for every pair of states', () => {
    const got: string[] = [];
    const want: string[] = [];
    for (const from of APPROVAL_STATES) {
      for (const to of APPROVAL_STATES) {
        got.push(`${from}>${to}: ${attempt(from, to)}`);
        want.push(`${from}>${to}: ${allowed(from, to) ? 'ok' : 'invalid_state'}`);
      }
    }
    expect(got).toEqual(want);
    expect(want.filter((w) => w.endsWith('invalid_state')).length).toBeGreaterThan(20);
  });

  it('refuse a version born in any state but draft', () => {
    const db = core.env.db.$client;
    const plan = db.prepare('SELECT id FROM budget_plans LIMIT 1').pluck().get();
    for (const state of APPROVAL_STATES.filter((s) => s !== 'draft')) {
      expect(() => db.prepare("INSERT INTO budget_versions (plan_id, number, approval_state, created_by, created_at, updated_at) VALUES (?, 99, ?, 1, 'now', 'now')").run(plan, state)).toThrow(/invalid_state/);
    }
  });
});
