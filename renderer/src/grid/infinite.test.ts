import type { IGetRowsParams } from 'ag-grid-community';
import { describe, expect, it } from 'vitest';
import { createPageSource, type PageRequest } from './infinite';

/** A fake list method over 250 rows whose cursor encodes the last row's index. */
function fakeServer() {
  const requests: PageRequest[] = [];
  const all = Array.from({ length: 250 }, (_, i) => ({ id: i + 1 }));
  const fetchPage = async (req: PageRequest) => {
    requests.push(req);
    const start = req.cursor ? Number(req.cursor) + 1 : req.offset;
    const rows = all.slice(start, start + req.limit);
    return { rows, total: all.length, nextCursor: rows.length === req.limit ? String(start + rows.length - 1) : null };
  };
  return { requests, fetchPage };
}

function ask(source: ReturnType<typeof createPageSource>, startRow: number, endRow: number, sortModel: IGetRowsParams['sortModel'] = []) {
  return new Promise<{ rows: unknown[]; last?: number }>((resolve, reject) =>
    source.getRows({
      startRow,
      endRow,
      sortModel,
      filterModel: {},
      successCallback: (rows: unknown[], last?: number) => resolve({ rows, last }),
      failCallback: () => reject(new Error('failed')),
    } as unknown as IGetRowsParams),
  );
}

describe('infinite row model datasource', () => {
  it('continues with the previous block’s cursor when blocks are read in order', async () => {
    const s = fakeServer();
    const source = createPageSource({ fetchPage: s.fetchPage, quick: 'abc', includeInactive: false });
    const first = await ask(source, 0, 100);
    const second = await ask(source, 100, 200);
    expect(s.requests[0]).toMatchObject({ offset: 0, limit: 100, quick: 'abc' });
    expect(s.requests[0]!.cursor).toBeUndefined();
    expect(s.requests[1]!.cursor).toBe('99');
    expect(first.last).toBe(250);
    expect(second.rows[0]).toEqual({ id: 101 });
  });

  it('falls back to the offset for a jump and after the sort changed', async () => {
    const s = fakeServer();
    const source = createPageSource({ fetchPage: s.fetchPage, quick: '', includeInactive: true });
    await ask(source, 0, 100);
    const jump = await ask(source, 200, 300);
    expect(s.requests[1]).toMatchObject({ offset: 200, includeInactive: true });
    expect(s.requests[1]!.cursor).toBeUndefined();
    expect(jump.rows).toHaveLength(50);
    await ask(source, 0, 100, [{ colId: 'name', sort: 'desc' }]);
    await ask(source, 100, 200, [{ colId: 'code', sort: 'asc' }]);
    expect(s.requests[3]!.cursor).toBeUndefined();
    expect(s.requests[3]!.sort).toEqual([{ colId: 'code', sort: 'asc' }]);
  });

  it('tells the grid when a block fails', async () => {
    const errors: unknown[] = [];
    const source = createPageSource({
      fetchPage: () => Promise.reject(new Error('boom')),
      quick: '',
      includeInactive: false,
      onError: (e) => errors.push(e),
    });
    await expect(ask(source, 0, 100)).rejects.toThrow('failed');
    expect(errors).toHaveLength(1);
  });
});
