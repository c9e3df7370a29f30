import { describe, expect, it } from 'vitest';
import type { BudgetVsActual, BvaRow } from '@shared/api/areas/budgets';
import { figuresOf } from '@shared/domain/budget';
import { dimensionCell, figureOf, kindsOf, moveDimension, toGridRows } from './bva';

const row = (keys: BvaRow['keys'], depth: number, subtotal: boolean): BvaRow => ({
  keys, depth, subtotal, buckets: {}, total: figuresOf({ allocated: 1000, committed: 300, actual: 900 }, 1),
});

describe('budget vs actual rows', () => {
  const report: BudgetVsActual = {
    fiscalYear: 2026, dimensions: ['branch', 'costType'], buckets: ['2026'],
    rows: [row({ branch: 2 }, 1, true), row({ branch: 2, costType: 5 }, 2, false)],
    grandTotal: row({}, 0, true), labels: {},
  };
  const { rows, total } = toGridRows(report);

  it('keeps the core’s order, subtotal first, and pins the grand total apart', () => {
    expect(rows.map((r) => r.id)).toEqual([1, 2]);
    expect(total.id).toBe(0);
  });

  it('shows keys, then “subtotal” after a subtotal row’s keys, and “total” on the grand total', () => {
    const dims = report.dimensions;
    expect(dimensionCell(rows[0]!, dims, 0)).toEqual({ kind: 'key', id: 2 });
    expect(dimensionCell(rows[0]!, dims, 1)).toEqual({ kind: 'subtotal' });
    expect(dimensionCell(rows[1]!, dims, 1)).toEqual({ kind: 'key', id: 5 });
    expect(dimensionCell(total, dims, 0)).toEqual({ kind: 'total' });
    expect(dimensionCell(total, dims, 1)).toEqual({ kind: 'blank' });
  });

  it('keeps only rows that are or contain over-budget cells when asked', () => {
    const over = { ...row({ branch: 3 }, 1, true), total: figuresOf({ allocated: 10, committed: 0, actual: 1 }, 0) };
    const r = toGridRows({ ...report, rows: [...report.rows, over] }, true);
    expect(r.rows.map((x) => x.id)).toEqual([1, 2]);
  });

  it('names the ledger kinds behind each figure and reads figures, over budget included', () => {
    expect(kindsOf('allocated')).toEqual(['allocation', 'transfer_in', 'transfer_out']);
    expect(kindsOf('committed')).toEqual(['commitment', 'release']);
    expect(kindsOf('available')).toBeUndefined();
    const f = rows[1]!.row.total;
    expect(figureOf(f, 'available')).toBe(-200);
    expect(f.overBudget).toBe(true);
    expect(figureOf(f, 'execution')).toBe(9000);
  });

  it('moves dimensions within the order', () => {
    expect(moveDimension(['branch', 'costType', 'partner'], 'partner', -1)).toEqual(['branch', 'partner', 'costType']);
    expect(moveDimension(['branch', 'costType'], 'branch', -1)).toEqual(['branch', 'costType']);
  });
});
