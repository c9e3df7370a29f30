import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { subscribe } from '../../api/client';
import { useApiQuery } from '../../api/hooks';

const DOC_AREAS = /^(home|approvals|costRequests|claims|payments|documents|attachments|budgets|budgetTransfers|budgetVersions)\./;

/**
 * What needs me (home.summary), shared by the home page and the navigation badges. It refreshes
 * every minute, and at once when the core pushes a `changed` event (a document was submitted,
 * decided, paid …): then the document lists and the queue reload too.
 */
export function useHomeSummary() {
  return useApiQuery('home.summary', {}, { refetchInterval: 60_000, staleTime: 10_000, retry: false });
}

/** One subscription for the shell: `changed` events invalidate the document areas (badges follow). */
export function useChangedEvents() {
  const qc = useQueryClient();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = subscribe((e) => {
      if (e.type !== 'changed') return;
      // a burst of changes (bulk approval) reloads once
      timer ??= setTimeout(() => {
        timer = null;
        void qc.invalidateQueries({ predicate: (q) => DOC_AREAS.test(String(q.queryKey[0])) });
      }, 300);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [qc]);
}
