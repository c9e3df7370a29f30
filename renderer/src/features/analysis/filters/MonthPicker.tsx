import { useTranslation } from '../../../i18n';

/**
 * A month as two selects, year and month, named in the UI language (2026年 3月 / 2026 Mar):
 * a native month input shows the browser's language (English month names in a Chinese UI) and
 * its calendar popup is slow to reach by keyboard. Arrow keys step through either select.
 */
export function MonthPicker({ value, onChange, name, label, invalid }: { value: string; onChange: (v: string) => void; name: string; label: string; invalid?: boolean }) {
  const { t } = useTranslation();
  const [y, m] = value.split('-').map(Number) as [number, number];
  const now = new Date().getFullYear();
  const years: number[] = [];
  for (let k = Math.min(now - 9, y); k <= Math.max(now + 1, y); k++) years.push(k);
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    <span className="month-picker" role="group" aria-label={label} data-testid={`month-${name}`}>
      <select name={`${name}-year`} value={y} aria-label={`${label} ${t('analysisUi.filter.year')}`} aria-invalid={invalid} onChange={(e) => onChange(`${e.target.value}-${pad(m)}`)}>
        {years.map((k) => (
          <option key={k} value={k}>
            {t('analysisUi.period.year', { y: k })}
          </option>
        ))}
      </select>
      <select name={`${name}-month`} value={m} aria-label={`${label} ${t('analysisUi.filter.monthOf')}`} aria-invalid={invalid} onChange={(e) => onChange(`${y}-${pad(Number(e.target.value))}`)}>
        {Array.from({ length: 12 }, (_, i) => (
          <option key={i} value={i + 1}>
            {t(`budgets.grid.months.${i}`)}
          </option>
        ))}
      </select>
    </span>
  );
}
