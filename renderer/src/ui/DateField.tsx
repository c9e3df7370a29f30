import { useRef } from 'react';
import { useTranslation } from '../i18n';

/**
 * A date as the rest of the app and the core write it: YYYY-MM-DD in both languages (the browser's
 * own date input shows the OS locale's mm/dd/yyyy). Typed, with the separators optional
 * ("20261205", "2026/12/5" become 2026-12-05 on leaving the field); ↑/↓ move a day; Alt+↓ or the
 * button open the browser's calendar. What is not a real date stays as typed, so the form's
 * check (v.date) names it.
 */
export function normaliseDate(text: string): string | null {
  const m = /^\s*(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?\s*$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

export function addDaysIso(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function DateField(p: { name: string; value: string; onChange: (value: string) => void; disabled?: boolean; invalid?: boolean }) {
  const { t } = useTranslation();
  const picker = useRef<HTMLInputElement>(null);
  const valid = normaliseDate(p.value);
  const open = () => {
    try {
      picker.current?.showPicker();
    } catch {
      // no calendar in this browser: typing still works
    }
  };
  return (
    <span className="date-field">
      <input
        name={p.name}
        value={p.value}
        placeholder="YYYY-MM-DD"
        inputMode="numeric"
        maxLength={11}
        autoComplete="off"
        title={t('common.dateHint')}
        disabled={p.disabled}
        aria-invalid={p.invalid || (p.value !== '' && !valid) || undefined}
        onChange={(e) => p.onChange(e.target.value)}
        onBlur={(e) => {
          const n = normaliseDate(e.target.value);
          if (n && n !== e.target.value) p.onChange(n);
        }}
        onKeyDown={(e) => {
          if (e.altKey && e.key === 'ArrowDown') {
            e.preventDefault();
            open();
          } else if ((e.key === 'ArrowUp' || e.key === 'ArrowDown') && valid) {
            e.preventDefault();
            p.onChange(addDaysIso(valid, e.key === 'ArrowUp' ? 1 : -1));
          }
        }}
      />
      <button type="button" className="date-pick" tabIndex={-1} disabled={p.disabled} title={t('common.pickDate')} aria-label={t('common.pickDate')} onClick={open}>
        📅
      </button>
      <input
        ref={picker}
        type="date"
        className="date-picker-proxy"
        tabIndex={-1}
        aria-hidden="true"
        value={valid ?? ''}
        onChange={(e) => e.target.value && p.onChange(e.target.value)}
      />
    </span>
  );
}
