import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { ApiError } from '../../../shared/api/errors';
import { getFile } from '../excel/files';
import type { Caller, TestCore } from '../testing';
import { analysisTestbed, unitId, insertAll, worldOf, type Doc, type PartnerInfo, type ResultRow } from './testkit';

/**
 * Partner scores, rankings and yellow cards on fixed data with answers worked out by hand from
 * the written rule (scoreSql.ts; README "Analysis: formulas"), weights: only administrators set
 * them, and they apply from their month on; scope: a Kunming user sees Kunming's members only.
 */
let core: TestCore;
let w: ReturnType<typeof worldOf>;
let wang: Caller;
let lina: Caller;
let admin: Caller;
analysisTestbed({ partners: 40, users: ['wangfang', 'lina', 'admin'] }, (b) => {
  ({ core, w } = b);
  [wang, lina, admin] = b.callers as [Caller, Caller, Caller];
});

const db = () => core.env.db.$client;
const unit = (code: string) => unitId(db(), code);
const user = (name: string) => db().prepare('SELECT id FROM users WHERE username = ?').pluck().get(name) as number;
/** n partners re-homed for the test: code, unit, channel type, owner */
function partners(specs: { code: string; ou: number; owner: number | null }[]): PartnerInfo[] {
  const ct = w.partners[0]!.ct;
  return specs.map((s, i) => {
    const p = w.partners[i]!;
    db().prepare('UPDATE partners SET code = ?, org_unit_id = ?, channel_type_id = ?, owner_user_id = ? WHERE id = ?').run(s.code, s.ou, ct, s.owner, p.id);
    return { ...p, code: s.code, ou: s.ou, ct, mgr: s.owner };
  });
}
const claim = (p: PartnerInfo, o: Partial<Doc>): Doc => ({
  type: 'claim', pid: p.id, costType: w.costTypes[0]!, activityStart: '2030-05-01', activityEnd: '2030-05-31', state: 'submitted',
  submittedAt: '2030-06-10T02:00:00.000Z', decidedAt: null, due: '2030-06-30', duplicate: false, entries: [], ...o,
});
const actual = (p: PartnerInfo, amount: number): Doc => claim(p, { state: 'approved', submittedAt: null, entries: [{ period: '2030-06', kind: 'actual', amount, line: w.lines[0]!.id }] });

