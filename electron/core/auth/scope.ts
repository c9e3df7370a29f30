import type Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api/errors';
import type { SessionUser } from '../../../shared/api/areas/auth';

/**
 * Org-unit scope, in one place: a user acts on the units they are assigned to and everything below
 * them. The dispatcher builds one `Scope` per call of every method the contract declares
 * `scope: 'org'` and hands it to the handler as `ctx.scope`; handlers of other methods do not get
 * one. Nothing else in the core computes scope (ESLint forbids reading `ctx.user.orgUnitIds`
 * outside this folder), so every check has the same meaning:
 * - `has` / `require` / `requireAll` for the org units of records a handler reads or writes;
 * - `sql(expr)` for queries, as a WHERE term that keeps SQLite's planner on its best plan;
 * - `all` when the caller sees the whole company (then no term is needed at all).
 * The org tree is small (hundreds of units), so the id set is computed once per call, lazily.
 */
export interface Scope {
  /** the caller sees the whole company (is assigned the root unit) */
  readonly all: boolean;
  ids(): ReadonlySet<number>;
  has(orgUnitId: number): boolean;
  /** throws `out_of_scope` naming the unit and the caller's scope (see `error`) */
  require(orgUnitId: number): void;
  /**
   * The one `out_of_scope` refusal: params `orgUnitId` and `scope` — the caller's assigned units
   * ("QJ 曲靖分公司", in the caller's language), so the message (shared/i18n/errors.ts) tells them
   * what they may act on. The refused unit is not named: its name is outside the scope too.
   */
  error(orgUnitId: number): ApiError;
  requireAll(orgUnitIds: Iterable<number>): void;
  /** the scope as a WHERE term on the org-unit column `expr` ({ where: [], params: [] } for the whole company) */
  sql(expr: string): { where: string[]; params: unknown[] };
  /** the ids as one JSON parameter, for `IN (SELECT value FROM json_each(?))` */
  json(): string;
}

const statements = new WeakMap<
  Database.Database,
  { roots: Database.Statement; paths: Database.Statement; count: Database.Statement; names: Database.Statement }
>();
function prepared(db: Database.Database) {
  let s = statements.get(db);
  if (!s) {
    s = {
      roots: db.prepare('SELECT count(*) FROM org_units WHERE parent_id IS NULL AND id IN (SELECT value FROM json_each(?))').pluck(),
      paths: db
        .prepare(
          `SELECT u.id FROM org_units u WHERE EXISTS (
             SELECT 1 FROM org_units a WHERE a.id IN (SELECT value FROM json_each(?)) AND substr(u.path, 1, length(a.path)) = a.path)`,
        )
        .pluck(),
      count: db.prepare('SELECT count(*) FROM org_units').pluck(),
      names: db
        .prepare("SELECT code || ' ' || CASE WHEN ? = 'en' THEN name_en ELSE name_zh END FROM org_units WHERE id IN (SELECT value FROM json_each(?)) ORDER BY path")
        .pluck(),
    };
    statements.set(db, s);
  }
  return s;
}

/** The ids of the given units and everything below them (materialised paths). */
export function scopeIdsFor(db: Database.Database, assigned: readonly number[]): Set<number> {
  if (assigned.length === 0) return new Set();
  return new Set(prepared(db).paths.all(JSON.stringify(assigned)) as number[]);
}

/** The caller's assigned units by name, in their language ("五华区、盘龙区" / "Wuhua District, Panlong District"). */
export function scopeLabel(db: Database.Database, user: ScopeUser): string {
  const en = user.locale === 'en';
  const names = db
    .prepare(`SELECT ${en ? "coalesce(nullif(name_en, ''), name_zh)" : 'name_zh'} FROM org_units WHERE id IN (SELECT value FROM json_each(?)) ORDER BY path`)
    .pluck()
    .all(JSON.stringify(user.orgUnitIds)) as string[];
  return names.join(en ? ', ' : '、') || '—';
}

function outOfScope(db: Database.Database, user: ScopeUser, orgUnitId: number): ApiError {
  const scope = (prepared(db).names.all(user.locale ?? 'zh-CN', JSON.stringify(user.orgUnitIds)) as string[]).join('、') || '—';
  return new ApiError('out_of_scope', `This org unit is outside your scope (${scope})`, { orgUnitId, scope });
}

/**
 * Whether a user's scope (their assignments and everything below) covers every given unit: the
 * rule for another user put in charge of records — a partner's owner, a handover's receiver.
 */
export function userCovers(db: Database.Database, userId: number, orgUnitIds: Iterable<number>, covered = userScopeIds(db, userId)): boolean {
  for (const id of orgUnitIds) if (!covered.has(id)) return false;
  return true;
}

/** The org units a user's own scope covers (their assignments and everything below). */
export function userScopeIds(db: Database.Database, userId: number): Set<number> {
  return scopeIdsFor(db, db.prepare('SELECT org_unit_id FROM user_org_units WHERE user_id = ?').pluck().all(userId) as number[]);
}

type ScopeUser = Pick<SessionUser, 'orgUnitIds'> & Partial<Pick<SessionUser, 'locale'>>;

export function createScope(db: Database.Database, user: ScopeUser): Scope {
  const st = prepared(db);
  const error = (id: number) => outOfScope(db, user, id);
  const assigned = JSON.stringify(user.orgUnitIds);
  const all = user.orgUnitIds.length > 0 && (st.roots.get(assigned) as number) > 0;
  let set: Set<number> | null = null;
  const ids = () => (set ??= scopeIdsFor(db, user.orgUnitIds));
  const has = (id: number) => all || ids().has(id);
  const require = (id: number) => {
    if (!has(id)) throw error(id);
  };
  return {
    all,
    ids,
    has,
    require,
    error,
    requireAll: (list) => {
      for (const id of list) require(id);
    },
    json: () => JSON.stringify([...ids()]),
    /**
     * How the term is written decides the query plan, and SQLite's planner cannot know how many
     * ids `json_each(?)` holds:
     * - the whole company: no term at all — every row references a unit;
     * - a small scope (at most 1/8 of the units): `col IN (ids)`, so an (org_unit_id, …) index
     *   finds the few rows directly;
     * - a larger scope: `+col IN (ids)` — the unary plus keeps the planner off that index (looking
     *   up most of the table through it, then sorting, is ~10× slower than a scan) so it scans or
     *   walks the sort column's index and tests membership per row.
     */
    sql: (expr) => {
      if (all) return { where: [], params: [] };
      const s = ids();
      const units = st.count.get() as number;
      if (s.size >= units) return { where: [], params: [] };
      const plus = s.size * 8 <= units ? '' : '+';
      return { where: [`${plus}${expr} IN (SELECT value FROM json_each(?))`], params: [JSON.stringify([...s])] };
    },
  };
}
