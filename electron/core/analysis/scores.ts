import type { z } from 'zod';
import type { rankingInput, scoresInput, yellowCardsInput } from '../../../shared/api/areas/analysis';
import type { PartnerScore, PartnerScorePage, Ranking, RankingKind, RankingRow, YellowCard } from '../../../shared/api/areas/analysisTypes';
import { RANKINGS } from '../../../shared/api/areas/analysisTypes';
import type { OrgCtx } from '../context';
import { isYellow, scoredCte, suggestedStar } from './scoreSql';
import { bp, keyOf, monthsOf, names, partnerWhere, whereSql } from './slice';
import { weightsFor } from './weights';

/**
 * Partner scores, rankings and yellow cards of a month (issue 10 point 4); the rule is written in
 * scoreSql.ts. Yellow-card history is computed per past month on request, not stored at month end:
 * results for a month are imported weeks after it ends and late claims still arrive, so a card
 * frozen at month end would judge incomplete data and there is no month-end run to freeze it; the
 * weights are versioned by month (score_weights), so a past month's cards keep the weights then in
 * force and change only when that month's data is corrected — which is what a card should follow.
 */
type ScoresInput = z.output<typeof scoresInput>;
type RankingInput = Omit<z.output<typeof rankingInput>, 'kind'> & { kind: RankingKind };

const SORT: Record<ScoresInput['sort'], string> = {
  score: 's.total DESC, s.revenue DESC, s.code',
  rankInChannelType: 's.ct, s.rct',
  rankInOrgUnit: 's.ou, s.rou',
  partner: 's.code',
};
const score = (total: number) => total / 10_000;
const comp = (c: number) => c / 100;

interface ScoredRow {
  id: number; code: string; name: string; ct: number; ou: number; mgr: number | null; star: number; revenue: number; actual: number;
  subn: number; ontime: number; dups: number; rejn: number; srev: number; srat: number; stime: number; sflag: number; total: number;
  rct: number; oct: number; rou: number; oou: number; n: number;
}

export function partnerScoresPage(ctx: OrgCtx, i: ScoresInput): PartnerScorePage {
  const db = ctx.db.$client;
  const weights = weightsFor(db, i.period);
  const cte = scoredCte(i.period, weights);
  const w = partnerWhere(ctx, i);
  const yellow = i.yellowOnly ? ' AND ((s.oct > 3 AND s.rct > s.oct - 3) OR (s.oou > 3 AND s.rou > s.oou - 3))' : '';
  const rows = db
    .prepare(
      `WITH ${cte.sql} SELECT s.*, p.name, count(*) OVER () AS n FROM scored s JOIN partners p ON p.id = s.id
       WHERE 1 = 1${whereSql(w)}${yellow} ORDER BY ${SORT[i.sort]} LIMIT ? OFFSET ?`,
    )
    .all(...w.params, i.limit, i.offset, cte.params) as ScoredRow[];
  const ou = names(db, 'orgUnit', rows.map((r) => r.ou), ctx.user.locale);
  const ct = names(db, 'channelType', rows.map((r) => r.ct), ctx.user.locale);
  const mgr = names(db, 'manager', rows.map((r) => r.mgr), ctx.user.locale);
  const out: PartnerScore[] = rows.map((r) => ({
    partner: { id: r.id, code: r.code, name: r.name },
    orgUnit: keyOf(ou, r.ou),
    channelType: keyOf(ct, r.ct),
    manager: keyOf(mgr, r.mgr),
    period: i.period,
    revenue: r.revenue,
    actual: r.actual,
    ratioBp: bp(r.actual, r.revenue),
    claimsSubmitted: r.subn,
    claimsOnTime: r.ontime,
    duplicateFlags: r.dups,
    rejectedFlags: r.rejn,
    revenueScore: comp(r.srev),
    costRatioScore: comp(r.srat),
    timelinessScore: comp(r.stime),
    flagsScore: comp(r.sflag),
    score: score(r.total),
    rankInChannelType: r.rct,
    ofInChannelType: r.oct,
    rankInOrgUnit: r.rou,
    ofInOrgUnit: r.oou,
    yellowInChannelType: isYellow(r.rct, r.oct),
    yellowInOrgUnit: isYellow(r.rou, r.oou),
    currentStar: r.star,
    suggestedStar: suggestedStar(r.total),
  }));
  return { weights, rows: out, total: rows[0]?.n ?? 0 };
}

/**
 * One ranking of a month. Partners: within their channel type or org unit, the caller's partners
 * shown with their company-wide rank. Org units (a partner's own unit) and managers (a partner's
 * owner): by the mean total of their partners, high to low, then code / username; shown are the
 * caller's org units, and the managers of at least one of the caller's partners.
 */
