import type Database from 'better-sqlite3';
import { DEMO_PASSWORD } from '../../electron/core/demo/names';
import { createCore } from '../../electron/core/index';
import { ANALYSIS_NOW, buildAnalysisBenchData } from './analysisData';
import { silentLogger } from './data';
import { figure, median, type Figure } from './figure';

/**
 * analysis_dashboard (issue 10 point 8): one dashboard — the monthly trend over 24 months, the
 * partner scores of the last month (ranks and yellow cards; the first page of 100) and the
 * spend-vs-revenue scatter (up to 20,000 points, medians of all) — through the API, against hand
 * SQL computing the same figures on the same file: the best a careful engineer would write for
 * each (ledger sums without any join where none is needed, one pass of partner facts then window
 * ranks, per-holder sums joined once), with the points built as objects as the API answers them.
 * Data: `partners` × 24 months of results and 1,000,000 claim lines (× scale; quick: a tenth).
 */
const FROM = '2025-01';
const TO = '2026-12';
const MONTH = '2026-12';
const log = (msg: string) => process.stderr.write(`[analysis] ${msg}\n`);

function handTrend(db: Database.Database) {
  const cost = db
    .prepare(
      `SELECT period, SUM(CASE WHEN kind = 'actual' THEN 0 ELSE amount END) AS committed, SUM(CASE WHEN kind = 'actual' THEN amount ELSE 0 END) AS actual
       FROM budget_ledger WHERE against_type IN ('cost_request','claim') AND period BETWEEN ? AND ? AND kind IN ('commitment','release','actual') GROUP BY period`,
    )
    .all(FROM, TO) as { period: string; committed: number; actual: number }[];
  const rev = new Map((db.prepare('SELECT period, SUM(revenue) AS r FROM sales_results WHERE period BETWEEN ? AND ? GROUP BY period').raw(true).all(FROM, TO) as [string, number][]));
  return cost.map((c) => ({ ...c, revenue: rev.get(c.period) ?? 0 }));
}

function handScatter(db: Database.Database) {
  const rows = db
    .prepare(
      `WITH h AS (
         SELECT against_type AS t, against_id AS id, SUM(CASE WHEN kind = 'actual' THEN amount ELSE 0 END) AS a, SUM(CASE WHEN kind = 'actual' THEN 0 ELSE amount END) AS c
         FROM budget_ledger WHERE against_type IN ('cost_request','claim') AND period BETWEEN @from AND @to AND kind IN ('commitment','release','actual') GROUP BY against_type, against_id),
       f AS (
         SELECT r.partner_id AS pid, h.a, h.c, 0 AS rev FROM h JOIN cost_requests r ON r.id = h.id WHERE h.t = 'cost_request'
         UNION ALL SELECT c.partner_id, h.a, h.c, 0 FROM h JOIN claims c ON c.id = h.id WHERE h.t = 'claim'
         UNION ALL SELECT partner_id, 0, 0, SUM(revenue) FROM sales_results WHERE period BETWEEN @from AND @to GROUP BY partner_id)
       SELECT p.id, p.code, p.name, p.channel_type_id, p.org_unit_id, SUM(f.a) AS sa, SUM(f.c) AS sc, SUM(f.rev) AS srev
       FROM f JOIN partners p ON p.id = f.pid GROUP BY p.id HAVING SUM(f.a) <> 0 OR SUM(f.c) <> 0 OR SUM(f.rev) <> 0 ORDER BY sa DESC, srev DESC, p.id`,
    )
    .raw(true)
    .all({ from: FROM, to: TO }) as [number, string, string, number, number, number, number, number][];
  const med = (k: number) => Float64Array.from(rows, (r) => r[k] as number).sort()[Math.floor((rows.length - 1) / 2)];
  const points = rows.slice(0, 20_000).map((r) => ({ partnerId: r[0], code: r[1], name: r[2], channelTypeId: r[3], orgUnitId: r[4], actual: r[5], committed: r[6], revenue: r[7] }));
  return { total: rows.length, medianActual: med(5), medianRevenue: med(7), points };
}

