import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisDimension, AnalysisGrain, Baseline, MetricsRow } from '../../../shared/api/areas/analysisTypes';
import { freshCore, type Caller, type TestCore } from '../testing';
import { bpOf, insertAll, mi, pm, worldOf, type Doc, type PartnerInfo, type ResultRow } from './testkit';

/**
 * Every figure of the metrics table, the trend and the scatter equals a recomputation written here
 * in plain TypeScript from the raw rows this test inserted (random results, requests, claims and
 * ledger entries on a real SQLite file), for random slices, grains, baselines, filters and
 * callers of two scopes (the whole company; Kunming only). Each run is rolled back.
 */
const RUNS = Number(process.env.ANALYSIS_PROPERTY_RUNS ?? 60);
const M0 = mi('2030-01');
const NM = 24;
const per = (k: number) => pm(M0 + k);

let core: TestCore;
let w: ReturnType<typeof worldOf>;
let picked: PartnerInfo[];
const callers: Record<string, Caller> = {};
beforeAll(async () => {
  core = await freshCore({ demo: true, partners: 60 });
  w = worldOf(core.env.db.$client);
  // partners of several units, both branches, with and without a manager
  const seen = new Set<number>();
  picked = w.partners.filter((p) => (seen.has(p.ou) ? false : (seen.add(p.ou), true))).slice(0, 8);
  picked.push(...w.partners.filter((p) => !picked.includes(p)).slice(0, 4));
  for (const u of ['wangfang', 'lina']) callers[u] = await core.as(u);
}, 120_000);
afterAll(() => core?.dispose());

const stamp = (k: number, d: number, h: number) => `${per(k)}-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00.000Z`;
const day = (k: number, d: number) => `${per(k)}-${String(d).padStart(2, '0')}`;

const arbData = () =>
  fc.record({
    results: fc.array(fc.record({ p: fc.nat(11), m: fc.nat(NM - 1), revenue: fc.integer({ min: 0, max: 50_000_000 }), margin: fc.option(fc.integer({ min: -1_000_000, max: 20_000_000 }), { freq: 4 }) }), { maxLength: 80 }),
    docs: fc.array(
      fc.record({
        type: fc.constantFrom('cost_request' as const, 'claim' as const),
        p: fc.nat(11),
        ct: fc.nat(20),
        sm: fc.nat(NM - 1), sd: fc.integer({ min: 1, max: 28 }), em: fc.nat(3), ed: fc.integer({ min: 1, max: 28 }),
        state: fc.constantFrom('draft' as const, 'submitted' as const, 'approved' as const, 'rejected' as const, 'returned' as const, 'cancelled' as const),
        sub: fc.option(fc.tuple(fc.nat(NM - 1), fc.integer({ min: 1, max: 28 }), fc.nat(23))),
        dec: fc.option(fc.tuple(fc.nat(NM - 1), fc.integer({ min: 1, max: 28 }), fc.nat(23))),
        due: fc.tuple(fc.nat(NM - 1), fc.integer({ min: 1, max: 28 })),
        dup: fc.boolean(),
        entries: fc.array(
          fc.record({ m: fc.nat(NM - 1), kind: fc.constantFrom('commitment' as const, 'release' as const, 'actual' as const, 'allocation' as const), amount: fc.integer({ min: 1, max: 5_000_000 }), line: fc.nat(3) }),
          { maxLength: 4 },
        ),
      }),
      { maxLength: 25 },
    ),
  });

const arbQuery = () =>
  fc.record({
    dimension: fc.constantFrom<AnalysisDimension>('partner', 'orgUnit', 'manager', 'channelType', 'costType'),
    grain: fc.constantFrom<AnalysisGrain>('month', 'quarter', 'year', 'ytd'),
    baseline: fc.constantFrom<Baseline>('lastYear', 'pre3'),
    from: fc.nat(NM - 1),
    len: fc.nat(NM - 1),
    who: fc.constantFrom('wangfang', 'lina'),
    ou: fc.option(fc.nat(11), { freq: 3 }),
    cts: fc.option(fc.subarray([0, 1, 2, 3]), { freq: 3 }),
    costs: fc.option(fc.subarray([0, 1, 2, 3, 4]), { freq: 3 }),
    pids: fc.option(fc.subarray([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], { minLength: 1 }), { freq: 3 }),
  });

