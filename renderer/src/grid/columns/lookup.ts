/**
 * A coded value and how it reads: ids of channel types, org units and users, or enum codes like
 * partner statuses. Reference and status columns display, sort, filter and edit through one.
 */
export type Coded = string | number | boolean;

export interface Option<V extends Coded = Coded> {
  value: V;
  label: string;
  /** inactive options still label old data but are not offered for new input */
  active?: boolean;
  /** other text that finds this option when typed or pasted (codes, usernames) */
  aliases?: string[];
}

export class Lookup<V extends Coded = Coded> {
  private readonly byValue = new Map<V, Option<V>>();

  constructor(readonly options: Option<V>[]) {
    for (const o of options) this.byValue.set(o.value, o);
  }

  label(v: V | null | undefined): string {
    if (v === null || v === undefined || typeof v === 'object') return '';
    return this.byValue.get(v)?.label ?? `#${v}`;
  }

  has(v: unknown): v is V {
    return this.byValue.has(v as V);
  }

  /** Values offered in editors (active ones). */
  choices(): V[] {
    return this.options.filter((o) => o.active !== false).map((o) => o.value);
  }

  /** Finds a value by its label or an alias, ignoring case and surrounding blanks. */
  find(text: string): V | undefined {
    const s = text.trim().toLowerCase();
    if (!s) return undefined;
    const hit = this.options.find((o) => o.label.toLowerCase() === s || o.aliases?.some((a) => a.toLowerCase() === s));
    return hit?.value;
  }
}
