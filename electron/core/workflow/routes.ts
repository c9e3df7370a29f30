import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { ApprovableType, RouteConditions, RouteRow, RouteStep } from '../../../shared/api/areas/workflowTypes';
import { routeConditions, routeStep, type routeInput } from '../../../shared/api/areas/workflow';
import { ApiError } from '../../../shared/api/errors';
import { stmt } from '../budgets/sql';
import type { AuthedCtx, Handlers, OrgCtx } from '../context';
import type { DocFacts } from './types';

/**
 * Approval routes: per document type, the first current, active route (by priority, then id)
 * whose conditions all hold applies. Versions are appended, never changed (see schema/workflow.ts),
 * so a document keeps the version it was submitted under.
 */
interface RawRoute {
  id: number;
  routeKey: number;
  routeVersion: number;
  docType: ApprovableType;
  name: string;
  priority: number;
  conditions: string;
  steps: string;
  current: number;
  active: number;
  createdAt: string;
  runs: number;
}

const SELECT = `SELECT r.id, r.route_key AS routeKey, r.route_version AS routeVersion, r.doc_type AS docType, r.name, r.priority,
  r.conditions, r.steps, r.current, r.active, r.created_at AS createdAt,
  (SELECT count(*) FROM approval_runs x WHERE x.route_id = r.id) AS runs FROM approval_routes r`;

/**
 * Parsed conditions and steps by their stored JSON text: a route row's conditions and steps never
 * change (an edit appends a version), and every submit and approval reads the routes, so each
 * text is parsed and validated once per process instead of once per document.
 */
const parsed = new Map<string, unknown>();
function parseOnce<T>(text: string, parse: (v: unknown) => T): T {
  let v = parsed.get(text) as T | undefined;
  if (v === undefined) {
    v = parse(JSON.parse(text));
    if (parsed.size > 1000) parsed.clear();
    parsed.set(text, v);
  }
  return v;
}

const toRoute = (r: RawRoute): RouteRow => ({
  ...r,
  conditions: parseOnce(r.conditions, (v) => routeConditions.parse(v) as RouteConditions),
  steps: parseOnce(r.steps, (v) => (v as unknown[]).map((s) => routeStep.parse(s) as RouteStep)),
  current: !!r.current,
  active: !!r.active,
});

export function getRoute(db: Database.Database, id: number): RouteRow {
  const r = stmt(db, `${SELECT} WHERE r.id = ?`).get(id) as RawRoute | undefined;
  if (!r) throw new ApiError('not_found', 'No such approval route', { entity: 'route', id });
  return toRoute(r);
}

export function listRoutes(db: Database.Database, docType?: ApprovableType, includeOld = false): RouteRow[] {
  const rows = stmt(db, `${SELECT} WHERE (? IS NULL OR r.doc_type = ?) AND (? = 1 OR r.current = 1) ORDER BY r.doc_type, r.priority, r.id`).all(
    docType ?? null,
    docType ?? null,
    includeOld ? 1 : 0,
  ) as RawRoute[];
  return rows.map(toRoute);
}

function inSubtree(db: Database.Database, unitId: number, rootId: number): boolean {
  return (
    (stmt(db, `SELECT count(*) FROM org_units u, org_units r WHERE u.id = ? AND r.id = ? AND substr(u.path, 1, length(r.path)) = r.path`, true).get(unitId, rootId) as number) > 0
  );
}

export function matches(db: Database.Database, c: RouteConditions, f: DocFacts): boolean {
  if (c.minAmount !== null && f.amount < c.minAmount) return false;
  if (c.maxAmount !== null && f.amount > c.maxAmount) return false;
  if (c.costTypeIds.length && (f.costTypeId === null || !c.costTypeIds.includes(f.costTypeId))) return false;
  if (c.channelTypeIds.length && (f.channelTypeId === null || !c.channelTypeIds.includes(f.channelTypeId))) return false;
  if (c.orgUnitId !== null && !inSubtree(db, f.orgUnitId, c.orgUnitId)) return false;
  return true;
}

export function matchRoute(db: Database.Database, f: DocFacts): RouteRow {
  const route = listRoutes(db, f.type).find((r) => r.active && matches(db, r.conditions, f));
  if (!route) throw new ApiError('no_route', 'No approval route applies to this document; an administrator must add one', { docType: f.type });
  return route;
}

function insertRoute(db: Database.Database, key: number | null, version: number, i: z.output<typeof routeInput>, userId: number | null, at: string): number {
  const id = Number(
    stmt(db, `INSERT INTO approval_routes (route_key, route_version, doc_type, name, priority, conditions, steps, current, active, created_by, created_at)
      VALUES (?,?,?,?,?,?,?,1,1,?,?)`).run(key ?? 0, version, i.docType, i.name, i.priority, JSON.stringify(i.conditions), JSON.stringify(i.steps), userId, at).lastInsertRowid,
  );
  if (key === null) stmt(db, 'UPDATE approval_routes SET route_key = id WHERE id = ?').run(id);
  return id;
}