type Data = ReturnType<typeof toRows>;
function toRows(d: fc.Arbitrary<unknown> extends never ? never : { results: { p: number; m: number; revenue: number; margin: number | null }[]; docs: { type: Doc['type']; p: number; ct: number; sm: number; sd: number; em: number; ed: number; state: Doc['state']; sub: [number, number, number] | null; dec: [number, number, number] | null; due: [number, number]; dup: boolean; entries: { m: number; kind: Doc['entries'][number]['kind']; amount: number; line: number }[] }[] }) {
  const seen = new Set<string>();
  const results: ResultRow[] = [];
  for (const r of d.results) {
    const k = `${r.p}|${r.m}`;
    if (seen.has(k)) continue;
    seen.add(k);
    results.push({ pid: picked[r.p]!.id, period: per(r.m), revenue: r.revenue, margin: r.margin });
  }
  const docs: Doc[] = d.docs.map((x) => {
    const endM = Math.min(NM - 1, x.sm + x.em);
    const start = day(x.sm, x.sd);
    let end = day(endM, x.ed);
    if (end < start) end = start;
    return {
      type: x.type, pid: picked[x.p]!.id, costType: w.costTypes[x.ct % w.costTypes.length]!, activityStart: start, activityEnd: end, state: x.state,
      submittedAt: x.sub ? stamp(...x.sub) : null, decidedAt: x.dec ? stamp(...x.dec) : null, due: day(...x.due), duplicate: x.dup,
      entries: x.entries.map((e) => ({ period: per(e.m), kind: e.kind, amount: e.kind === 'release' ? -e.amount : e.amount, line: w.lines[e.line % w.lines.length]!.id })),
    };
  });
  return { results, docs };
}

/** the bucket of a month, written out again */
const bucketOf = (g: AnalysisGrain, p: string) => (g === 'month' ? p : g === 'year' ? p.slice(0, 4) : g === 'ytd' ? `${p.slice(0, 4)}-YTD` : `${p.slice(0, 4)}-Q${Math.ceil(Number(p.slice(5)) / 3)}`);
const days = (a: string, b: string) => Math.round((Date.UTC(+a.slice(0, 4), +a.slice(5, 7) - 1, +a.slice(8, 10)) - Date.UTC(+b.slice(0, 4), +b.slice(5, 7) - 1, +b.slice(8, 10))) / 86_400_000);
const mean1 = (sum: number, n: number) => (n === 0 ? null : Math.round((sum / n) * 10) / 10);
const scaleR = (a: number, num: number, den: number) => Math.sign(a) * Math.floor((Math.abs(a) * num * 2 + den) / (2 * den));