function handScores(db: Database.Database) {
  const m0 = `${MONTH}-01`;
  const m1 = '2027-01-01';
  return db
    .prepare(
      `WITH f AS (
         SELECT partner_id AS pid, revenue AS rev, 0 AS act, 0 AS n, 0 AS ok, 0 AS dup, 0 AS rej, 1 AS has FROM sales_results WHERE period = @m
         UNION ALL SELECT r.partner_id, 0, l.amount, 0, 0, 0, 0, 0 FROM budget_ledger l JOIN cost_requests r ON r.id = l.against_id WHERE l.against_type = 'cost_request' AND l.period = @m AND l.kind = 'actual'
         UNION ALL SELECT c.partner_id, 0, l.amount, 0, 0, 0, 0, 0 FROM budget_ledger l JOIN claims c ON c.id = l.against_id WHERE l.against_type = 'claim' AND l.period = @m AND l.kind = 'actual'
         UNION ALL SELECT partner_id, 0, 0, 1, substr(submitted_at, 1, 10) <= due, duplicate_reason <> '', 0, 0 FROM claims
           WHERE submitted_at >= @m0 AND submitted_at < @m1 AND approval_state NOT IN ('draft','cancelled')
         UNION ALL SELECT partner_id, 0, 0, 0, 0, 0, 1, 0 FROM claims WHERE decided_at >= @m0 AND decided_at < @m1 AND approval_state = 'rejected'),
       g AS (SELECT pid, SUM(rev) AS rev, SUM(act) AS act, SUM(n) AS n, SUM(ok) AS ok, SUM(dup) + SUM(rej) AS flags, MAX(has) AS has FROM f GROUP BY pid),
       q AS (SELECT p.id, p.code, p.channel_type_id AS ct, p.org_unit_id AS ou, g.*, (g.rev = 0 AND g.act > 0) AS inf, CASE WHEN g.rev > 0 THEN g.act * 1.0 / g.rev ELSE 0 END AS ratio
             FROM g JOIN partners p ON p.id = g.pid WHERE g.has = 1 OR g.act <> 0),
       w AS (SELECT *, count(*) OVER c AS n_ct,
               rank() OVER (c ORDER BY rev) AS r1, count(*) OVER (PARTITION BY ct, rev) AS t1,
               rank() OVER (c ORDER BY inf DESC, ratio DESC) AS r2, count(*) OVER (PARTITION BY ct, inf, ratio) AS t2
             FROM q WINDOW c AS (PARTITION BY ct)),
       s AS (SELECT *, 40 * (CASE WHEN n_ct = 1 THEN 10000 ELSE ((2 * r1 + t1 - 3) * 20000 + 2 * (n_ct - 1)) / (4 * (n_ct - 1)) END)
                    + 30 * (CASE WHEN n_ct = 1 THEN 10000 ELSE ((2 * r2 + t2 - 3) * 20000 + 2 * (n_ct - 1)) / (4 * (n_ct - 1)) END)
                    + 20 * (CASE WHEN n = 0 THEN 10000 ELSE (ok * 20000 + n) / (2 * n) END)
                    + 10 * max(0, 10000 - 2500 * flags) AS total FROM w)
       SELECT id, code, total, row_number() OVER (PARTITION BY ct ORDER BY total DESC, rev DESC, code) AS rct, count(*) OVER (PARTITION BY ct) AS oct,
              row_number() OVER (PARTITION BY ou ORDER BY total DESC, rev DESC, code) AS rou, count(*) OVER (PARTITION BY ou) AS oou, count(*) OVER () AS n_all
       FROM s ORDER BY total DESC, rev DESC, code LIMIT 100`,
    )
    .all({ m: MONTH, m0, m1 }) as { id: number; code: string; total: number; rct: number; oct: number }[];
}

