import { useEffect, useReducer, useState } from 'react';
import type { BudgetLineRow } from '@shared/api/areas/budgets';
import type { Page } from '@shared/api/areas/common';
import { call } from '../../../api/client';
import { fromServer } from './sheet';
import { initialSheet, sheetReducer } from './sheetState';

/**
 * The lines of a version, loaded into the entry grid's state page by page: a small first page so
 * the first rows show at once, then large pages by keyset cursor until the version is complete
 * (a 20,000-line plan stays editable in the browser; totals cover every line once loading is done).
 * `reloadKey` reloads from the core (after "discard" following a conflict, for instance).
 */
export const FIRST_PAGE = 100;
export const NEXT_PAGE = 5000;

/**
 * The first page of a version's lines, asked for as soon as the page knows the version (while
 * the grid is still being created), and taken by the sheet when it starts loading.
 */
const early = new Map<number, { page: Promise<Page<BudgetLineRow>>; at: number }>();
const FRESH_MS = 5000;
export function prefetchFirstPage(versionId: number): void {
  const page = call('budgetVersions.lines', { versionId, limit: FIRST_PAGE });
  page.catch(() => undefined); // a failure is reported when the sheet takes it
  early.set(versionId, { page, at: Date.now() });
}
function firstPage(versionId: number): Promise<Page<BudgetLineRow>> {
  const e = early.get(versionId);
  early.delete(versionId);
  return e && Date.now() - e.at < FRESH_MS ? e.page : call('budgetVersions.lines', { versionId, limit: FIRST_PAGE });
}

export function useSheet(versionId: number | null, reloadKey: number) {
  const [state, dispatch] = useReducer(sheetReducer, initialSheet);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    dispatch({ type: 'reset' });
    setError(null);
    if (versionId === null) return;
    let alive = true;
    void (async () => {
      try {
        let cursor: string | undefined;
        for (;;) {
          const page = cursor ? await call('budgetVersions.lines', { versionId, limit: NEXT_PAGE, cursor }) : await firstPage(versionId);
          if (!alive) return;
          const done = !page.nextCursor;
          dispatch({ type: 'loaded', rows: page.rows.map(fromServer), total: page.total, done });
          if (done) return;
          cursor = page.nextCursor!;
        }
      } catch (e) {
        if (alive) setError(e);
      }
    })();
    return () => {
      alive = false;
    };
  }, [versionId, reloadKey]);

  return { state, dispatch, error };
}