function expected(data: Data, q: fc.Arbitrary<unknown> extends never ? never : ReturnType<typeof qOf>) {
  const { from, to, dimension: dim, grain, baseline } = q;
  const scope = w.scopeOf(q.who);
  const sub = q.orgUnitId ? w.subtree(q.orgUnitId) : null;
  const pById = new Map(w.partners.map((p) => [p.id, p]));
  const inSlice = (p: PartnerInfo) => scope.has(p.ou) && (!sub || sub.has(p.ou)) && (!q.channelTypeIds?.length || q.channelTypeIds.includes(p.ct)) && (!q.partnerIds?.length || q.partnerIds.includes(p.id));
  const costOk = (ct: number) => !q.costTypeIds?.length || q.costTypeIds.includes(ct);
  const keyOf = (p: PartnerInfo, costType: number) => ({ partner: p.id, orgUnit: p.ou, manager: p.mgr, channelType: p.ct, costType })[dim];
  const inRange = (period: string) => period >= from && period <= to;
  type F = 'committed' | 'actual' | 'revenue' | 'margin' | 'rows' | 'wm' | 'brows' | 'bwm' | 'bmargin' | 'lineActual' | 'lag' | 'lagN' | 'cyc' | 'cycN';
  type A = Record<F, number> & { allocated?: number; months?: number };
  const m = new Map<string, A>();
  const get = (k: number | null, b: string) => {
    const id = `${k}|${b}`;
    if (!m.has(id)) m.set(id, { committed: 0, actual: 0, revenue: 0, margin: 0, rows: 0, wm: 0, brows: 0, bwm: 0, bmargin: 0, lineActual: 0, lag: 0, lagN: 0, cyc: 0, cycN: 0 });
    return m.get(id)!;
  };
  for (const d of data.docs) {
    const p = pById.get(d.pid)!;
    for (const e of d.entries) {
      if (e.kind === 'allocation' || !inRange(e.period) || !inSlice(p) || !costOk(d.costType)) continue;
      const a = get(keyOf(p, d.costType), bucketOf(grain, e.period));
      if (e.kind === 'actual') a.actual += e.amount;
      else a.committed += e.amount;
    }
  }
  const withRevenue = dim !== 'costType';
  if (withRevenue) {
    for (const r of data.results) {
      const p = pById.get(r.pid)!;
      if (!inRange(r.period) || !inSlice(p)) continue;
      const a = get(keyOf(p, 0), bucketOf(grain, r.period));
      a.revenue += r.revenue;
      a.rows++;
      if (r.margin !== null) {
        a.wm++;
        a.margin += r.margin;
      }
    }
    // buckets (months within the range) and their baseline windows
    const buckets = new Map<string, string[]>();
    for (let i = mi(from); i <= mi(to); i++) buckets.set(bucketOf(grain, pm(i)), [...(buckets.get(bucketOf(grain, pm(i))) ?? []), pm(i)]);
    for (const [b, months] of buckets) {
      const win = baseline === 'lastYear' ? months.map((x) => pm(mi(x) - 12)) : [3, 2, 1].map((k) => pm(mi(months[0]!) - k));
      for (const r of data.results) {
        const p = pById.get(r.pid)!;
        if (!win.includes(r.period) || !inSlice(p)) continue;
        const a = m.get(`${keyOf(p, 0)}|${b}`);
        if (!a) continue;
        a.brows++;
        if (r.margin !== null) {
          a.bwm++;
          a.bmargin += r.margin;
        }
      }
      for (const a of [...m.entries()].filter(([k]) => k.endsWith(`|${b}`)).map(([, v]) => v)) a.months = months.length;
    }
  }
  const lineKey = { partner: 'partner', orgUnit: 'ou', channelType: 'ct', costType: 'costType', manager: null }[dim] as 'partner' | 'ou' | 'ct' | 'costType' | null;
  if (lineKey) {
    for (const d of data.docs) {
      for (const e of d.entries) {
        const l = w.lines.find((x) => x.id === e.line)!;
        const okLine = scope.has(l.ou) && (!sub || sub.has(l.ou)) && (!q.channelTypeIds?.length || q.channelTypeIds.includes(l.ct)) && costOk(l.costType) && (!q.partnerIds?.length || (l.partner !== null && q.partnerIds.includes(l.partner)));
        if (!okLine || !inRange(e.period) || (dim === 'partner' && l.partner === null)) continue;
        // a line with any movement in the bucket has a budget figure (0 when nothing was allocated)
        const a = get(l[lineKey], bucketOf(grain, e.period));
        a.allocated = (a.allocated ?? 0) + (e.kind === 'allocation' ? e.amount : 0);
        if (e.kind === 'actual') a.lineActual += e.amount;
      }
    }
  }
  for (const d of data.docs) {
    const p = pById.get(d.pid)!;
    if (!inSlice(p) || !costOk(d.costType)) continue;
    if (d.type === 'claim' && d.submittedAt && !['draft', 'cancelled'].includes(d.state) && inRange(d.submittedAt.slice(0, 7))) {
      const a = get(keyOf(p, d.costType), bucketOf(grain, d.submittedAt.slice(0, 7)));
      a.lag += days(d.submittedAt.slice(0, 10), d.activityEnd);
      a.lagN++;
    }
    if (d.decidedAt && d.submittedAt && ['approved', 'rejected'].includes(d.state) && inRange(d.decidedAt.slice(0, 7))) {
      const a = get(keyOf(p, d.costType), bucketOf(grain, d.decidedAt.slice(0, 7)));
      a.cyc += (Date.parse(d.decidedAt) - Date.parse(d.submittedAt)) / 1000;
      a.cycN++;
    }
  }
  const out = new Map<string, Omit<MetricsRow, 'key'>>();
  for (const [k, a] of m) {
    const gm = withRevenue && a.rows! > 0 && a.wm === a.rows ? a.margin! : null;
    const months = a.months ?? 1;
    const bm = withRevenue && a.brows! > 0 && a.bwm === a.brows ? (baseline === 'lastYear' ? a.bmargin! : scaleR(a.bmargin!, months, 3)) : null;
    out.set(k, {
      bucket: k.split('|')[1]!,
      committed: a.committed!, actual: a.actual!, revenue: withRevenue ? a.revenue! : null, grossMargin: gm, baselineMargin: bm,
      ratioBp: withRevenue ? bpOf(a.actual!, a.revenue!) : null,
      roiBp: gm !== null && bm !== null ? bpOf(gm - bm - a.actual!, a.actual!) : null,
      executionBp: a.allocated === undefined ? null : bpOf(a.lineActual!, a.allocated), allocated: a.allocated ?? null,
      settlementLagDays: mean1(a.lag!, a.lagN!), cycleDays: a.cycN ? Math.round((a.cyc! / 86_400 / a.cycN) * 10) / 10 : null,
    });
  }
  return out;
}

