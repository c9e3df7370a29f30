import { describe, expect, it } from 'vitest';
import type { BudgetLineRow } from '@shared/api/areas/budgets';
import { spreadByWeights, spreadEven } from '@shared/domain/budget';
import { Lookup } from '../../../grid/columns/lookup';
import { layOutPaste } from '../../../grid/spreadsheet';
import { parseTsv } from '../../../grid/tsv';
import { parseCell, type CellLookups } from './cells';
import { pasteChanges } from './paste';
import { buildSave, markSaved, placeIssues, withRefusals } from './save';
import { listIssues } from './issues';
import { applyBatch, columnTotals, fromServer, isDirty, MONTH_COLS, monthChanges, newRow, pendingCount, readCell, type Change } from './sheet';

const lk: CellLookups = {
  orgUnits: new Lookup([{ value: 11, label: '五华区', aliases: ['KM-WH'] }]),
  channelTypes: new Lookup([{ value: 1, label: '终端渠道', aliases: ['TERMINAL'] }]),
  costTypes: new Lookup([{ value: 3, label: '促销费', aliases: ['PROMO'] }]),
  partners: new Lookup<number>([]),
  controls: new Lookup([
    { value: '', label: '默认' },
    { value: 'block', label: '禁止超支' },
    { value: 'warn', label: '超支预警' },
  ]),
};

const server = (lineId: number, amounts = Array<number>(12).fill(1000), floors: number[] | null = null): BudgetLineRow => ({
  lineId, orgUnitId: 11, orgUnitCode: 'KM-WH', channelTypeId: 1, channelTypeCode: 'TERMINAL', costTypeId: 3, costTypeCode: 'PROMO',
  partnerId: null, partnerCode: null, partnerName: null, amounts, total: 0, controlMode: null, toleranceBp: null, effectiveControl: 'block', effectiveToleranceBp: 500,
  floors, used: floors,
});

const paste = (rows: ReturnType<typeof fromServer>[], text: string, rowIndex: number, colIds: string[], appendRows = true) =>
  pasteChanges(rows, layOutPaste(parseTsv(text), { rowIds: rows.slice(rowIndex).map((r) => String(r.id)), colIds, editable: () => true, appendRows }), lk, -1);

describe('cell input', () => {
  it('reads pasted money into fen; blank is 0; text and negatives are marked with the text kept', () => {
    expect(parseCell('m1', '¥12,345.67', lk)).toEqual({ value: 1_234_567, bad: null });
    expect(parseCell('m1', '', lk)).toEqual({ value: 0, bad: null });
    expect(parseCell('m1', '１,０００', lk)).toEqual({ value: 100_000, bad: null });
    expect(parseCell('m2', 'abc', lk)).toEqual({ value: null, bad: { reason: 'v.amount', raw: 'abc' } });
    expect(parseCell('m2', '1.234', lk).bad?.reason).toBe('v.money_decimals');
    expect(parseCell('m2', '-5', lk).bad?.reason).toBe('v.non_negative');
  });

  it('matches keys by label or code, control rules by label, and tolerances as percentages', () => {
    expect(parseCell('orgUnitId', 'KM-WH', lk).value).toBe(11);
    expect(parseCell('costTypeId', '促销费', lk).value).toBe(3);
    expect(parseCell('costTypeId', 'nope', lk).bad?.reason).toBe('v.choice');
    expect(parseCell('orgUnitId', '', lk).bad?.reason).toBe('v.required');
    expect(parseCell('partnerId', '', lk)).toEqual({ value: null, bad: null });
    expect(parseCell('controlMode', '超支预警', lk).value).toBe('warn');
    expect(parseCell('controlMode', '默认', lk).value).toBeNull();
    expect(parseCell('toleranceBp', '5%', lk).value).toBe(500);
    expect(parseCell('toleranceBp', '101', lk).bad?.reason).toBe('v.range');
  });
});

