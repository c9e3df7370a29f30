import { useEffect, useMemo, useState } from 'react';
import { periodOf } from '@shared/domain/budget';
import { useApiQuery } from '../../../api/hooks';
import { money } from '../../../format';
import { useTranslation } from '../../../i18n';
import { Field } from '../../../ui/form';
import { budgetErrorText } from '../text';
import { matchesWords, queryWords } from './search';
import type { LineOption } from './useLines';

/**
 * One budget cell (a line of the plan in a month) for a transfer: the line found by typing words
 * of its org unit, channel type, cost type or partner (names or codes, any order: "五华 终端 促销"),
 * the month, and the cell's balances as the core reports them now (allocated, committed, actual,
 * available). While a search is typed, the first line it finds is chosen unless the chosen one
 * still matches, so a keyboard user can search and go on with Tab.
 */
export interface CellChoice {
  lineId: number | null;
  month: number;
}

export function CellPicker(p: { name: string; label: string; year: number; lines: LineOption[]; value: CellChoice; onChange: (c: CellChoice) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const shown = useMemo(() => {
    const words = queryWords(search);
    return (words.length ? p.lines.filter((l) => matchesWords(l.search, words)) : p.lines).slice(0, 300);
  }, [search, p.lines]);
  const { value, onChange } = p;
  useEffect(() => {
    if (!search.trim() || shown.length === 0 || shown.some((l) => l.id === value.lineId)) return;
    onChange({ ...value, lineId: shown[0]!.id });
  }, [search, shown, value, onChange]);
  const period = periodOf(p.year, p.value.month);
  const avail = useApiQuery(
    'budgets.checkAvailability',
    { cell: { lineId: p.value.lineId ?? 0, period }, amount: 0 },
    { enabled: p.value.lineId !== null },
  );
  const a = avail.data;
  return (
    <fieldset className="cell-picker" data-testid={`cell-${p.name}`}>
      <legend>{p.label}</legend>
      <input type="search" name={`${p.name}Search`} placeholder={t('budgets.transfer.searchWords')} aria-label={`${p.label}: ${t('budgets.transfer.searchWords')}`} value={search} onChange={(e) => setSearch(e.target.value)} />
      {search.trim() && (
        <span className="muted small" data-testid={`hits-${p.name}`}>
          {t('budgets.transfer.hits', { count: shown.length })}
        </span>
      )}
      <div className="cell-picker-row">
        <select name={`${p.name}Line`} aria-label={p.label} value={p.value.lineId ?? ''} onChange={(e) => p.onChange({ ...p.value, lineId: e.target.value ? Number(e.target.value) : null })}>
          <option value="">{t('budgets.transfer.pickCell')}</option>
          {shown.map((l) => (
            <option key={l.id} value={l.id}>
              {l.label}
            </option>
          ))}
        </select>
        <Field label={t('budgets.transfer.month')}>
          <select name={`${p.name}Month`} value={p.value.month} onChange={(e) => p.onChange({ ...p.value, month: Number(e.target.value) })}>
            {Array.from({ length: 12 }, (_, m) => (
              <option key={m} value={m + 1}>
                {t(`budgets.grid.months.${m}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {a && (
        <div className={a.available < 0 ? 'field-error' : 'muted small'} data-testid={`available-${p.name}`}>
          {t('budgets.transfer.available', { available: money(a.available), allocated: money(a.allocated), committed: money(a.committed), actual: money(a.actual) })}
        </div>
      )}
      {avail.error && <div className="field-error">{budgetErrorText(avail.error)}</div>}
    </fieldset>
  );
}
