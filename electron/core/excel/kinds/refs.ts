import type { Locale } from '../../../../shared/api/areas/common';
import type { OrgCtx } from '../../context';
import { closestRecords } from './closest';

/**
 * Lookups of referenced records, loaded once per import or export (the referenced tables are
 * small: hundreds of org units, tens of types, users). A reference in a cell is the record's code
 * ("KM-WH"), the code followed by its name as exports and dropdowns write it ("KM-WH 五华区"), or
 * its name alone when no other record has that name.
 */
export interface RefRec {
  id: number;
  code: string;
  zh: string;
  en: string;
  active: boolean;
}

export type Resolved = { rec: RefRec } | { reason: 'x.unknown_ref' | 'x.ambiguous_ref' };

const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase();

export class RefTable {
  private readonly ids = new Map<number, RefRec>();
  private readonly codes = new Map<string, RefRec>();
  private readonly lowerCodes = new Map<string, RefRec[]>();
  private readonly names = new Map<string, RefRec[]>();

  /** `locale`: the language of suggestions (the importing user's) */
  constructor(
    readonly recs: readonly RefRec[],
    readonly locale: Locale = 'zh-CN',
  ) {
    const push = <K>(m: Map<K, RefRec[]>, k: K, r: RefRec) => (m.get(k) ?? m.set(k, []).get(k)!).push(r);
    for (const r of recs) {
      this.ids.set(r.id, r);
      this.codes.set(r.code, r);
      push(this.lowerCodes, norm(r.code), r);
      for (const n of new Set([norm(r.zh), norm(r.en)])) if (n) push(this.names, n, r);
    }
  }

  byId(id: number | null | undefined): RefRec | undefined {
    return id === null || id === undefined ? undefined : this.ids.get(id);
  }

  resolve(text: string): Resolved {
    const t = text.trim();
    const exact = this.codes.get(t) ?? this.codes.get(t.split(/\s+/, 1)[0] ?? '');
    if (exact) return { rec: exact };
    for (const m of [this.lowerCodes.get(norm(t)), this.names.get(norm(t))]) {
      if (m?.length === 1) return { rec: m[0]! };
      if (m && m.length > 1) return { reason: 'x.ambiguous_ref' };
    }
    return { reason: 'x.unknown_ref' };
  }

  /** the records closest to a text not found, as "CODE name / …" ('' when none is close) */
  suggest(text: string): string {
    return closestRecords(this.recs, text)
      .map((r) => this.display(r.id, this.locale))
      .join(' / ');
  }

  /** "CODE name" in the language asked for */
  display(id: number | null | undefined, locale: Locale): string {
    const r = this.byId(id);
    if (!r) return '';
    const name = locale === 'en' ? r.en || r.zh : r.zh || r.en;
    return name && name !== r.code ? `${r.code} ${name}` : r.code;
  }
}

export interface RefTables {
  orgUnits: RefTable;
  channelTypes: RefTable;
  costTypes: RefTable;
  users: RefTable;
  /** the caller's scope (org unit ids) */
  scope: ReadonlySet<number>;
}

type Loader = (ctx: OrgCtx) => RefTable;

const loaders: Record<Exclude<keyof RefTables, 'scope'>, Loader> = {
  orgUnits: (ctx) =>
    new RefTable(
      ctx.db.$client
        .prepare('SELECT id, code, name_zh AS zh, name_en AS en, active FROM org_units ORDER BY path')
        .all()
        .map((r) => ({ ...(r as RefRec), active: !!(r as RefRec).active })),
      ctx.user.locale,
    ),
  channelTypes: (ctx) => catalog(ctx, 'channel_types'),
  costTypes: (ctx) => catalog(ctx, 'cost_types'),
  users: (ctx) =>
    new RefTable(
      ctx.db.$client
        .prepare('SELECT id, username AS code, display_name AS zh, display_name AS en, active FROM users ORDER BY username')
        .all()
        .map((r) => ({ ...(r as RefRec), active: !!(r as RefRec).active })),
      ctx.user.locale,
    ),
};

function catalog(ctx: OrgCtx, table: 'channel_types' | 'cost_types'): RefTable {
  return new RefTable(
    ctx.db.$client
      .prepare(`SELECT id, code, name_zh AS zh, name_en AS en, active FROM ${table} ORDER BY code`)
      .all()
      .map((r) => ({ ...(r as RefRec), active: !!(r as RefRec).active })),
    ctx.user.locale,
  );
}

const EMPTY = new RefTable([]);

/** Loads the tables asked for (the others stay empty) and the caller's scope. */
export function loadRefs(ctx: OrgCtx, which: readonly (keyof RefTables)[]): RefTables {
  const t = { orgUnits: EMPTY, channelTypes: EMPTY, costTypes: EMPTY, users: EMPTY, scope: ctx.scope.ids() };
  for (const w of which) if (w !== 'scope') t[w] = loaders[w](ctx);
  return t;
}

/** Reloads one table (a service kind that created records referenced by later rows). */
export function reloadRef(ctx: OrgCtx, refs: RefTables, which: Exclude<keyof RefTables, 'scope'>): void {
  refs[which] = loaders[which](ctx);
}
