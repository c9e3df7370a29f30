import { useState, type ReactNode } from 'react';
import { errorText, fieldIssues } from '../i18n';
import type { Message } from './Banner';

/** Form state with per-field messages from a refused call (validation issues by field name). */
export function useForm<V extends Record<string, unknown>>(initial: V) {
  const [values, setValues] = useState(initial);
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);

  const set = <K extends keyof V>(k: K, v: V[K]) => setValues((prev) => ({ ...prev, [k]: v }));

  /** Runs the call; on failure shows the field messages and the overall one. */
  async function run<R>(fn: () => Promise<R>): Promise<R | undefined> {
    setBusy(true);
    setIssues({});
    setMessage(null);
    try {
      return await fn();
    } catch (e) {
      setIssues(fieldIssues(e));
      setMessage({ kind: 'error', text: errorText(e) });
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  return { values, set, issues, message, busy, run };
}

export function Field({ label, error, children, wide }: { label: string; error?: string; children: ReactNode; wide?: boolean }) {
  return (
    <label className={wide ? 'field wide' : 'field'}>
      <span className="field-label">{label}</span>
      {children}
      {error && <span className="field-error">{error}</span>}
    </label>
  );
}

export interface Choice {
  value: string | number;
  label: string;
}

/** A select over choices; '' stands for "none" when `empty` is given. */
export function Select({
  name,
  value,
  choices,
  empty,
  invalid,
  onChange,
}: {
  name: string;
  value: string | number | null;
  choices: Choice[];
  empty?: string;
  invalid?: boolean;
  onChange: (v: string) => void;
}) {
  return (
    <select name={name} value={value ?? ''} aria-invalid={invalid} onChange={(e) => onChange(e.target.value)}>
      {empty !== undefined && <option value="">{empty}</option>}
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </select>
  );
}
