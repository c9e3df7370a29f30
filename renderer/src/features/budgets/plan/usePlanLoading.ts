import { useEffect, useRef, useState } from 'react';
import { prefetchFirstPage } from './useSheet';

/**
 * How the planning page gets its first rows on screen quickly:
 * - the grids (and AG Grid) are a chunk of their own, imported once the page has sent its first
 *   requests, so evaluating them overlaps with the core's work (not React.lazy: a suspended
 *   render is revealed with a delay);
 * - the first page of lines is asked for as soon as the version is known, and even before: the
 *   version the user looked at last (remembered per user) is fetched alongside the plans. The grid
 *   is created once its first page is there, in one pass.
 */
const importViews = () =>
  Promise.all([import('./EntryGrid'), import('./CompareView')]).then(([e, c]) => ({ EntryGrid: e.EntryGrid, CompareView: c.CompareView }));
export type PlanViews = Awaited<ReturnType<typeof importViews>>;
let views: Promise<PlanViews> | null = null;

export function usePlanViews(): PlanViews | null {
  const [loaded, setLoaded] = useState<PlanViews | null>(null);
  useEffect(() => {
    views ??= importViews();
    let alive = true;
    void views.then((v) => alive && setLoaded(() => v));
    return () => {
      alive = false;
    };
  }, []);
  return loaded;
}

const rememberKey = (userId: number) => `ccd.budgets.lastVersion.${userId}`;

/** True once the first page of `versionId` has arrived (or failed: the grid then asks again and reports it). */
export function useFirstPage(userId: number, versionId: number | undefined): boolean {
  const [arrived, setArrived] = useState<ReadonlySet<number>>(new Set());
  const seen = useRef<{ shown?: number; early?: number } | null>(null);
  // once a version's first page has arrived, its grid may mount; asking again later (the user
  // comes back to it) refreshes the prefetched page, and the grid loads it itself if it is not there yet
  const ask = (id: number) => void prefetchFirstPage(id).then(() => setArrived((s) => (s.has(id) ? s : new Set(s).add(id))));
  if (seen.current === null) {
    seen.current = {};
    const last = Number(localStorage.getItem(rememberKey(userId)));
    if (Number.isSafeInteger(last) && last > 0) {
      seen.current.early = last;
      ask(last);
    }
  }
  if (versionId !== undefined && versionId !== seen.current.shown) {
    seen.current.shown = versionId;
    if (seen.current.early !== versionId) ask(versionId);
    seen.current.early = undefined;
  }
  useEffect(() => {
    if (versionId !== undefined) localStorage.setItem(rememberKey(userId), String(versionId));
  }, [userId, versionId]);
  return versionId !== undefined && arrived.has(versionId);
}
