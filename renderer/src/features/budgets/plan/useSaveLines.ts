import { useCallback, useRef, useState, type Dispatch } from 'react';
import { ApiError, type FieldIssue } from '@shared/api/errors';
import { call } from '../../../api/client';
import { useTranslation } from '../../../i18n';
import type { Message } from '../../../ui/Banner';
import { budgetErrorText, budgetIssueText } from '../text';
import { buildSave, placeIssues } from './save';
import type { SheetAction, SheetState } from './sheetState';

/**
 * "Save" (Ctrl+S): every pending change of the draft in one all-or-nothing call. Nothing is sent
 * while a cell is marked invalid or a new line lacks a key; the core's per-cell refusals are put
 * on the cells and nothing is saved. The draft's row version guards against a lost update: if
 * someone else saved in between, the user is told and may reload.
 */
export function useSaveLines(opts: {
  versionId: number;
  draftVersion: number;
  state: SheetState;
  dispatch: Dispatch<SheetAction>;
  onMessage: (m: Message | null) => void;
  onSaved: (version: number) => void;
  onStale: () => void;
  /** the save stopped on cells (marked, listed by the page's problem list) */
  onRefused: (count: number) => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const ref = useRef(opts);
  ref.current = opts;

  const save = useCallback(async () => {
    const { versionId, draftVersion, state, dispatch, onMessage, onSaved, onStale, onRefused } = ref.current;
    if (busy) return;
    const plan = buildSave(state.rows);
    if (plan.blocked.size) {
      dispatch({ type: 'refused', cells: plan.blocked });
      onMessage(null);
      return onRefused([...plan.blocked.values()].reduce((n, c) => n + Object.keys(c).length, 0));
    }
    if (plan.rows.length === 0 && plan.removeLineIds.length === 0) return onMessage({ kind: 'warn', text: t('budgets.grid.nothingToSave') });
    setBusy(true);
    try {
      const res = await call('budgetVersions.saveLines', { versionId, version: draftVersion, rows: plan.rows, removeLineIds: plan.removeLineIds });
      dispatch({ type: 'saved', sentRowIds: plan.sentRowIds, lineIds: res.lineIds });
      onSaved(res.version);
      onMessage({ kind: 'ok', text: t('budgets.grid.saved', { saved: res.saved, created: res.created, removed: res.removed }) });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'validation' && Array.isArray(e.details)) {
        const { cells, other } = placeIssues(e.details as FieldIssue[], plan);
        dispatch({ type: 'refused', cells });
        onRefused([...cells.values()].reduce((n, c) => n + Object.keys(c).length, 0));
        // issues that name no cell (rare) cannot be listed on the grid: they stay in the banner
        onMessage(other.length ? { kind: 'error', text: other.map((d) => budgetIssueText(d)).join('; ') } : null);
      } else if (e instanceof ApiError && e.code === 'stale') {
        onStale();
      } else {
        onMessage({ kind: 'error', text: budgetErrorText(e) });
      }
    } finally {
      setBusy(false);
    }
  }, [busy, t]);

  return { save, busy };
}
