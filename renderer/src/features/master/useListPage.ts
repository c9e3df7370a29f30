import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Message } from '../../ui/Banner';

/**
 * The state every small master-data list shares: show inactive, the selected row, which dialog
 * is open, the page message, and reloading the lists of an area after a change.
 */
export function useListPage<T, D extends string = string>(areas: string[]) {
  const qc = useQueryClient();
  const [showInactive, setShowInactive] = useState(false);
  const [selected, setSelected] = useState<T | null>(null);
  const [dialog, setDialog] = useState<D | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const reload = () => qc.invalidateQueries({ predicate: (q) => areas.some((a) => String(q.queryKey[0]).startsWith(`${a}.`)) });
  const done = (text: string) => {
    setMessage({ kind: 'ok', text });
    setDialog(null);
    void reload();
  };
  return { showInactive, setShowInactive, selected, setSelected, dialog, setDialog, message, setMessage, reload, done };
}
