import type { GridCellType } from '@shared/api/areas/excel';
import { runGridExport } from '../../excel/exportJobs';

/**
 * Export of a paged document list: the same query the grid runs (quick search, filters, sort),
 * up to 5,000 rows, written by the core's report export (excel.exportGrid) with the columns the
 * grid shows in their order and a totals row. Values are what the grid shows (money as fen →
 * money cells, dates as dates, the rest as displayed text).
 */
export interface ExportColumn<T> {
  colId: string;
  header: string;
  type: GridCellType;
  value: (row: T) => string | number | null;
}

export const EXPORT_LIMIT = 5000;

export function exportRows<T>(title: string, columns: ExportColumn<T>[], visible: string[], rows: T[], totals?: Partial<Record<string, string | number>>): Promise<void> {
  const shown = visible.map((id) => columns.find((c) => c.colId === id)).filter((c): c is ExportColumn<T> => !!c);
  const out = rows.map((r) => shown.map((c) => c.value(r)));
  if (totals) out.push(shown.map((c) => totals[c.colId] ?? null));
  return runGridExport({ title, columns: shown.map((c) => ({ header: c.header, type: c.type })), rows: out });
}
