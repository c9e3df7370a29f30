import { describe, expect, it } from 'vitest';
import { layOutPaste } from './spreadsheet';
import { parseTsv } from './tsv';
import { emptyUndo, recordUndo, takeRedo, takeUndo } from './undo';

const cols = ['key', 'm1', 'm2', 'm3', 'q1', 'm4'];

describe('layOutPaste (a block applied at the focused cell)', () => {
  it('extends right and down from the focused cell', () => {
    const plan = layOutPaste(parseTsv('1\t2\r\n3\t4\r\n'), { rowIds: ['a', 'b', 'c'], colIds: cols.slice(1), editable: () => true });
    expect(plan.cells.map((c) => `${c.rowId}:${c.colId}=${c.raw}`)).toEqual(['a:m1=1', 'a:m2=2', 'b:m1=3', 'b:m2=4']);
    expect(plan).toMatchObject({ newRows: 0, skipped: 0, clipped: 0 });
  });

  it('skips cells that cannot be edited and keeps the rest of the block in place', () => {
    const plan = layOutPaste([['1', '2', '3', '99', '4']], { rowIds: ['a'], colIds: cols.slice(1), editable: (_r, c) => c !== 'q1' });
    expect(plan.cells.map((c) => c.colId)).toEqual(['m1', 'm2', 'm3', 'm4']);
    expect(plan.cells.at(-1)!.raw).toBe('4');
    expect(plan.skipped).toBe(1);
  });

  it('drops what falls past the last column, and past the last row unless rows may be appended', () => {
    const block = [['1', '2', '3'], ['4', '5', '6'], ['7', '8', '9']];
    const clipped = layOutPaste(block, { rowIds: ['a', 'b'], colIds: ['m3', 'q1'], editable: () => true });
    expect(clipped.cells).toHaveLength(4);
    expect(clipped.clipped).toBe(5);
    const appended = layOutPaste(block, { rowIds: ['a'], colIds: ['m1', 'm2', 'm3'], editable: () => true, appendRows: true });
    expect(appended.newRows).toBe(2);
    expect(appended.cells.filter((c) => c.rowId === null).map((c) => `${c.newRow}:${c.raw}`)).toEqual(['0:4', '0:5', '0:6', '1:7', '1:8', '1:9']);
  });

  it('asks about editability of appended rows with a null row id', () => {
    const asked: (string | null)[] = [];
    layOutPaste([['x'], ['y']], { rowIds: ['a'], colIds: ['key'], editable: (r) => (asked.push(r), r === null), appendRows: true });
    expect(asked).toEqual(['a', null]);
  });
});

describe('undo state', () => {
  it('takes back whole batches, newest first, and redoes them', () => {
    let s = recordUndo(recordUndo(emptyUndo<number>(), [1]), [2, 3]);
    const u = takeUndo(s)!;
    expect(u.batch).toEqual([2, 3]);
    s = u.state;
    expect(takeUndo(s)!.batch).toEqual([1]);
    const r = takeRedo(s)!;
    expect(r.batch).toEqual([2, 3]);
    expect(takeRedo(r.state)).toBeNull();
  });

  it('forgets the undone batches when something new is recorded, ignores empty batches and keeps a limit', () => {
    let s = recordUndo(emptyUndo<number>(), [1]);
    s = takeUndo(s)!.state;
    s = recordUndo(s, [2]);
    expect(takeRedo(s)).toBeNull();
    expect(recordUndo(s, [])).toBe(s);
    for (let i = 0; i < 10; i++) s = recordUndo(s, [i], 3);
    expect(s.done.map((b) => b[0])).toEqual([7, 8, 9]);
    expect(takeUndo(emptyUndo())).toBeNull();
  });
});