function qOf(x: { dimension: AnalysisDimension; grain: AnalysisGrain; baseline: Baseline; from: number; len: number; who: string; ou: number | null; cts: number[] | null; costs: number[] | null; pids: number[] | null }) {
  const fromK = x.from;
  const toK = Math.min(NM - 1, x.from + x.len);
  const ctIds = [...new Set(w.partners.map((p) => p.ct))].sort((a, b) => a - b);
  const to = per(toK);
  return {
    dimension: x.dimension, grain: x.grain, baseline: x.baseline, who: x.who,
    from: x.grain === 'ytd' ? `${to.slice(0, 4)}-01` : per(fromK), to, rawFrom: per(fromK),
    orgUnitId: x.ou === null ? undefined : picked[x.ou]!.ou,
    channelTypeIds: x.cts === null ? undefined : x.cts.map((i) => ctIds[i % ctIds.length]!),
    costTypeIds: x.costs === null ? undefined : x.costs.map((i) => w.costTypes[i % w.costTypes.length]!),
    partnerIds: x.pids === null ? undefined : x.pids.map((i) => picked[i]!.id),
  };
}

describe('analysis metrics against a recomputation from raw rows', () => {
  it('metrics table, trend and scatter', async () => {
    const db = core.env.db.$client;
    await fc.assert(
      fc.asyncProperty(arbData(), arbQuery(), async (raw, rq) => {
        const data = toRows(raw);
        const q = qOf(rq);
        db.exec('SAVEPOINT prop');
        try {
          insertAll(db, w.admin, w.partners, data.results, data.docs);
          const filter = { from: q.rawFrom, to: q.to, orgUnitId: q.orgUnitId, channelTypeIds: q.channelTypeIds, costTypeIds: q.costTypeIds, partnerIds: q.partnerIds };
          const call = callers[q.who]!;
          const t = await call('analysis.metrics', { filter, dimension: q.dimension, grain: q.grain, baseline: q.baseline, limit: 5000 });
          const want = expected(data, q);
          const got = new Map(t.rows.map(({ key, ...r }) => [`${key.id}|${r.bucket}`, r]));
          expect(t.total).toBe(want.size);
          expect(Object.fromEntries(got)).toEqual(Object.fromEntries(want));

          // the trend: per month of the range (any dimension's sums; partner dimension recomputed by month)
          const tq = { ...q, dimension: 'partner' as const, grain: 'month' as const, from: q.rawFrom };
          const monthly = expected(data, tq);
          const tr = await call('analysis.trend', { filter });
          for (const point of tr) {
            const rows = [...monthly.values()].filter((r) => r.bucket === point.period);
            const actual = rows.reduce((s, r) => s + r.actual, 0);
            const revenue = rows.reduce((s, r) => s + (r.revenue ?? 0), 0);
            expect(point).toEqual({ period: point.period, committed: rows.reduce((s, r) => s + r.committed, 0), actual, revenue, ratioBp: bpOf(actual, revenue) });
          }
          expect(tr.map((p) => p.period)).toEqual(Array.from({ length: mi(q.to) - mi(q.rawFrom) + 1 }, (_, i) => pm(mi(q.rawFrom) + i)));

          // the scatter: per partner over the range, ordered by actual, revenue, id
          const byP = new Map<number, { actual: number; committed: number; revenue: number }>();
          for (const [k, r] of monthly) {
            const id = Number(k.split('|')[0]);
            const s = byP.get(id) ?? { actual: 0, committed: 0, revenue: 0 };
            s.actual += r.actual;
            s.committed += r.committed;
            s.revenue += r.revenue ?? 0;
            byP.set(id, s);
          }
          const pts = [...byP].filter(([, s]) => s.actual || s.committed || s.revenue).sort((a, b) => b[1].actual - a[1].actual || b[1].revenue - a[1].revenue || a[0] - b[0]);
          const sc = await call('analysis.scatter', { filter });
          expect(sc.total).toBe(pts.length);
          expect(sc.points.map((p) => [p.partnerId, p.actual, p.committed, p.revenue])).toEqual(pts.map(([id, s]) => [id, s.actual, s.committed, s.revenue]));
          const med = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]! : 0);
          expect([sc.medianActual, sc.medianRevenue]).toEqual([med(pts.map((p) => p[1].actual)), med(pts.map((p) => p[1].revenue))]);
        } finally {
          db.exec('ROLLBACK TO prop; RELEASE prop');
        }
      }),
      { numRuns: RUNS },
    );
  }, 300_000);
});
