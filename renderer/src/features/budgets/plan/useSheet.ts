import { useEffect, useReducer, useState } from 'react';
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
        let limit = FIRST_PAGE;
        for (;;) {
          const page = await call('budgetVersions.lines', { versionId, limit, ...(cursor ? { cursor } : {}) });
          if (!alive) return;
          const done = !page.nextCursor;
          dispatch({ type: 'loaded', rows: page.rows.map(fromServer), total: page.total, done });
          if (done) return;
          cursor = page.nextCursor!;
          limit = NEXT_PAGE;
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