describe('paste, undo and pending changes', () => {
  it('pastes a 12-month block from Excel at the focused month and undoes it as one batch', () => {
    const rows = [fromServer(server(7)), fromServer(server(8))];
    const months = Array.from({ length: 12 }, (_, i) => `¥${(i + 1) * 1000}.00`).join('\t');
    const { batch, invalid } = paste(rows, `${months}\r\n`, 1, [...MONTH_COLS]);
    expect(invalid).toBe(0);
    expect(batch).toHaveLength(12);
    const after = applyBatch(rows, batch, 'redo');
    expect(after[1]!.amounts).toEqual(Array.from({ length: 12 }, (_, i) => (i + 1) * 100_000));
    expect(columnTotals(after)[0]).toBe(1000 + 100_000);
    expect(pendingCount(after)).toBe(12);
    expect(isDirty(after[1]!, 'm3')).toBe(true);
    expect(isDirty(after[0]!, 'm3')).toBe(false);
    const undone = applyBatch(after, batch, 'undo');
    expect(undone[1]!.amounts).toEqual(rows[1]!.amounts);
    expect(pendingCount(undone)).toBe(0);
  });

  it('adds rows for a block that runs past the last row, keys included, and removes them on undo', () => {
    const rows = [fromServer(server(7))];
    const { batch, nextId } = paste(rows, 'KM-WH\t终端渠道\tPROMO\t\t100\t200\r\nKM-WH\tTERMINAL\t促销费\t\t1\t2\r\n', 1, ['orgUnitId', 'channelTypeId', 'costTypeId', 'partnerId', 'm1', 'm2']);
    const after = applyBatch(rows, batch, 'redo');
    expect(nextId).toBe(-3);
    expect(after.map((r) => r.id)).toEqual([7, -1, -2]);
    expect(after[1]).toMatchObject({ orgUnitId: 11, channelTypeId: 1, costTypeId: 3, partnerId: null, lineId: null });
    expect(after[1]!.amounts.slice(0, 3)).toEqual([10_000, 20_000, 0]);
    expect(pendingCount(after)).toBe(2);
    expect(applyBatch(after, batch, 'undo').map((r) => r.id)).toEqual([7]);
  });

  it('marks invalid pasted text, keeps the value underneath, and refuses to save it', () => {
    const rows = [fromServer(server(7))];
    const { batch, invalid } = paste(rows, '500\tabc\t700', 0, ['m1', 'm2', 'm3']);
    expect(invalid).toBe(1);
    const after = applyBatch(rows, batch, 'redo');
    expect(readCell(after[0]!, 'm2')).toEqual({ value: 1000, bad: { reason: 'v.amount', raw: 'abc' } });
    expect(listIssues(after)).toHaveLength(1);
    const save = buildSave(after);
    expect(save.rows).toHaveLength(0);
    expect(save.blocked.get(7)).toEqual({ m2: { reason: 'v.amount', raw: 'abc' } });
  });

  it('marks a month typed or pasted below its floor at once (blank pasted = 0); it counts with the refused cells and clears when raised', () => {
    const floors = [800, ...Array<number>(11).fill(0)];
    const rows = [fromServer(server(7, undefined, floors))];
    expect(listIssues(rows)).toEqual([]);
    const { batch } = paste(rows, '\t500', 0, ['m1', 'm2']);
    const after = applyBatch(rows, batch, 'redo');
    expect(after[0]!.amounts.slice(0, 2)).toEqual([0, 50_000]);
    expect(listIssues(after)).toEqual([{ rowId: 7, col: 'm1', issue: { reason: 'v.below_floor', params: { floor: 800, used: 800 } } }]);
    // a refusal of the core on another cell counts too; the list is in column order
    const refused = withRefusals(after, new Map([[7, { m3: { reason: 'v.period_closed', params: { period: '2027-03' } } }]]));
    expect(listIssues(refused).map((i) => i.col)).toEqual(['m1', 'm3']);
    const raised = applyBatch(refused, [{ kind: 'cell', rowId: 7, col: 'm1', before: readCell(refused[0]!, 'm1'), after: { value: 800, bad: null } }], 'redo');
    expect(listIssues(raised).map((i) => i.col)).toEqual(['m3']);
    // a removed line has no problems
    expect(listIssues([{ ...refused[0]!, removed: true }])).toEqual([]);
  });

  it('fills twelve months from an annual amount evenly or by weights, as one batch', () => {
    const row = newRow(-1, { orgUnitId: 11, channelTypeId: 1, costTypeId: 3 });
    const even = applyBatch([row], monthChanges(row, spreadEven(1_200_007)), 'redo')[0]!;
    expect(even.amounts.slice(0, 8)).toEqual([100_001, 100_001, 100_001, 100_001, 100_001, 100_001, 100_001, 100_000]);
    expect(even.amounts.reduce((a, b) => a + b, 0)).toBe(1_200_007);
    const weighted = spreadByWeights(100, [1, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(weighted).toEqual([25, 25, 50, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(monthChanges(even, even.amounts)).toEqual([]);
  });
});

describe('save', () => {
  it('sends changed months of saved rows (null keeps), whole new rows and removed line ids', () => {
    const rows = [fromServer(server(7)), fromServer(server(8)), newRow(-1, { orgUnitId: 11, channelTypeId: 1, costTypeId: 3 })];
    const batch: Change[] = [
      { kind: 'cell', rowId: 7, col: 'm2', before: readCell(rows[0]!, 'm2'), after: { value: 5, bad: null } },
      { kind: 'remove', rowId: 8, removed: true },
    ];
    const edited = applyBatch(rows, batch, 'redo');
    const plan = buildSave(edited);
    expect(plan.rows[0]!.amounts).toEqual([null, 5, null, null, null, null, null, null, null, null, null, null]);
    expect(plan.rows[0]).not.toHaveProperty('controlMode');
    expect(plan.rows[1]).toMatchObject({ orgUnitId: 11, amounts: Array(12).fill(0), controlMode: null, toleranceBp: null });
    expect(plan).toMatchObject({ sentRowIds: [7, -1], removeLineIds: [8], removedRowIds: [8] });
    expect(buildSave([newRow(-2)]).blocked.get(-2)).toMatchObject({ orgUnitId: { reason: 'v.required' }, costTypeId: { reason: 'v.required' } });

    const { cells, other } = placeIssues(
      [
        { path: 'rows.1.amounts.3', reason: 'v.below_used', params: { used: 10 } },
        { path: 'removeLineIds.0', reason: 'v.below_used' },
        { path: 'version', reason: 'v.invalid' },
      ],
      plan,
    );
    expect(cells.get(-1)).toEqual({ m4: { reason: 'v.below_used', params: { used: 10 } } });
    expect(cells.get(8)).toEqual({ orgUnitId: { reason: 'v.below_used' } });
    expect(other).toHaveLength(1);
    const refused = withRefusals(edited, cells);
    expect(refused[2]!.refused.m4?.reason).toBe('v.below_used');

    const saved = markSaved(refused, plan, [7, 99]);
    expect(saved.map((r) => r.id)).toEqual([7, -1]);
    expect(saved[1]).toMatchObject({ lineId: 99, refused: {} });
    expect(pendingCount(saved)).toBe(0);
  });
});

describe('fill weights', () => {
  it('reads twelve weights typed or pasted, and refuses anything else', async () => {
    const { parseWeights } = await import('./fill');
    expect(parseWeights('8,14,9,8,8,8,7,7,8,10,9,6')).toEqual([8, 14, 9, 8, 8, 8, 7, 7, 8, 10, 9, 6]);
    expect(parseWeights('1\t1\t2\t1\t1\t2\t1\t1\t2\t1\t1\t2')).toHaveLength(12);
    expect(parseWeights('１，１，１，１，１，１，１，１，１，１，１，１')).toEqual(Array(12).fill(1));
    expect(parseWeights('1,1')).toBeNull();
    expect(parseWeights('0,0,0,0,0,0,0,0,0,0,0,0')).toBeNull();
    expect(parseWeights('1,1,1,1,1,1,1,1,1,1,1,-1')).toBeNull();
  });
});
