import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { weightsInput } from '../../../shared/api/areas/analysis';
import type { ScoreWeights } from '../../../shared/api/areas/analysisTypes';
import type { AuthedCtx } from '../context';
import { isoNow } from '../context';
import { inTx, stmt } from '../budgets/sql';

/**
 * The partner score's weights (table score_weights, appended by administrators): those of month M
 * are the newest row with effective_from ≤ M, so past months keep the weights their scores and
 * yellow cards were computed with. Without a row: revenue 40, cost ratio 30, timeliness 20, flags 10.
 */
export const DEFAULT_WEIGHTS = { revenue: 40, costRatio: 30, timeliness: 20, flags: 10 } as const;

export function weightsFor(db: Database.Database, period: string): ScoreWeights {
  const r = stmt(
    db,
    `SELECT w.effective_from AS effectiveFrom, w.revenue, w.cost_ratio AS costRatio, w.timeliness, w.flags, u.display_name AS setBy, w.set_at AS setAt
     FROM score_weights w JOIN users u ON u.id = w.set_by WHERE w.effective_from <= ? ORDER BY w.effective_from DESC, w.id DESC LIMIT 1`,
  ).get(period) as ScoreWeights | undefined;
  return r ?? { ...DEFAULT_WEIGHTS, effectiveFrom: '2000-01', setBy: null, setAt: null };
}

export const currentPeriod = (ctx: { now: () => Date }) => ctx.now().toISOString().slice(0, 7);

export function setWeights(ctx: AuthedCtx, i: z.output<typeof weightsInput>): ScoreWeights {
  const from = i.effectiveFrom ?? currentPeriod(ctx);
  inTx(ctx, () => {
    stmt(ctx.db.$client, 'INSERT INTO score_weights (effective_from, revenue, cost_ratio, timeliness, flags, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      from, i.revenue, i.costRatio, i.timeliness, i.flags, ctx.user.id, isoNow(ctx),
    );
  });
  return weightsFor(ctx.db.$client, from);
}
