import type { IDatasource, IGetRowsParams } from 'ag-grid-community';
import type { Page, PageQuery } from '@shared/api/areas/common';

/**
 * The Infinite Row Model's datasource over a paged list method (e.g. `partners.list`): sort,
 * filters and quick search run in the core. When the grid asks for the block right after one it
 * has loaded (scrolling down), the previous block's keyset cursor is sent, which costs the same
 * at any depth; for jumps (dragging the scrollbar) the offset is sent instead.
 */
export interface PageRequest {
  quick: string;
  includeInactive: boolean;
  filter: NonNullable<PageQuery['filter']>;
  sort: { colId: string; sort: 'asc' | 'desc' }[];
  limit: number;
  offset: number;
  cursor?: string;
}
export type FetchPage<T> = (req: PageRequest) => Promise<Page<T>>;

export interface PageSourceOptions<T> {
  fetchPage: FetchPage<T>;
  quick: string;
  includeInactive: boolean;
  onLoaded?: (total: number) => void;
  onError?: (e: unknown) => void;
}

export function createPageSource<T>(opts: PageSourceOptions<T>): IDatasource {
  /** start row of a block → cursor that continues after the block before it */
  const cursors = new Map<number, string>();
  let signature = '';
  return {
    getRows(params: IGetRowsParams) {
      const sort = params.sortModel.map(({ colId, sort }) => ({ colId, sort }));
      const filter = (params.filterModel ?? {}) as PageRequest['filter'];
      const sig = JSON.stringify([sort, filter]);
      if (sig !== signature) {
        cursors.clear();
        signature = sig;
      }
      const cursor = params.startRow > 0 ? cursors.get(params.startRow) : undefined;
      const req: PageRequest = {
        quick: opts.quick,
        includeInactive: opts.includeInactive,
        filter,
        sort,
        limit: params.endRow - params.startRow,
        offset: params.startRow,
        ...(cursor ? { cursor } : {}),
      };
      opts.fetchPage(req).then(
        (page) => {
          if (page.nextCursor) cursors.set(params.startRow + page.rows.length, page.nextCursor);
          opts.onLoaded?.(page.total);
          params.successCallback(page.rows, page.total);
        },
        (e: unknown) => {
          opts.onError?.(e);
          params.failCallback();
        },
      );
    },
  };
}