describe('partner scores of a month (fixed data)', () => {
  it('components, totals, ranks, yellow cards and suggested stars as worked out by hand', async () => {
    const wh = unit('KM-WH');
    const [A, B, C, D, E] = partners(['PA', 'PB', 'PC', 'PD', 'PE'].map((code) => ({ code, ou: wh, owner: null })));
    const results: ResultRow[] = [
      [A, 1000], [B, 800], [C, 800], [D, 500], [E, 0],
    ].map(([p, revenue]) => ({ pid: (p as PartnerInfo).id, period: '2030-06', revenue: revenue as number, margin: null }));
    const docs: Doc[] = [
      actual(A!, 100), actual(B!, 200), actual(C!, 80), actual(E!, 50),
      claim(A!, {}), claim(A!, { submittedAt: '2030-06-30T23:00:00.000Z' }),
      claim(B!, { due: '2030-06-05' }),
      claim(D!, { duplicate: true }),
      claim(E!, { state: 'rejected', decidedAt: '2030-06-12T02:00:00.000Z' }),
      claim(C!, { state: 'draft', submittedAt: null }),
    ];
    insertAll(db(), w.admin, w.partners, results, docs);
    const page = await wang('analysis.scores', { period: '2030-06', limit: 100 });
    const got = page.rows.map((r) => [r.partner.code, r.revenueScore, r.costRatioScore, r.timelinessScore, r.flagsScore, r.score, r.rankInChannelType, r.yellowInChannelType, r.suggestedStar]);
    // revenue midranks: E 0, D 25, B = C 62.5, A 100; ratio worst first: E (cost, no revenue) 0, B .25 → 25, A = C .1 → 62.5, D (no cost) 100
    expect(got).toEqual([
      ['PA', 100, 62.5, 100, 100, 88.75, 1, false, 5],
      ['PC', 62.5, 62.5, 100, 100, 73.75, 2, false, 4],
      ['PD', 25, 100, 100, 75, 67.5, 3, true, 4],
      ['PB', 62.5, 25, 0, 100, 42.5, 4, true, 3],
      ['PE', 0, 0, 100, 75, 27.5, 5, true, 2],
    ]);
    expect(page.weights).toMatchObject({ revenue: 40, costRatio: 30, timeliness: 20, flags: 10 });
    expect(page.rows.find((r) => r.partner.code === 'PA')).toMatchObject({ claimsSubmitted: 2, claimsOnTime: 2, actual: 100, ratioBp: 1000 });
    expect(page.rows.find((r) => r.partner.code === 'PE')).toMatchObject({ rejectedFlags: 1, ratioBp: null });
    const yellow = await wang('analysis.scores', { period: '2030-06', yellowOnly: true });
    expect(yellow.rows.map((r) => r.partner.code)).toEqual(['PD', 'PB', 'PE']);

    // the export carries the same figures (a real xlsx through the grid export)
    const file = await wang('analysis.export', { view: 'scores', input: { period: '2030-06' }, locale: 'en' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(getFile(core.env, wang.userId, file.fileId).path);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 2)).toEqual(['Partner', 'Org unit']);
    const scoreCol = header.indexOf('Score') + 1;
    const body = Array.from({ length: 5 }, (_, k) => ws.getRow(k + 2));
    expect(body.map((r) => [String(r.getCell(1).value).split(' ')[0], r.getCell(scoreCol).value])).toEqual([['PA', 88.75], ['PC', 73.75], ['PD', 67.5], ['PB', 42.5], ['PE', 27.5]]);
    expect(file.rows).toBe(5);
    await expect(wang('analysis.export', { view: 'scores', input: { period: 'June' } })).rejects.toMatchObject({ code: 'validation' });
  });

  it('ties: same total and revenue are ranked by code; three or fewer members get no card', async () => {
    const ql = unit('QJ-QL');
    const [X, Y] = partners([{ code: 'ZZ2', ou: ql, owner: null }, { code: 'ZZ1', ou: ql, owner: null }]);
    insertAll(db(), w.admin, w.partners, [X!, Y!].map((p) => ({ pid: p.id, period: '2030-07', revenue: 100, margin: 5 })), []);
    const r = await wang('analysis.ranking', { period: '2030-07', kind: 'partnerInOrgUnit' });
    expect(r.rows.map((x) => [x.subject.code, x.score, x.rank, x.of, x.yellowCard])).toEqual([['ZZ1', 65, 1, 2, false], ['ZZ2', 65, 2, 2, false]]);
  });

  it('org units and managers by the mean score of their partners; the card history; scope', async () => {
    const units = ['KM-WH', 'KM-PL', 'KM-GD', 'QJ-QL', 'QJ-ZY'].map(unit);
    expect(units.every((u) => typeof u === 'number')).toBe(true);
    const [m1, m2] = [user('zhangwei'), user('sunli')];
    const ps = partners(units.map((ou, i) => ({ code: `PO${i + 1}`, ou, owner: i < 2 ? m1 : m2 })));
    insertAll(db(), w.admin, w.partners, ps.map((p, i) => ({ pid: p.id, period: '2030-08', revenue: (i + 1) * 100, margin: null })), []);
    // ratio 0 for all (a five-way tie: 50 each), revenue 0/25/50/75/100 → totals 45, 55, 65, 75, 85
    const ou = await wang('analysis.ranking', { period: '2030-08', kind: 'orgUnit' });
    expect(ou.rows.map((r) => [r.subject.id, r.score, r.rank, r.of, r.yellowCard])).toEqual([
      [units[4], 85, 1, 5, false], [units[3], 75, 2, 5, false], [units[2], 65, 3, 5, true], [units[1], 55, 4, 5, true], [units[0], 45, 5, 5, true],
    ]);
    const mg = await wang('analysis.ranking', { period: '2030-08', kind: 'manager' });
    expect(mg.rows.map((r) => [r.subject.id, r.score, r.partners, r.rank, r.yellowCard])).toEqual([[m2, 75, 3, 1, false], [m1, 50, 2, 2, false]]);

    // Kunming's approver: Kunming's units only, with their company-wide ranks
    const km = await lina('analysis.ranking', { period: '2030-08', kind: 'orgUnit' });
    expect(km.rows.map((r) => [r.subject.id, r.rank, r.of])).toEqual([[units[2], 3, 5], [units[1], 4, 5], [units[0], 5, 5]]);
    const kmScores = await lina('analysis.scores', { period: '2030-08' });
    expect(kmScores.rows.map((r) => r.partner.code).sort()).toEqual(['PO1', 'PO2', 'PO3']);
    const kmMgr = await lina('analysis.ranking', { period: '2030-08', kind: 'manager' });
    // both managers have a Kunming partner (sunli's PO3 is in KM-GD)
    expect(kmMgr.rows.map((r) => r.subject.id)).toEqual([m2, m1]);

    const cards = await wang('analysis.yellowCards', { from: '2030-07', to: '2030-08', kinds: ['orgUnit', 'partnerInChannelType'] });
    expect(cards.map((c) => [c.period, c.kind, c.subject.code, c.rank])).toEqual([
      ['2030-08', 'partnerInChannelType', 'PO3', 3], ['2030-08', 'partnerInChannelType', 'PO2', 4], ['2030-08', 'partnerInChannelType', 'PO1', 5],
      ['2030-08', 'orgUnit', 'KM-GD', 3], ['2030-08', 'orgUnit', 'KM-PL', 4], ['2030-08', 'orgUnit', 'KM-WH', 5],
    ]);
    const one = await lina('analysis.yellowCards', { from: '2030-08', to: '2030-08', kinds: ['partnerInOrgUnit', 'partnerInChannelType'], subjectId: ps[0]!.id });
    expect(one.map((c) => c.kind)).toEqual(['partnerInChannelType']);
    expect(await lina('analysis.yellowCards', { from: '2030-08', to: '2030-08', subjectId: ps[4]!.id })).toEqual([]);
  });
});

