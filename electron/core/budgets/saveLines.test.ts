import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spreadEven } from '../../../shared/domain/budget';
import { freshCore, type Caller, type TestCore } from '../testing';
import { approvedPlan, demoIds, errOf, months, type Row } from './testkit';

let core: TestCore;
let ids: ReturnType<typeof demoIds>;
let wang: Caller;
beforeEach(async () => {
  core = await freshCore({ demo: true });
  ids = demoIds(core);
  wang = await core.as('wangfang');
});
afterEach(() => core.dispose());

const row = (org: string, cost: string, amounts: (number | null)[], extra: Partial<Row> = {}): Row => ({
  orgUnitId: ids.org(org), channelTypeId: ids.channel('TERMINAL'), costTypeId: ids.cost(cost), partnerId: null, amounts, ...extra,
});
const draft2027 = async () => (await wang('budgetPlans.create', { fiscalYear: 2027, name: '2027' })).versions[0]!;

describe('bulk save of budget grid rows', () => {
  it('saves many rows in one call, spread evenly by the shared rule, and pages them back like a grid', async () => {
    const v = await draft2027();
    const units = ['KM-WH', 'KM-PL', 'KM-GD', 'KM-CG', 'QJ-QL', 'QJ-ZY', 'DL-DL', 'DL-XY'];
    const costs = ['PROMO', 'ADV', 'DISPLAY', 'REBATE', 'EVENT'];
    const rows = units.flatMap((u) => costs.map((c) => row(u, c, spreadEven(1_200_007))));
    const saved = await wang('budgetVersions.saveLines', { versionId: v.id, version: v.version, rows });
    expect(saved).toMatchObject({ saved: 40, created: 40, removed: 0 });
    expect(new Set(saved.lineIds).size).toBe(40);
    const first = await wang('budgetVersions.lines', { versionId: v.id, limit: 15 });
    expect(first.total).toBe(40);
    expect(first.rows[0]).toMatchObject({ orgUnitCode: 'DL-DL', total: 1_200_007, effectiveControl: expect.any(String) });
    // the remainder rule: 1,200,007 = 12 × 100,000 + 7 → January to July carry one fen more
    expect(first.rows[0]!.amounts).toEqual([100_001, 100_001, 100_001, 100_001, 100_001, 100_001, 100_001, 100_000, 100_000, 100_000, 100_000, 100_000]);
    const all = [...first.rows];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await wang('budgetVersions.lines', { versionId: v.id, limit: 15, cursor });
      all.push(...page.rows);
      cursor = page.nextCursor;
    }
    expect(all.map((r) => r.lineId).sort()).toEqual([...saved.lineIds].sort());
    expect(all.map((r) => `${r.orgUnitCode}/${r.costTypeCode}`)).toEqual(all.map((r) => `${r.orgUnitCode}/${r.costTypeCode}`).sort());
    const q = await wang('budgetVersions.lines', { versionId: v.id, quick: 'KM-WH', limit: 100 });
    expect(q.total).toBe(5);
  });

  it('upserts by line key: null keeps a month, control undefined keeps, null means the cost type default', async () => {
    const v = await draft2027();
    const a = await wang('budgetVersions.saveLines', { versionId: v.id, version: v.version, rows: [row('KM-WH', 'PROMO', months(100), { controlMode: 'none', toleranceBp: 200 })] });
    const patch: (number | null)[] = Array(12).fill(null);
    patch[5] = 999;
    const b = await wang('budgetVersions.saveLines', { versionId: v.id, version: a.version, rows: [row('KM-WH', 'PROMO', patch)] });
    expect(b).toMatchObject({ created: 0, lineIds: a.lineIds });
    let [line] = (await wang('budgetVersions.lines', { versionId: v.id })).rows;
    expect(line!.amounts).toEqual([100, 100, 100, 100, 100, 999, 100, 100, 100, 100, 100, 100]);
    expect(line).toMatchObject({ controlMode: 'none', toleranceBp: 200, effectiveControl: 'none', effectiveToleranceBp: 200 });
    const c = await wang('budgetVersions.saveLines', { versionId: v.id, version: b.version, rows: [row('KM-WH', 'PROMO', patch, { controlMode: null, toleranceBp: null })] });
    [line] = (await wang('budgetVersions.lines', { versionId: v.id })).rows;
    // PROMO's default in the demo company: block with 5% tolerance
    expect(line).toMatchObject({ controlMode: null, toleranceBp: null, effectiveControl: 'block', effectiveToleranceBp: 500 });
    const removed = await wang('budgetVersions.saveLines', { versionId: v.id, version: c.version, rows: [], removeLineIds: a.lineIds });
    expect(removed.removed).toBe(1);
    expect((await wang('budgetVersions.lines', { versionId: v.id })).total).toBe(0);
    // the editor's version guards against lost updates
    expect((await errOf(wang('budgetVersions.saveLines', { versionId: v.id, version: c.version, rows: [] })))?.code).toBe('stale');
  });

  it('is all or nothing: every invalid cell is reported with row, field and reason, and nothing is saved', async () => {
    const v = await draft2027();
    await wang('budgetVersions.saveLines', { versionId: v.id, version: v.version, rows: [row('KM-WH', 'PROMO', months(5))] });
    const v1 = await wang('budgetVersions.get', { id: v.id });
    const partner = core.env.db.$client.prepare("SELECT id, channel_type_id AS ch FROM partners WHERE org_unit_id IN (SELECT id FROM org_units WHERE path LIKE (SELECT path FROM org_units WHERE code = 'DL-DL') || '%') LIMIT 1").get() as { id: number; ch: number };
    const bad = months(1);
    bad[3] = 1.5 as number; // not whole fen
    bad[7] = -3;
    const err = await errOf(
      wang('budgetVersions.saveLines', {
        versionId: v.id, version: v1.version,
        rows: [row('KM-PL', 'ADV', months(10)), row('KM-GD', 'ADV', bad), row('KM-CG', 'ADV', months(1))],
      }),
    );
    expect(err?.code).toBe('validation');
    expect(err?.details).toEqual([
      expect.objectContaining({ path: 'rows.1.amounts.3', reason: 'v.integer_fen' }),
      expect.objectContaining({ path: 'rows.1.amounts.7', reason: 'v.non_negative' }),
    ]);
    // business rules, reported per cell together
    const err2 = await errOf(
      wang('budgetVersions.saveLines', {
        versionId: v.id, version: v1.version,
        rows: [
          row('KM-PL', 'ADV', months(10)),
          { ...row('KM-PL', 'ADV', months(20)) }, // the same key twice
          { ...row('KM-WH', 'ADV', months(1)), costTypeId: 99_999 },
          { ...row('KM-WH', 'ADV', months(1)), partnerId: partner.id }, // a Dali partner under Wuhua
          row('QJ-QL', 'EVENT', months(1)),
        ],
      }),
    );
    expect(err2?.details).toEqual([
      { path: 'rows.1.orgUnitId', reason: 'v.duplicate_line', params: { row: 0 } },
      { path: 'rows.2.costTypeId', reason: 'v.inactive_ref', params: {} },
      { path: 'rows.3.partnerId', reason: 'v.partner_mismatch', params: {} },
    ]);
    const lines = await wang('budgetVersions.lines', { versionId: v.id });
    expect(lines.rows.map((r) => r.orgUnitCode)).toEqual(['KM-WH']);
    expect((await wang('budgetVersions.get', { id: v.id })).version).toBe(v1.version);
  });

  it('refuses changes to a closed month and to units outside the caller’s scope', async () => {
    const { zhao, planId } = await approvedPlan(core, 2027, [row('KM-WH', 'PROMO', months(100))]);
    await zhao('budgetPeriods.close', { period: '2027-01' });
    const draft = await wang('budgetVersions.revise', { planId });
    const err = await errOf(wang('budgetVersions.saveLines', { versionId: draft.id, version: draft.version, rows: [row('KM-WH', 'PROMO', months(200)), row('KM-PL', 'PROMO', months(0, 50))] }));
    expect(err?.details).toEqual([{ path: 'rows.0.amounts.0', reason: 'v.period_closed', params: { period: '2027-01' } }]);
    await wang('budgetVersions.saveLines', { versionId: draft.id, version: draft.version, rows: [row('KM-WH', 'PROMO', [100, ...months(200).slice(1)])] });

    // a finance user limited to one branch cannot plan another's units
    const admin = await core.as('admin');
    await admin('users.create', { username: 'qjfin', displayName: '曲靖财务', role: 'finance', orgUnitIds: [ids.org('QJ')], password: 'finance-pass-2' });
    const qj = await core.as('qjfin', 'finance-pass-2');
    const v = await qj('budgetVersions.get', { id: draft.id });
    const out = await errOf(qj('budgetVersions.saveLines', { versionId: v.id, version: v.version, rows: [row('QJ-QL', 'ADV', months(0, 1)), row('DL-DL', 'ADV', months(0, 1))] }));
    expect(out?.details).toEqual([{ path: 'rows.1.orgUnitId', reason: 'v.out_of_scope', params: {} }]);
    // and sees only its own units' lines and totals
    expect((await qj('budgetVersions.lines', { versionId: v.id })).total).toBe(0);
    expect(v.totalFen).toBe(0);
  });
});
