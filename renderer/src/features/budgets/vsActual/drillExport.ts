import type { TFunction } from 'i18next';
import type { LedgerEntryRow } from '@shared/api/areas/budgets';
import type { Input } from '@shared/api/contract';
import { call } from '../../../api/client';
import type { ShownGrid } from '../../../grid';

/**
 * The drill-down's entries as a report for Excel: every entry behind the figure (not only the
 * loaded pages; up to MAX_EXPORT), with the columns the pane shows and the line spelled out, and
 * a totals row that equals the figure. Written by the core's grid export like every report grid.
 */
export const MAX_EXPORT = 50_000;

/** YYYY-MM-DD of a time in the user's time zone (as the pane shows it) */
export function localDay(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export async function drillReport(
  t: TFunction,
  query: Omit<Input<'budgets.entries'>, 'limit' | 'cursor'>,
  lineOf: (e: LedgerEntryRow) => string,
  docOf: (e: LedgerEntryRow) => string,
  total: { label: string; fen: number | null },
): Promise<ShownGrid> {
  const rows: (string | number | null)[][] = [];
  let cursor: string | undefined;
  do {
    const page = await call('budgets.entries', { ...query, limit: 1000, ...(cursor ? { cursor } : {}) });
    for (const e of page.rows) rows.push([localDay(e.at), t(`budgets.drill.kinds.${e.kind}`), e.amount, e.period, lineOf(e), docOf(e), e.userName, e.note]);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && rows.length < MAX_EXPORT);
  rows.push([null, total.label, total.fen, null, null, null, null, null]);
  const h = (k: string) => t(`budgets.drill.${k}`);
  return {
    columns: [
      { header: h('at'), type: 'date' },
      { header: h('kind'), type: 'text' },
      { header: h('amount'), type: 'money' },
      { header: h('period'), type: 'text' },
      { header: h('line'), type: 'text' },
      { header: h('source'), type: 'text' },
      { header: h('user'), type: 'text' },
      { header: h('note'), type: 'text' },
    ],
    rows,
  };
}