describe('score weights', () => {
  it('only an administrator sets them; they apply from their month on and past months keep theirs', async () => {
    await expect(wang('analysis.weights.set', { revenue: 25, costRatio: 25, timeliness: 25, flags: 25 })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(admin('analysis.weights.set', { revenue: 50, costRatio: 25, timeliness: 25, flags: 25 })).rejects.toBeInstanceOf(ApiError);
    const set = await admin('analysis.weights.set', { revenue: 100, costRatio: 0, timeliness: 0, flags: 0, effectiveFrom: '2030-08' });
    expect(set).toMatchObject({ revenue: 100, effectiveFrom: '2030-08', setBy: expect.any(String) });
    expect(await wang('analysis.weights.get', { period: '2030-07' })).toMatchObject({ revenue: 40, costRatio: 30, setBy: null });
    expect(await lina('analysis.weights.get', { period: '2031-01' })).toMatchObject({ revenue: 100, costRatio: 0 });
    const [P, Q] = partners([{ code: 'W1', ou: unit('KM-WH'), owner: null }, { code: 'W2', ou: unit('KM-WH'), owner: null }]);
    insertAll(db(), w.admin, w.partners, [{ pid: P!.id, period: '2030-08', revenue: 10, margin: null }, { pid: Q!.id, period: '2030-08', revenue: 20, margin: null }], []);
    const s = await wang('analysis.scores', { period: '2030-08' });
    expect(s.rows.map((r) => [r.partner.code, r.score])).toEqual([['W2', 100], ['W1', 0]]);
  });
});
