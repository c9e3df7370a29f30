import type Database from 'better-sqlite3';
import type { OrgLevel, RouteStep } from '../../../shared/api/areas/workflowTypes';
import { stmt } from '../budgets/sql';

/**
 * Who approves a step (SPEC §4; the rules are in ./README.md):
 * - role: active users of that role assigned at the document's unit, or at the unit of the named
 *   level above it (the branch that contains the document's county …);
 * - user: that user;
 * - manager: the manager of the document's unit.
 * People the rules exclude (the requester, the submitter, anyone who already decided a step of
 * this run, inactive users) are removed. An empty set escalates one level up the org tree — for a
 * role step the same role at the parent unit, for a manager or user step the parent unit's
 * manager — until someone is found (recorded as escalated) or the root is passed (unresolved).
 */
interface Unit {
  id: number;
  kind: string;
  managerUserId: number | null;
}

function chain(db: Database.Database, orgUnitId: number): Unit[] {
  const path = stmt(db, 'SELECT path FROM org_units WHERE id = ?', true).get(orgUnitId) as string | undefined;
  const ids = (path ?? `/${orgUnitId}/`).split('/').filter(Boolean).map(Number);
  const rows = stmt(db, 'SELECT id, kind, manager_user_id AS managerUserId FROM org_units WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as Unit[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  // nearest first: the document's unit, its parent, … the company
  return ids.map((id) => byId.get(id)!).filter(Boolean).reverse();
}

function startIndex(units: Unit[], level: OrgLevel): number {
  if (level === 'own') return 0;
  const i = units.findIndex((u) => u.kind === level);
  return i === -1 ? 0 : i;
}

const activeUser = (db: Database.Database, id: number) => (stmt(db, 'SELECT active FROM users WHERE id = ?', true).get(id) as number | undefined) === 1;

function roleAt(db: Database.Database, role: string, unitId: number): number[] {
  return stmt(
    db,
    `SELECT u.id FROM users u JOIN user_org_units a ON a.user_id = u.id
     WHERE a.org_unit_id = ? AND u.role = ? AND u.active = 1 AND u.username <> '_system' ORDER BY u.id`,
    true,
  ).all(unitId, role) as number[];
}

export interface Resolved {
  users: number[];
  escalated: boolean;
  unresolved: boolean;
}

export function resolveStep(db: Database.Database, step: RouteStep, orgUnitId: number, excluded: ReadonlySet<number>): Resolved {
  const units = chain(db, orgUnitId);
  const ok = (ids: number[]) => ids.filter((id) => !excluded.has(id));
  if (step.kind === 'user') {
    if (activeUser(db, step.userId) && !excluded.has(step.userId)) return { users: [step.userId], escalated: false, unresolved: false };
  }
  // a manager step starts at the nearest unit that has a manager: walking up to it is not an escalation
  const from = step.kind === 'role' ? startIndex(units, step.level) : step.kind === 'manager' ? Math.max(0, units.findIndex((u) => u.managerUserId !== null)) : 0;
  for (let i = from; i < units.length; i++) {
    const u = units[i]!;
    const found =
      step.kind === 'role' ? ok(roleAt(db, step.role, u.id)) : u.managerUserId !== null && activeUser(db, u.managerUserId) ? ok([u.managerUserId]) : [];
    if (found.length) return { users: found, escalated: step.kind === 'user' || i > from, unresolved: false };
  }
  return { users: [], escalated: true, unresolved: true };
}
