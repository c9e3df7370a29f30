import type { PlannedChange } from '../../../../shared/api/areas/excel';
import type { Locale } from '../../../../shared/api/areas/common';
import type { OrgCtx } from '../../context';
import { getKind } from '../kinds';
import { loadRefs, type RefTables } from '../kinds/refs';
import type { Bilingual, Change, KindDef, PlannedRow, RowOutcome } from '../kinds/types';
import type { DryRun } from './store';

/**
 * The dry run's preview (excel.changes), a page at a time: each planned row with the record's
 * key and name, and its fields — an update's changed ones before → after, a create's values
 * (before null; a create has no id yet: a service kind's dry run rolled its insert back).
 * References are shown as "CODE name" in the caller's language, lists of them as their codes.
 * Bulk kinds read the page from their stage (BulkKind.previewPage), service kinds from the
 * outcomes their services returned.
 */
type RefList = Exclude<keyof RefTables, 'scope'>;

export function plannedChanges(ctx: OrgCtx, d: DryRun, op: RowOutcome['op'] | undefined, offset: number, limit: number): { rows: PlannedChange[]; total: number } {
  const kind = getKind(ctx, d.kind);
  const show = shower(ctx, kind);
  const out = (r: PlannedRow): PlannedChange => ({
    row: r.row,
    op: r.op,
    key: r.key,
    name: r.name,
    id: r.id,
    changes: r.changes.map((x) => ({ column: x.column, before: show(x.column, x.before), after: show(x.column, x.after) })),
  });
  if (d.stage) {
    const rows: PlannedRow[] =
      kind.strategy === 'bulk' && kind.previewPage
        ? kind.previewPage(ctx, d.stage, op, offset, limit)
        : d.stage.page(op, offset, limit).map((r) => ({ row: r.rowno, op: r.op, id: r.rec_id, key: r.key, name: null, changes: r.changes ? (JSON.parse(r.changes) as Change[]) : [] }));
    return { total: d.stage.total(op), rows: rows.map(out) };
  }
  const list = op ? d.changes.filter((c) => c.op === op) : d.changes;
  const locale = ctx.user.locale;
  return {
    total: list.length,
    rows: list.slice(offset, offset + limit).map((c) => out({ row: c.row, op: c.op, id: c.op === 'create' ? null : c.id, key: c.key, name: nameIn(c.name, locale), changes: c.changes })),
  };
}

function nameIn(name: string | Bilingual | undefined, locale: Locale): string | null {
  if (name === undefined) return null;
  if (typeof name === 'string') return name;
  return (locale === 'en' ? name.en || name['zh-CN'] : name['zh-CN'] || name.en) || null;
}

/** a stored value → what the preview shows: references by their record */
function shower(ctx: OrgCtx, kind: KindDef): (column: string, v: unknown) => unknown {
  const lists = new Map(kind.columns.filter((c) => (c.type === 'ref' || c.type === 'refs') && c.list && c.list !== 'choices').map((c) => [c.key, c.list as RefList]));
  if (lists.size === 0) return (_c, v) => v;
  const refs = loadRefs(ctx, [...new Set(lists.values())]);
  const locale = ctx.user.locale;
  return (column, v) => {
    const list = lists.get(column);
    if (!list) return v;
    if (typeof v === 'number') return refs[list].display(v, locale) || v;
    if (Array.isArray(v)) return v.map((x) => (typeof x === 'number' ? (refs[list].byId(x)?.code ?? x) : x));
    return v;
  };
}
