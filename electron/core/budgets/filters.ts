import type { z } from 'zod';
import type { bvaFilter, BvaDimension } from '../../../shared/api/areas/budgets';
import type { OrgCtx } from '../context';
import { orgNodes } from './lines';
import { dbOf, jsonIds } from './sql';

/** The line columns behind each dimension (branch and county are denormalised onto the line). */
export const DIM_COL: Record<BvaDimension, string> = {
  branch: 'l.branch_id',
  county: 'l.county_id',
  orgUnit: 'l.org_unit_id',
  channelType: 'l.channel_type_id',
  costType: 'l.cost_type_id',
  partner: 'l.partner_id',
};

export type LineFilter = z.output<typeof bvaFilter>;

/**
 * WHERE terms on budget_lines `l` for a plan: the caller's scope (so every figure and roll-up
 * covers only in-scope units), an optional subtree, id lists per dimension (null matches lines
 * without that dimension, e.g. no partner) and exact keys (a drill-down from a row).
 */
export function lineWhere(
  ctx: OrgCtx,
  planId: number,
  filter: LineFilter,
  keys: Partial<Record<BvaDimension, number | null>> = {},
): { where: string[]; params: unknown[] } {
  const scope = ctx.scope.sql('l.org_unit_id');
  const where = ['l.plan_id = ?', ...scope.where];
  const params: unknown[] = [planId, ...scope.params];
  if (filter.subtreeOf !== undefined) {
    const org = orgNodes(dbOf(ctx));
    const root = org.get(filter.subtreeOf)?.path ?? '//';
    where.push('l.org_unit_id IN (SELECT value FROM json_each(?))');
    params.push(jsonIds([...org.values()].filter((u) => u.path.startsWith(root)).map((u) => u.id)));
  }
  for (const dim of Object.keys(DIM_COL) as BvaDimension[]) {
    const list = filter[dim];
    if (list === undefined) continue;
    const ids = list.filter((x): x is number => x !== null);
    const terms = [`${DIM_COL[dim]} IN (SELECT value FROM json_each(?))`];
    params.push(jsonIds(ids));
    if (ids.length < list.length) terms.push(`${DIM_COL[dim]} IS NULL`);
    where.push(`(${terms.join(' OR ')})`);
  }
  for (const [dim, v] of Object.entries(keys) as [BvaDimension, number | null | undefined][]) {
    if (v === undefined) continue;
    if (v === null) where.push(`${DIM_COL[dim]} IS NULL`);
    else {
      where.push(`${DIM_COL[dim]} = ?`);
      params.push(v);
    }
  }
  return { where, params };
}