export function rankingOf(ctx: OrgCtx, i: RankingInput): Ranking {
  const db = ctx.db.$client;
  const weights = weightsFor(db, i.period);
  const cte = scoredCte(i.period, weights);
  const loc = ctx.user.locale;
  let rows: RankingRow[];
  if (i.kind === 'partnerInChannelType' || i.kind === 'partnerInOrgUnit') {
    const inCt = i.kind === 'partnerInChannelType';
    const w = partnerWhere(ctx, i);
    const raw = db
      .prepare(
        `WITH ${cte.sql} SELECT s.id, s.code, p.name, s.ct, s.ou, s.total, ${inCt ? 's.rct AS rank, s.oct AS "of"' : 's.rou AS rank, s.oou AS "of"'}
         FROM scored s JOIN partners p ON p.id = s.id WHERE 1 = 1${whereSql(w)} ORDER BY ${inCt ? 's.ct' : 's.ou'}, rank`,
      )
      .all(...w.params, cte.params) as { id: number; code: string; name: string; ct: number; ou: number; total: number; rank: number; of: number }[];
    const groups = names(db, inCt ? 'channelType' : 'orgUnit', raw.map((r) => (inCt ? r.ct : r.ou)), loc);
    rows = raw.map((r) => ({
      kind: i.kind, group: keyOf(groups, inCt ? r.ct : r.ou), subject: { id: r.id, code: r.code, name: r.name },
      score: score(r.total), partners: 1, rank: r.rank, of: r.of, yellowCard: isYellow(r.rank, r.of),
    }));
  } else {
    const isOu = i.kind === 'orgUnit';
    const w = partnerWhere(ctx, { orgUnitId: i.orgUnitId, channelTypeIds: i.channelTypeIds, partnerIds: i.partnerIds }, 'p');
    const groupSql = isOu
      ? `SELECT s.ou AS sid, avg(s.total) AS a, count(*) AS n, u.code AS code FROM scored s JOIN org_units u ON u.id = s.ou GROUP BY s.ou`
      : `SELECT s.mgr AS sid, avg(s.total) AS a, count(*) AS n, u.username AS code FROM scored s JOIN users u ON u.id = s.mgr WHERE s.mgr IS NOT NULL GROUP BY s.mgr`;
    // shown: org units of the caller's (filtered) partners' units, or managers of at least one such partner
    const shown = isOu
      ? `EXISTS (SELECT 1 FROM scored s2 JOIN partners p ON p.id = s2.id WHERE s2.ou = x.sid${whereSql(w)})`
      : `EXISTS (SELECT 1 FROM scored s2 JOIN partners p ON p.id = s2.id WHERE s2.mgr = x.sid${whereSql(w)})`;
    const raw = db
      .prepare(
        `WITH ${cte.sql}, g AS (${groupSql}), r AS (SELECT g.*, row_number() OVER (ORDER BY g.a DESC, g.code) AS rank, count(*) OVER () AS "of" FROM g)
         SELECT x.* FROM r AS x WHERE ${shown} ORDER BY x.rank`,
      )
      .all(...w.params, cte.params) as { sid: number; a: number; n: number; rank: number; of: number }[];
    const subj = names(db, isOu ? 'orgUnit' : 'manager', raw.map((r) => r.sid), loc);
    rows = raw.map((r) => ({
      kind: i.kind, group: null, subject: keyOf(subj, r.sid), score: Math.round(r.a) / 10_000, partners: r.n, rank: r.rank, of: r.of, yellowCard: isYellow(r.rank, r.of),
    }));
  }
  return { period: i.period, kind: i.kind, weights, rows };
}

/** the yellow cards of each month of the range, newest month first, then by ranking, group and rank */
export function yellowCards(ctx: OrgCtx, i: z.output<typeof yellowCardsInput>): YellowCard[] {
  const kinds = i.kinds?.length ? i.kinds : [...RANKINGS];
  const out: YellowCard[] = [];
  for (const period of monthsOf(i.from, i.to).reverse()) {
    for (const kind of RANKINGS.filter((k) => kinds.includes(k))) {
      const r = rankingOf(ctx, { period, kind, orgUnitId: i.orgUnitId });
      for (const row of r.rows) {
        if (!row.yellowCard) continue;
        if (i.subjectId !== undefined && row.subject.id !== i.subjectId) continue;
        out.push({ period, kind, group: row.group, subject: row.subject, score: row.score, rank: row.rank, of: row.of });
      }
    }
  }
  return out;
}
