import { useEffect, useReducer, useRef, useState } from 'react';
import type { BudgetLineRow } from '@shared/api/areas/budgets';
import type { Page } from '@shared/api/areas/common';
import { call } from '../../../api/client';
import { fromServer } from './sheet';
import { initialSheet, sheetReducer, type SheetState } from './sheetState';

/**
 * The lines of a version, loaded into the entry grid's state page by page: a small first page so
 * the first rows show at once, then large pages by keyset cursor until the version is complete
 * (a 20,000-line plan stays editable in the browser; totals cover every line once loading is done).
 * `reloadKey` reloads from the core (after "discard" following a conflict, for instance).
 */
export const FIRST_PAGE = 100;
export const NEXT_PAGE = 5000;

/**
 * The first page of a version's lines is asked for as soon as the page knows the version, while
 * the lookups load; the grid is then created with those rows in one pass (an empty grid filled a
 * moment later renders twice). A prefetched page older than a few seconds is not used.
 */
interface Early {
  at: number;
  done: Promise<void>;
  page?: Page<BudgetLineRow>;
}
const early = new Map<number, Early>();
const FRESH_MS = 5000;

/**
 * Starts loading the first page, unless a fresh one is on its way or waiting to be taken (a page
 * may render several times before it shows); resolves, never rejects, when it is there or failed.
 */
export function prefetchFirstPage(versionId: number): Promise<void> {
  const had = early.get(versionId);
  if (had && Date.now() - had.at < FRESH_MS) return had.done;
  const e: Early = { at: Date.now(), done: Promise.resolve() };
  e.done = call('budgetVersions.lines', { versionId, limit: FIRST_PAGE }).then(
    (page) => void (e.page = page),
    () => undefined, // the sheet asks again and reports the failure
  );
  early.set(versionId, e);
  return e.done;
}

function takeFirstPage(versionId: number): Page<BudgetLineRow> | undefined {
  const e = early.get(versionId);
  early.delete(versionId);
  return e?.page && Date.now() - e.at < FRESH_MS ? e.page : undefined;
}

function initFrom(versionId: number): { state: SheetState; cursor: string | null | undefined } {
  const page = takeFirstPage(versionId);
  if (!page) return { state: initialSheet, cursor: undefined };
  const state = sheetReducer(initialSheet, { type: 'loaded', rows: page.rows.map(fromServer), total: page.total, done: !page.nextCursor });
  return { state, cursor: page.nextCursor };
}

export function useSheet(versionId: number, reloadKey: number) {
  const init = useRef<ReturnType<typeof initFrom> | null>(null);
  init.current ??= initFrom(versionId);
  const [state, dispatch] = useReducer(sheetReducer, init.current.state);
  const [error, setError] = useState<unknown>(null);
  /** where the first run continues: after the prefetched page (null: nothing left), or from scratch */
  const resume = useRef(init.current.cursor);

  useEffect(() => {
    const from = resume.current;
    resume.current = undefined;
    if (from === null) return;
    if (from === undefined) dispatch({ type: 'reset' });
    setError(null);
    let alive = true;
    void (async () => {
      try {
        let cursor = from;
        for (;;) {
          const page = await call('budgetVersions.lines', { versionId, limit: cursor ? NEXT_PAGE : FIRST_PAGE, ...(cursor ? { cursor } : {}) });
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
