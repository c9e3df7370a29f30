import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyBasisPoints } from '../../../shared/domain/money';
import { freshCore, type TestCore } from '../testing';
import { verifyHistory } from './history';
import { ledgerSum } from './testkit';

let core: TestCore;
beforeAll(async () => {
  core = await freshCore({ demo: true, documents: true });
});
afterAll(() => core.dispose());

describe('the demo company’s budget', () => {
  it('has an approved 2026 plan in force whose ledger agrees with its versions and transfers', async () => {
    const zhang = await core.as('zhangwei');
    const [plan] = await zhang('budgetPlans.list', {});
    expect(plan).toMatchObject({ fiscalYear: 2026, openVersionId: null });
    expect(plan!.versions.map((v) => [v.number, v.state, v.inForce])).toEqual([[1, 'approved', false], [2, 'approved', true]]);
    const db = core.env.db.$client;
    // Σ allocation per cell = the amount of the version in force
    const mismatches = db
      .prepare(
        `SELECT count(*) FROM budget_version_lines vl, (SELECT value AS m FROM json_each('[1,2,3,4,5,6,7,8,9,10,11,12]')) months
         WHERE vl.version_id = ? AND (SELECT coalesce(sum(amount), 0) FROM budget_ledger e WHERE e.line_id = vl.line_id AND e.kind = 'allocation'
           AND e.period = '2026-' || printf('%02d', months.m)) <> CASE months.m ${Array.from({ length: 12 }, (_, i) => `WHEN ${i + 1} THEN vl.m${String(i + 1).padStart(2, '0')}`).join(' ')} END`,
      )
      .pluck()
      .get(plan!.inForceVersionId);
    expect(mismatches).toBe(0);
    const transfers = ledgerSum(core, "e.kind IN ('transfer_in','transfer_out')");
    expect(transfers).toMatchObject({ allocated: 0, n: 2 });
    expect(verifyHistory(db)).toBeNull();
  });

  it('has its versions and its transfer created and submitted by wangfang and approved by zhaomin along their default route', async () => {
    const db = core.env.db.$client;
    const runs = db
      .prepare(
        `SELECT r.doc_type AS type, ro.name AS route, r.state, s.username AS startedBy, t.state AS task, u.username AS decidedBy
         FROM approval_runs r JOIN approval_routes ro ON ro.id = r.route_id JOIN users s ON s.id = r.started_by
         JOIN approval_tasks t ON t.run_id = r.id JOIN users u ON u.id = t.decided_by
         WHERE r.doc_type IN ('budget_version', 'budget_transfer') ORDER BY r.started_at`,
      )
      .all();
    const run = (type: string) => ({ type, route: '财务复核（双人）', state: 'approved', startedBy: 'wangfang', task: 'approved', decidedBy: 'zhaomin' });
    expect(runs).toEqual([run('budget_version'), run('budget_transfer'), run('budget_version')]);
    // their route history is what the history page shows, in order, by the right people
    const zhao = await core.as('zhaomin');
    const [plan] = await zhao('budgetPlans.list', {});
    for (const v of plan!.versions) {
      const d = await zhao('approvals.detail', { docType: 'budget_version', docId: v.id });
      expect(d.history.map((h) => [h.action, h.userName])).toEqual([['create', '王芳'], ['submit', '王芳'], ['approve', '赵敏']]);
    }
    expect((await (await core.as('admin'))('history.verify', {})).ok).toBe(true);
  });

  it('shows realistic use: most cells partly used, some warn cells over budget, no block cell past its tolerance', async () => {
    const db = core.env.db.$client;
    const cells = db
      .prepare(
        `SELECT coalesce(vl.control_mode, ct.default_control) AS control, coalesce(vl.tolerance_bp, ct.default_tolerance_bp) AS tol,
           sum(CASE WHEN e.kind IN ('allocation','transfer_in','transfer_out') THEN e.amount ELSE 0 END) AS a,
           sum(CASE WHEN e.kind IN ('commitment','release') THEN e.amount ELSE 0 END) AS c, sum(CASE WHEN e.kind = 'actual' THEN e.amount ELSE 0 END) AS x
         FROM budget_ledger e JOIN budget_lines l ON l.id = e.line_id JOIN cost_types ct ON ct.id = l.cost_type_id
         LEFT JOIN budget_versions v ON v.plan_id = l.plan_id AND v.in_force = 1 LEFT JOIN budget_version_lines vl ON vl.version_id = v.id AND vl.line_id = l.id
         GROUP BY e.line_id, e.period`,
      )
      .all() as { control: string; tol: number; a: number; c: number; x: number }[];
    // the demo's year of real documents (a framework request per line): most cells used
    const used = cells.filter((c) => c.c + c.x > 0);
    expect(used.length / cells.length).toBeGreaterThan(0.8);
    const over = cells.filter((c) => c.c + c.x > c.a);
    expect(over.length).toBeGreaterThan(0);
    expect(over.every((c) => c.control === 'warn')).toBe(true);
    expect(cells.filter((c) => c.control === 'block' && c.c + c.x > c.a + applyBasisPoints(c.a, c.tol))).toEqual([]);
    expect(cells.every((c) => c.c >= 0 && c.x >= 0)).toBe(true);
    const wang = await core.as('wangfang');
    const r = await wang('budgets.vsActual', { fiscalYear: 2026, granularity: 'ytd', throughMonth: 5 });
    expect(r.grandTotal.total.executionBp).toBeGreaterThan(100);
    expect(r.grandTotal.total.usedBp).toBeGreaterThanOrEqual(r.grandTotal.total.executionBp!);
    // year to date (January–November): the plan largely spent, each county at its own pace
    const ytd = await wang('budgets.vsActual', { fiscalYear: 2026, granularity: 'ytd', throughMonth: 11, dimensions: ['county'] });
    expect(ytd.grandTotal.total.executionBp).toBeGreaterThan(5500);
    expect(ytd.grandTotal.total.executionBp).toBeLessThan(8500);
    const perCounty = ytd.rows.map((row) => row.total.executionBp!);
    expect(Math.max(...perCounty) - Math.min(...perCounty)).toBeGreaterThan(800);
  });
});
