import { useCallback } from 'react';
import type { ShownGrid } from '../../grid';
import { runGridExport } from './exportJobs';

/**
 * The export button of a report grid (budget vs actual, transfers …): the grid hands over what it
 * shows — visible columns with their headers as shown and a type each, rows in display order with
 * the totals rows — and the core writes the xlsx (excel.exportGrid), with progress in the export
 * tray like every export.
 */
export function useGridExport(title: string): (shown: ShownGrid) => void {
  return useCallback((shown: ShownGrid) => void runGridExport({ title, columns: shown.columns, rows: shown.rows }), [title]);
}