export async function benchAnalysisDashboard(opts: { quick: boolean; scale: number }): Promise<Figure[]> {
  const f = opts.quick ? 0.1 : 1;
  const partners = Math.round(100_000 * opts.scale * f);
  const lines = Math.round(1_000_000 * opts.scale * f);
  const data = await buildAnalysisBenchData({ partners, lines });
  const core = createCore({ dataDir: data.dataDir, log: silentLogger, now: () => ANALYSIS_NOW });
  try {
    const s = await core.call('auth.signIn', { username: 'wangfang', password: DEMO_PASSWORD });
    const call = <M extends Parameters<typeof core.call>[0]>(m: M, i: Parameters<typeof core.call<M>>[1]) => core.call(m, i, { token: s.token });
    const db = core.env.db.$client;
    const filter = { from: FROM, to: TO };
    const api = async () => {
      const t0 = performance.now();
      const trend = await call('analysis.trend', { filter });
      const t1 = performance.now();
      const scores = await call('analysis.scores', { period: MONTH, limit: 100 });
      const t2 = performance.now();
      const scatter = await call('analysis.scatter', { filter });
      const t3 = performance.now();
      return { trend, scores, scatter, ms: [t1 - t0, t2 - t1, t3 - t2] };
    };
    const hand = () => {
      const t0 = performance.now();
      const trend = handTrend(db);
      const t1 = performance.now();
      const scores = handScores(db);
      const t2 = performance.now();
      const scatter = handScatter(db);
      const t3 = performance.now();
      return { trend, scores, scatter, ms: [t1 - t0, t2 - t1, t3 - t2] };
    };
    // the same figures both ways, or the comparison means nothing
    const a = await api();
    const h = hand();
    const checks = {
      trend: JSON.stringify(a.trend.map((p) => [p.period, p.committed, p.actual, p.revenue])) === JSON.stringify(h.trend.map((p) => [p.period, p.committed, p.actual, p.revenue])),
      scores: JSON.stringify(a.scores.rows.map((r) => [r.partner.id, Math.round(r.score * 10_000), r.rankInChannelType, r.ofInChannelType])) === JSON.stringify(h.scores.map((r) => [r.id, r.total, r.rct, r.oct])),
      scatter: a.scatter.total === h.scatter.total && a.scatter.medianActual === h.scatter.medianActual && a.scatter.medianRevenue === h.scatter.medianRevenue &&
        JSON.stringify(a.scatter.points.map((p) => [p.partnerId, p.actual, p.revenue])) === JSON.stringify(h.scatter.points.map((p) => [p.partnerId, p.actual, p.revenue])),
    };
    const same = Object.values(checks).every(Boolean);
    if (!same) throw new Error(`analysis_dashboard: the API and the hand SQL disagree: ${JSON.stringify(checks)}`);
    const runs = opts.quick ? 3 : 5;
    const apiMs: number[][] = [];
    const handMs: number[][] = [];
    for (let k = 0; k < runs; k++) {
      apiMs.push((await api()).ms);
      handMs.push(hand().ms);
    }
    const total = (xs: number[][]) => median(xs.map((x) => x[0]! + x[1]! + x[2]!));
    const part = (xs: number[][], i: number) => Number(median(xs.map((x) => x[i]!)).toFixed(1));
    log(`api ${total(apiMs).toFixed(0)} ms, hand ${total(handMs).toFixed(0)} ms`);
    return [
      figure('analysis_dashboard', total(apiMs), total(handMs), 'ms', 1.5, {
        partners, claimLines: lines, months: 24, scatterPoints: a.scatter.points.length, scatterPartners: a.scatter.total,
        apiTrendMs: part(apiMs, 0), apiScoresMs: part(apiMs, 1), apiScatterMs: part(apiMs, 2),
        handTrendMs: part(handMs, 0), handScoresMs: part(handMs, 1), handScatterMs: part(handMs, 2),
      }),
    ];
  } finally {
    core.close();
    data.dispose();
  }
}
