import type { PastePlan } from '../../../grid/spreadsheet';
import { parseCell, type CellLookups } from './cells';
import { newRow, readCell, sameCell, type Change, type EditCol, type PlanRow } from './sheet';

/**
 * A laid-out paste (grid/spreadsheet.ts) as one undoable batch: rows past the end are added as
 * new lines (their keys come from the block when it covers the key columns, else they are
 * chosen afterwards), and every value goes through its column's parser. Returns the batch, the
 * next free id for new rows (ids count down from -1) and how many pasted values are invalid.
 */
export function pasteChanges(rows: readonly PlanRow[], plan: PastePlan, lk: CellLookups, nextId: number) {
  const byId = new Map(rows.map((r) => [String(r.id), r]));
  const batch: Change[] = [];
  const added: PlanRow[] = [];
  for (let k = 0; k < plan.newRows; k++) {
    const row = newRow(nextId - k);
    added.push(row);
    batch.push({ kind: 'add', row });
  }
  let invalid = 0;
  for (const cell of plan.cells) {
    const row = cell.rowId === null ? added[cell.newRow] : byId.get(cell.rowId);
    if (!row) continue;
    const col = cell.colId as EditCol;
    const after = parseCell(col, cell.raw, lk);
    if (after.bad) invalid += 1;
    const before = readCell(row, col);
    if (!sameCell(before, after)) batch.push({ kind: 'cell', rowId: row.id, col, before, after });
  }
  return { batch, nextId: nextId - plan.newRows, invalid };
}