/**
 * The defaults installed when a type has no route (first start, or a database from before
 * routes): requests and claims — the manager of the document's unit (the county manager), then
 * the branch's approver from ¥10,000; budget versions and transfers — one finance user who is not
 * the submitter (the two-person rule the budgets area had before routes).
 */
export const DEFAULT_THRESHOLD_FEN = 1_000_000;
export function ensureDefaultRoutes(db: Database.Database, at: string): void {
  const has = (t: ApprovableType) => (stmt(db, 'SELECT count(*) FROM approval_routes WHERE doc_type = ?', true).get(t) as number) > 0;
  const none = { minAmount: null, maxAmount: null, costTypeIds: [], channelTypeIds: [], orgUnitId: null };
  const manager: RouteStep = { kind: 'manager', name: '县区经理审批', mode: 'any', slaHours: 48 };
  const branch: RouteStep = { kind: 'role', name: '分公司审批', role: 'approver', level: 'branch', mode: 'any', slaHours: 48 };
  db.transaction(() => {
    for (const t of ['cost_request', 'claim'] as const) {
      if (has(t)) continue;
      insertRoute(db, null, 1, { docType: t, name: '大额（两级）', priority: 10, conditions: { ...none, minAmount: DEFAULT_THRESHOLD_FEN }, steps: [manager, branch] }, null, at);
      insertRoute(db, null, 1, { docType: t, name: '标准', priority: 100, conditions: none, steps: [manager] }, null, at);
    }
    for (const t of ['budget_version', 'budget_transfer'] as const) {
      if (has(t)) continue;
      insertRoute(db, null, 1, { docType: t, name: '财务复核（双人）', priority: 100, conditions: none, steps: [{ kind: 'role', name: '另一位财务审批', role: 'finance', level: 'company', mode: 'any', slaHours: 72 }] }, null, at);
    }
  }).immediate();
}

function saveRoute(ctx: OrgCtx, i: z.output<typeof routeInput> & { id?: number }): RouteRow {
  const db = ctx.db.$client;
  if (i.conditions.orgUnitId !== null) ctx.scope.require(i.conditions.orgUnitId);
  for (const s of i.steps) {
    if (s.kind === 'user' && !(stmt(db, 'SELECT count(*) FROM users WHERE id = ? AND active = 1', true).get(s.userId) as number)) {
      throw new ApiError('validation', 'The named approver is unknown or inactive', undefined, [{ path: 'steps', reason: 'v.inactive_ref' }]);
    }
    // an administrator of part of the company names approvers from that part only (the answer
    // echoes the step, and the approver must be someone the administrator may see)
    if (s.kind === 'user' && !ctx.scope.all) {
      const units = stmt(db, 'SELECT org_unit_id FROM user_org_units WHERE user_id = ? ORDER BY org_unit_id', true).all(s.userId) as number[];
      if (!units.some((u) => ctx.scope.has(u))) throw ctx.scope.error(units[0] ?? 0);
    }
  }
  const at = ctx.now().toISOString();
  const id = db.transaction(() => {
    if (i.id === undefined) return insertRoute(db, null, 1, i, ctx.user.id, at);
    const old = getRoute(db, i.id);
    if (!old.current) throw new ApiError('stale', 'This route has a newer version; edit that one', { id: i.id });
    if (old.docType !== i.docType) throw new ApiError('validation', 'A route keeps its document type', undefined, [{ path: 'docType', reason: 'v.immutable' }]);
    // saved without a change: no new version (documents started under it keep counting as its runs)
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    if (old.name === i.name && old.priority === i.priority && same(old.conditions, i.conditions) && same(old.steps, i.steps)) return old.id;
    stmt(db, 'UPDATE approval_routes SET current = 0 WHERE id = ?').run(old.id);
    const next = insertRoute(db, old.routeKey, old.routeVersion + 1, i, ctx.user.id, at);
    if (!old.active) stmt(db, 'UPDATE approval_routes SET active = 0 WHERE id = ?').run(next);
    return next;
  }).immediate();
  return getRoute(db, id);
}

export const routeHandlers: Handlers<'routes.list' | 'routes.save' | 'routes.setActive'> = {
  'routes.list': (i, ctx: AuthedCtx) => listRoutes(ctx.db.$client, i.docType, i.includeOld),
  'routes.save': (i, ctx) => saveRoute(ctx, i),
  'routes.setActive': (i, ctx) => {
    const r = getRoute(ctx.db.$client, i.id);
    if (!r.current) throw new ApiError('stale', 'This route has a newer version', { id: i.id });
    stmt(ctx.db.$client, 'UPDATE approval_routes SET active = ? WHERE id = ?').run(i.active ? 1 : 0, i.id);
    return getRoute(ctx.db.$client, i.id);
  },
};
