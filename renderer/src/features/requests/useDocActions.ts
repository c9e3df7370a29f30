import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

/** After any document change: the lists, the document, its route and history, the queue and home figures reload. */
export function useDocInvalidate() {
  const qc = useQueryClient();
  return useCallback(
    () =>
      qc.invalidateQueries({
        predicate: (q) => /^(costRequests|claims|payments|attachments|approvals|documents|home|budgets)\./.test(String(q.queryKey[0])),
      }),
    [qc],
  );
}

/** A note that survives the move from /requests/new to /requests/:id (the page remounts). */
let flash: { kind: 'ok' | 'warn'; text: string; at: number } | null = null;
export const setFlash = (text: string, kind: 'ok' | 'warn' = 'ok') => {
  flash = { kind, text, at: Date.now() };
};
export const takeFlash = () => {
  const f = flash;
  flash = null;
  return f && Date.now() - f.at < 3000 ? { kind: f.kind, text: f.text } : null;
};
