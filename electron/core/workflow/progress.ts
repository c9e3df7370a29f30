import type Database from 'better-sqlite3';
import type { RunProgress, SimulatedStep, TaskView } from '../../../shared/api/areas/workflowTypes';
import { stmt } from '../budgets/sql';
import { resolveStep } from './approvers';
import { excludedFor } from './engine';
import { getRoute, matchRoute } from './routes';
import type { DocFacts } from './types';

const userName = (db: Database.Database, id: number | null) =>
  id === null ? null : { id, name: (stmt(db, 'SELECT display_name FROM users WHERE id = ?', true).get(id) as string | undefined) ?? `#${id}` };

/** The latest run of a document: its route version's steps with every task (who, state, when, for whom). */
export function progressOf(db: Database.Database, type: string, id: number): RunProgress | null {
  const run = stmt(db, `SELECT id, route_id AS routeId, step_index AS stepIndex, state FROM approval_runs WHERE doc_type = ? AND doc_id = ? ORDER BY id DESC LIMIT 1`).get(type, id) as
    | { id: number; routeId: number; stepIndex: number; state: RunProgress['state'] }
    | undefined;
  if (!run) return null;
  const route = getRoute(db, run.routeId);
  const tasks = stmt(
    db,
    `SELECT id, step_index AS stepIndex, assignee_id AS assigneeId, state, via, decided_by AS decidedBy, on_behalf_of AS onBehalfOf, decided_at AS decidedAt, comment, due_at AS dueAt
     FROM approval_tasks WHERE run_id = ? ORDER BY id`,
  ).all(run.id) as (Omit<TaskView, 'assignee' | 'decidedBy' | 'onBehalfOf'> & { assigneeId: number; decidedBy: number | null; onBehalfOf: number | null })[];
  return {
    runId: run.id,
    routeId: route.id,
    routeName: route.name,
    routeVersion: route.routeVersion,
    state: run.state,
    stepIndex: run.stepIndex,
    steps: route.steps.map((s, index) => ({
      index,
      name: s.name,
      mode: s.mode,
      tasks: tasks
        .filter((t) => t.stepIndex === index)
        .map(({ assigneeId, decidedBy, onBehalfOf, ...t }) => ({ ...t, assignee: userName(db, assigneeId)!, decidedBy: userName(db, decidedBy), onBehalfOf: userName(db, onBehalfOf) })),
    })),
  };
}

/**
 * Who would approve each step if the document were submitted now (by its author): the route that
 * would match, each step resolved with the exclusions building up as the steps would be decided
 * (the first approver of each step is assumed to decide it).
 */
export function simulate(db: Database.Database, f: DocFacts): { routeId: number; routeName: string; routeVersion: number; steps: SimulatedStep[] } {
  const route = matchRoute(db, f);
  const excluded = excludedFor(db, { ...f, submittedBy: f.submittedBy ?? f.createdBy }, null);
  const steps = route.steps.map((s, index): SimulatedStep => {
    const r = resolveStep(db, s, f.orgUnitId, excluded);
    if (r.users[0] !== undefined) excluded.add(r.users[0]);
    return { index, name: s.name, mode: s.mode, approvers: r.users.map((u) => userName(db, u)!), escalated: r.escalated, unresolved: r.unresolved };
  });
  return { routeId: route.id, routeName: route.name, routeVersion: route.routeVersion, steps };
}

export { userName };
