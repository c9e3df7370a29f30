import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { applyBasisPoints, spread } from '../../shared/domain/money';
import { activityMonths, addDays } from '../../electron/core/documents/dates';

/**
 * The baselines of request_to_payment and bulk_approve_1000: the money path written by hand on
 * a bare better-sqlite3 connection — prepared statements, one IMMEDIATE transaction per command,
 * the same rows, history (hash-chained, verifiable by `history.verify`) and ledger entries as the
 * application, and the same checks a careful engineer could not leave out: the version seen,
 * the state, who may act (scope, author, the route's approver, not one's own document), the
 * budget line by the written rule, its control rule against the cell's balance, the claim's room
 * on its request, the proof threshold, duplicate invoices and files, closed periods.
 *
 * What it does not do: drizzle, zod, sessions, the generic engine's adapters — and it reads no
 * more than it needs (the application returns the whole document after each command; a
 * hand-written handler returns the row it wrote). Route steps: the `manager` and `role` kinds
 * the default routes use.
 */
export interface HandUser {
  id: number;
  /** org units in the user's scope (their assignments and everything below) */
  scope: Set<number>;
}

interface Doc {
  id: number;
  number: string;
  state: string;
  version: number;
  createdBy: number;
  submittedBy: number | null;
  orgUnitId: number;
  partnerId: number;
  channelTypeId: number;
  costTypeId: number;
  amount: number;
  activityStart: string;
  activityEnd: string;
}

interface RouteStepLite {
  kind: string;
  name: string;
  mode: 'any' | 'all';
  slaHours: number;
  role?: string;
  level?: string;
  userId?: number;
}

const GENESIS = '0'.repeat(64);

export class HandMoneyPath {
  private readonly s;
  private readonly tx;

  constructor(
    private readonly db: Database.Database,
    private readonly nowIso: string,
  ) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      partner: p('SELECT org_unit_id AS orgUnitId, channel_type_id AS channelTypeId, active, status FROM partners WHERE id = ?'),
      costType: p(`SELECT active, requires_preapproval AS pre, receipt_threshold_fen AS threshold, claim_due_days AS dueDays, claim_tolerance_bp AS tolBp
        FROM cost_types WHERE id = ?`),
      seqInit: p('INSERT INTO doc_sequences (prefix, year, last) VALUES (?, ?, 0) ON CONFLICT (prefix, year) DO NOTHING'),
      seqNext: p('UPDATE doc_sequences SET last = last + 1 WHERE prefix = ? AND year = ? RETURNING last').pluck(),
      insRequest: p(`INSERT INTO cost_requests (number, partner_id, org_unit_id, channel_type_id, cost_type_id, title, description, activity_start, activity_end,
          amount, expected_revenue, expected_subscribers, claim_due, created_by, owner_user_id, created_at, updated_at) VALUES (?,?,?,?,?,?,'',?,?,?,0,0,?,?,?,?,?)`),
      request: p(`SELECT id, number, approval_state AS state, version, created_by AS createdBy, submitted_by AS submittedBy, org_unit_id AS orgUnitId,
          partner_id AS partnerId, channel_type_id AS channelTypeId, cost_type_id AS costTypeId, amount, activity_start AS activityStart,
          activity_end AS activityEnd, settle_state AS settleState, claimed_amount AS claimed, claim_due AS claimDue, line_id AS lineId
        FROM cost_requests WHERE id = ?`),
      claim: p(`SELECT id, number, approval_state AS state, version, created_by AS createdBy, submitted_by AS submittedBy, org_unit_id AS orgUnitId,
          partner_id AS partnerId, channel_type_id AS channelTypeId, cost_type_id AS costTypeId, amount, activity_start AS activityStart,
          activity_end AS activityEnd, request_id AS requestId, pay_state AS payState, approved_amount AS approvedAmount, paid_amount AS paid, line_id AS lineId
        FROM claims WHERE id = ?`),
      lastHash: p('SELECT hash FROM document_history ORDER BY id DESC LIMIT 1').pluck(),
      insHistory: p(`INSERT INTO document_history (document_type, document_id, action, from_state, to_state, user_id, at, comment, on_behalf_of, prev_hash, hash)
        VALUES (?,?,?,?,?,?,?,?,NULL,?,?)`),
      planOfYear: p('SELECT id FROM budget_plans WHERE fiscal_year = ?').pluck(),
      unitPath: p('SELECT path FROM org_units WHERE id = ?').pluck(),
      // the written rule in one statement: the partner's own line, else the unit's, else the nearest ancestor's
      line: p(`SELECT l.id FROM budget_lines l JOIN org_units o ON o.id = l.org_unit_id
        WHERE l.plan_id = ? AND l.channel_type_id = ? AND l.cost_type_id = ?
          AND ((l.partner_key = ? AND l.org_unit_id = ?) OR (l.partner_key = 0 AND l.org_unit_id IN (SELECT value FROM json_each(?))))
        ORDER BY l.partner_key DESC, length(o.path) DESC LIMIT 1`).pluck(),
      control: p(`SELECT coalesce(vl.control_mode, ct.default_control) AS mode, coalesce(vl.tolerance_bp, ct.default_tolerance_bp) AS bp
        FROM cost_types ct LEFT JOIN budget_versions v ON v.plan_id = ? AND v.in_force = 1 LEFT JOIN budget_version_lines vl ON vl.version_id = v.id AND vl.line_id = ?
        WHERE ct.id = ?`),
      cell: p(`SELECT coalesce(sum(CASE WHEN kind IN ('allocation','transfer_in','transfer_out') THEN amount END), 0) AS a,
          coalesce(sum(CASE WHEN kind IN ('commitment','release','actual') THEN amount END), 0) AS used
        FROM budget_ledger WHERE line_id = ? AND period = ?`),
      closed: p('SELECT count(*) FROM budget_periods WHERE period = ? AND closed = 1').pluck(),
      insEntry: p(`INSERT INTO budget_ledger (line_id, period, kind, amount, source_type, source_id, source_ref, against_type, against_id, user_id, at, note)
        VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`),
      held: p(`SELECT line_id AS lineId, period, sum(amount) AS held FROM budget_ledger WHERE against_type = ? AND against_id = ? AND kind IN ('commitment','release')
        GROUP BY line_id, period HAVING sum(amount) <> 0 ORDER BY period, line_id`),
      routes: p(`SELECT id, route_version AS v, name, conditions, steps FROM approval_routes WHERE doc_type = ? AND active = 1 AND current = 1 ORDER BY priority, id`),
      routeSteps: p('SELECT steps FROM approval_routes WHERE id = ?').pluck(),
      managerChain: p(`SELECT u.id FROM org_units o JOIN users u ON u.id = o.manager_user_id AND u.active = 1
        WHERE o.id IN (SELECT value FROM json_each(?)) ORDER BY length(o.path) DESC`).pluck(),
      roleAt: p(`SELECT u.id FROM users u JOIN user_org_units a ON a.user_id = u.id JOIN org_units o ON o.id = a.org_unit_id
        WHERE o.id IN (SELECT value FROM json_each(?)) AND o.kind = ? AND u.role = ? AND u.active = 1 AND u.username <> '_system' ORDER BY u.id`).pluck(),
      insRun: p(`INSERT INTO approval_runs (doc_type, doc_id, route_id, step_index, started_by, started_at) VALUES (?,?,?,0,?,?)`),
      insTask: p(`INSERT INTO approval_tasks (run_id, doc_type, doc_id, step_index, step_name, mode, assignee_id, via, created_at, due_at, doc_number, requester_id,
          org_unit_id, partner_id, amount) VALUES (?,?,?,?,?,?,?,'route',?,?,?,?,?,?,?)`),
      myTask: p(`SELECT t.id, t.run_id AS runId, t.step_index AS stepIndex, t.mode, r.route_id AS routeId FROM approval_tasks t JOIN approval_runs r ON r.id = t.run_id
        WHERE t.doc_type = ? AND t.doc_id = ? AND t.assignee_id = ? AND t.state = 'waiting' AND r.state = 'running'`),
      decidedOther: p(`SELECT count(*) FROM approval_tasks WHERE run_id = ? AND state = 'approved' AND decided_by = ? AND step_index <> ?`).pluck(),
      decide: p(`UPDATE approval_tasks SET state = 'approved', decided_by = ?, decided_at = ?, comment = ? WHERE id = ? AND state = 'waiting'`),
      skipOthers: p(`UPDATE approval_tasks SET state = 'skipped' WHERE run_id = ? AND state = 'waiting'`),
      endRun: p(`UPDATE approval_runs SET state = 'approved', ended_at = ? WHERE id = ?`),
      submitRequest: p(`UPDATE cost_requests SET approval_state = 'submitted', submitted_by = ?, submitted_at = ?, updated_at = ?, version = version + 1, post_hoc = ?, line_id = ?
        WHERE id = ? AND version = ? AND approval_state IN ('draft','returned')`),
      approveRequest: p(`UPDATE cost_requests SET approval_state = 'approved', decided_by = ?, decided_at = ?, updated_at = ?, version = version + 1, settle_state = 'open', line_id = ?
        WHERE id = ? AND version = ? AND approval_state = 'submitted'`),
      insClaim: p(`INSERT INTO claims (number, request_id, partner_id, org_unit_id, channel_type_id, cost_type_id, title, description, activity_start, activity_end, due,
          amount, created_by, owner_user_id, created_at, updated_at) VALUES (?,?,?,?,?,?,?,'',?,?,?,?,?,?,?,?)`),
      insLine: p(`INSERT INTO claim_lines (claim_id, line_no, invoice_type, invoice_code, invoice_number, invoice_date, amount, tax, description) VALUES (?,?,?,?,?,?,?,?,?)`),
      inFlight: p(`SELECT coalesce(sum(amount), 0) FROM claims WHERE request_id = ? AND approval_state = 'submitted' AND id <> ?`).pluck(),
      proofs: p(`SELECT count(*) FROM attachments WHERE doc_type = 'claim' AND doc_id = ? AND removed = 0`).pluck(),
      dupInvoice: p(`SELECT EXISTS (SELECT 1 FROM claim_lines m JOIN claim_lines o ON o.invoice_code = m.invoice_code AND o.invoice_number = m.invoice_number
          JOIN claims c ON c.id = o.claim_id
        WHERE m.claim_id = ? AND m.invoice_number <> '' AND o.claim_id <> m.claim_id AND c.approval_state NOT IN ('cancelled','rejected'))`).pluck(),
      dupFile: p(`SELECT EXISTS (SELECT 1 FROM attachments m JOIN attachments o ON o.sha256 = m.sha256 AND o.removed = 0 AND NOT (o.doc_type = 'claim' AND o.doc_id = m.doc_id)
        WHERE m.doc_type = 'claim' AND m.doc_id = ? AND m.removed = 0)`).pluck(),
      submitClaim: p(`UPDATE claims SET approval_state = 'submitted', submitted_by = ?, submitted_at = ?, updated_at = ?, version = version + 1, duplicate_reason = ?
        WHERE id = ? AND version = ? AND approval_state IN ('draft','returned')`),
      approveClaim: p(`UPDATE claims SET approval_state = 'approved', decided_by = ?, decided_at = ?, updated_at = ?, version = version + 1, pay_state = 'unpaid', line_id = ?
        WHERE id = ? AND version = ? AND approval_state = 'submitted'`),
      claimRequest: p(`UPDATE cost_requests SET claimed_amount = ?, settle_state = ?, version = version + 1 WHERE id = ?`),
      stillPayable: p(`SELECT coalesce(sum(coalesce(approved_amount, amount) - paid_amount), 0) FROM claims WHERE request_id = ? AND approval_state = 'approved'`).pluck(),
      insPayment: p('INSERT INTO payments (claim_id, amount, method, reference, paid_on, created_by, created_at) VALUES (?,?,?,?,?,?,?)'),
      payClaim: p(`UPDATE claims SET approved_amount = ?, paid_amount = ?, pay_state = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?`),
      settleOf: p('SELECT settle_state FROM cost_requests WHERE id = ?').pluck(),
    };
    const immediate = <A extends unknown[], R>(fn: (...a: A) => R) => {
      const t = db.transaction(fn);
      return (...a: A): R => t.immediate(...a);
    };
    this.tx = {
      createRequest: immediate(this.createRequestTx.bind(this)),
      submitRequest: immediate(this.submitRequestTx.bind(this)),
      approve: immediate(this.approveTx.bind(this)),
      createClaim: immediate(this.createClaimTx.bind(this)),
      pay: immediate(this.payTx.bind(this)),
    };
  }

  // ---- the commands (each one transaction) ----

  createRequest(u: HandUser, i: { partnerId: number; costTypeId: number; title: string; activityStart: string; activityEnd: string; amount: number }) {
    return this.tx.createRequest(u, i);
  }
  submitRequest(u: HandUser, id: number, version: number) {
    return this.tx.submitRequest(u, 'cost_request', id, version);
  }
  /** approve a request or a claim at its waiting step (the final step: the budget effect) */
  approve(u: HandUser, type: 'cost_request' | 'claim', id: number, version: number, comment = '') {
    return this.tx.approve(u, type, id, version, comment);
  }
  /**
   * Approves many documents in one transaction, each in a savepoint of its own (a refused item
   * is rolled back alone and reported), like a careful bulk command: one commit for all.
   */
  approveMany(u: HandUser, items: { docType: 'cost_request' | 'claim'; docId: number; version: number }[], comment = '') {
    return this.db.transaction(() =>
      items.map((it) => {
        try {
          return { ok: true as const, ...this.tx.approve(u, it.docType, it.docId, it.version, comment) };
        } catch (e) {
          return { ok: false as const, id: it.docId, error: String(e) };
        }
      }),
    ).immediate();
  }
  createClaim(u: HandUser, i: { requestId: number; title: string; lines: { invoiceType: string; invoiceNumber: string; invoiceDate: string; amount: number; tax: number }[] }) {
    return this.tx.createClaim(u, i);
  }
  submitClaim(u: HandUser, id: number, version: number) {
    return this.tx.submitRequest(u, 'claim', id, version);
  }
  pay(u: HandUser, i: { claimId: number; version: number; amount: number; method: string; reference: string; paidOn: string }) {
    return this.tx.pay(u, i);
  }

  // ---- pieces ----

  private history(type: string, id: number, action: string, from: string | null, to: string | null, userId: number, comment = '') {
    const prev = (this.s.lastHash.get() as string | undefined) ?? GENESIS;
    const hash = createHash('sha256').update(JSON.stringify([prev, type, id, action, from, to, userId, this.nowIso, comment])).digest('hex');
    this.s.insHistory.run(type, id, action, from, to, userId, this.nowIso, comment, prev, hash);
  }

  private number(prefix: string, year: number): string {
    this.s.seqInit.run(prefix, year);
    return `${prefix}-${year}-${String(this.s.seqNext.get(prefix, year) as number).padStart(6, '0')}`;
  }

  private ancestors(orgUnitId: number): number[] {
    return (this.s.unitPath.get(orgUnitId) as string).split('/').filter(Boolean).map(Number);
  }

  /** per month of the activity (split by days): the line by the written rule; none → refused */
  private months(d: Doc, start: string, end: string, amount: number): { period: string; amount: number; lineId: number; planId: number }[] {
    const ms = activityMonths(start, end);
    const parts = spread(amount, ms.map((m) => m.days));
    const units = JSON.stringify(this.ancestors(d.orgUnitId));
    return ms.map((m, k) => {
      const planId = this.s.planOfYear.get(Number(m.period.slice(0, 4))) as number | undefined;
      const lineId = planId === undefined ? undefined : (this.s.line.get(planId, d.channelTypeId, d.costTypeId, d.partnerId, d.orgUnitId, units) as number | undefined);
      if (lineId === undefined) throw new Error(`no_budget_line ${m.period}`);
      return { period: m.period, amount: parts[k]!, lineId, planId: planId! };
    });
  }

  /** the control rule of each month's cell; block refuses, warn needs confirmation */
  private checkControl(d: Doc, months: { period: string; amount: number; lineId: number; planId: number }[], confirmWarn: boolean): void {
    for (const m of months) {
      if (this.s.closed.get(m.period)) throw new Error(`period_closed ${m.period}`);
      const c = this.s.control.get(m.planId, m.lineId, d.costTypeId) as { mode: string; bp: number };
      if (c.mode === 'none') continue;
      const b = this.s.cell.get(m.lineId, m.period) as { a: number; used: number };
      if (b.used + m.amount > b.a + Math.max(0, applyBasisPoints(b.a, c.bp)) && (c.mode === 'block' || !confirmWarn)) throw new Error(`budget_exceeded ${m.period}`);
    }
  }

  private entry(lineId: number, period: string, kind: string, amount: number, source: { type: string; id: number; ref: string }, against: { type: string; id: number }, userId: number, note = '') {
    this.s.insEntry.run(lineId, period, kind, amount, source.type, source.id, source.ref, against.type, against.id, userId, this.nowIso, note);
  }

  private releaseBeyond(holder: { type: string; id: number }, keep: number, source: { type: string; id: number; ref: string }, userId: number, note: string) {
    let kept = 0;
    for (const h of this.s.held.all(holder.type, holder.id) as { lineId: number; period: string; held: number }[]) {
      const stay = Math.min(h.held, Math.max(0, keep - kept));
      kept += stay;
      if (h.held - stay > 0) this.entry(h.lineId, h.period, 'release', -(h.held - stay), source, holder, userId, note);
    }
  }

  private matchRoute(type: string, d: Doc): { id: number; v: number; name: string; steps: RouteStepLite[] } {
    const path = this.s.unitPath.get(d.orgUnitId) as string;
    for (const r of this.s.routes.all(type) as { id: number; v: number; name: string; conditions: string; steps: string }[]) {
      const c = JSON.parse(r.conditions) as { minAmount: number | null; maxAmount: number | null; costTypeIds: number[]; channelTypeIds: number[]; orgUnitId: number | null };
      if (c.minAmount !== null && d.amount < c.minAmount) continue;
      if (c.maxAmount !== null && d.amount > c.maxAmount) continue;
      if (c.costTypeIds.length && !c.costTypeIds.includes(d.costTypeId)) continue;
      if (c.channelTypeIds.length && !c.channelTypeIds.includes(d.channelTypeId)) continue;
      if (c.orgUnitId !== null && !path.includes(`/${c.orgUnitId}/`)) continue;
      return { id: r.id, v: r.v, name: r.name, steps: JSON.parse(r.steps) as RouteStepLite[] };
    }
    throw new Error('no_route');
  }

  private approvers(step: RouteStepLite, d: Doc, excluded: Set<number>): number[] {
    const units = JSON.stringify(this.ancestors(d.orgUnitId));
    const ids = step.kind === 'manager'
      ? (this.s.managerChain.all(units) as number[]).slice(0, 1)
      : step.kind === 'role'
        ? (this.s.roleAt.all(units, step.level, step.role) as number[])
        : [step.userId!];
    const out = ids.filter((x) => !excluded.has(x));
    if (!out.length) throw new Error('no_approver (escalation is not part of this baseline)');
    return out;
  }

  private createRequestTx(u: HandUser, i: { partnerId: number; costTypeId: number; title: string; activityStart: string; activityEnd: string; amount: number }) {
    const p = this.s.partner.get(i.partnerId) as { orgUnitId: number; channelTypeId: number; active: number; status: string } | undefined;
    if (!p || !p.active || p.status === 'terminated' || !u.scope.has(p.orgUnitId)) throw new Error('partner not usable');
    const ct = this.s.costType.get(i.costTypeId) as { active: number; dueDays: number } | undefined;
    if (!ct?.active) throw new Error('cost type not usable');
    if (i.activityEnd < i.activityStart) throw new Error('dates');
    const number = this.number('SQ', Number(i.activityStart.slice(0, 4)));
    const id = Number(
      this.s.insRequest.run(number, i.partnerId, p.orgUnitId, p.channelTypeId, i.costTypeId, i.title, i.activityStart, i.activityEnd, i.amount,
        addDays(i.activityEnd, ct.dueDays), u.id, u.id, this.nowIso, this.nowIso).lastInsertRowid,
    );
    this.history('cost_request', id, 'create', null, 'draft', u.id);
    return { id, version: 0 };
  }

  /** submission of a request or a claim: its checks, the route's first step */
  private submitRequestTx(u: HandUser, type: 'cost_request' | 'claim', id: number, version: number) {
    const d = (type === 'claim' ? this.s.claim : this.s.request).get(id) as Doc & { requestId?: number | null };
    if (d.version !== version) throw new Error('conflict');
    if (d.state !== 'draft' && d.state !== 'returned') throw new Error('invalid_state');
    if (d.createdBy !== u.id || !u.scope.has(d.orgUnitId)) throw new Error('not_owner');
    if (type === 'cost_request') {
      const months = this.months(d, d.activityStart, d.activityEnd, d.amount);
      const postHoc = this.nowIso.slice(0, 10) > d.activityStart ? 1 : 0;
      if (this.s.submitRequest.run(u.id, this.nowIso, this.nowIso, postHoc, months[0]!.lineId, id, version).changes !== 1) throw new Error('conflict');
    } else {
      this.checkRoom(d as Doc & { requestId: number | null });
      const ct = this.s.costType.get(d.costTypeId) as { threshold: number };
      if (d.amount > ct.threshold && !(this.s.proofs.get(id) as number)) throw new Error('proof_required');
      if (this.s.dupInvoice.get(id) || this.s.dupFile.get(id)) throw new Error('duplicate_needs_reason');
      if (this.s.submitClaim.run(u.id, this.nowIso, this.nowIso, '', id, version).changes !== 1) throw new Error('conflict');
    }
    const route = this.matchRoute(type, d);
    const runId = Number(this.s.insRun.run(type, id, route.id, u.id, this.nowIso).lastInsertRowid);
    this.history(type, id, 'submit', d.state, 'submitted', u.id, `${route.name} v${route.v}`);
    const step = route.steps[0]!;
    const due = new Date(Date.parse(this.nowIso) + step.slaHours * 3_600_000).toISOString();
    for (const a of this.approvers(step, d, new Set([d.createdBy, u.id]))) {
      this.s.insTask.run(runId, type, id, 0, step.name, step.mode, a, this.nowIso, due, d.number, d.createdBy, d.orgUnitId, d.partnerId, d.amount);
    }
    return { id, version: version + 1 };
  }

  private checkRoom(c: Doc & { requestId: number | null }): { r: Doc & { settleState: string; claimed: number; lineId: number } } {
    const r = this.s.request.get(c.requestId) as Doc & { settleState: string; claimed: number; lineId: number };
    if (r.state !== 'approved' || (r.settleState !== 'open' && r.settleState !== 'partly_claimed')) throw new Error('request_not_open');
    const ct = this.s.costType.get(r.costTypeId) as { tolBp: number };
    const remaining = r.amount - r.claimed - (this.s.inFlight.get(r.id, c.id) as number);
    if (c.amount > remaining + applyBasisPoints(r.amount, ct.tolBp)) throw new Error('claim_exceeds_request');
    return { r };
  }

  private approveTx(u: HandUser, type: 'cost_request' | 'claim', id: number, version: number, comment: string) {
    const d = (type === 'claim' ? this.s.claim : this.s.request).get(id) as Doc & { requestId?: number | null };
    if (d.version !== version) throw new Error('conflict');
    if (d.state !== 'submitted') throw new Error('invalid_state');
    const t = this.s.myTask.get(type, id, u.id) as { id: number; runId: number; stepIndex: number; mode: string; routeId: number } | undefined;
    if (!t) throw new Error('not_your_turn');
    if (u.id === d.createdBy || u.id === d.submittedBy) throw new Error('self_approval');
    if (this.s.decidedOther.get(t.runId, u.id, t.stepIndex)) throw new Error('already_decided');
    this.s.decide.run(u.id, this.nowIso, comment, t.id);
    if (t.mode === 'any') this.s.skipOthers.run(t.runId);
    const steps = JSON.parse(this.s.routeSteps.get(t.routeId) as string) as RouteStepLite[];
    if (t.stepIndex !== steps.length - 1) throw new Error('multi-step routes are not part of this baseline');
    this.s.endRun.run(this.nowIso, t.runId);
    if (type === 'cost_request') {
      const months = this.months(d, d.activityStart, d.activityEnd, d.amount);
      this.checkControl(d, months, false);
      if (this.s.approveRequest.run(u.id, this.nowIso, this.nowIso, months[0]!.lineId, id, version).changes !== 1) throw new Error('conflict');
      const holder = { type: 'cost_request', id, ref: d.number };
      for (const m of months) this.entry(m.lineId, m.period, 'commitment', m.amount, holder, holder, u.id);
      this.history(type, id, 'approve', 'submitted', 'approved', u.id, comment);
    } else {
      const { r } = this.checkRoom(d as Doc & { requestId: number | null });
      const extra = Math.max(0, d.amount - (r.amount - r.claimed));
      const holder = { type: 'cost_request', id: r.id, ref: r.number };
      const source = { type: 'claim', id, ref: d.number };
      if (extra > 0) {
        const months = this.months(d, d.activityEnd, d.activityEnd, extra);
        this.checkControl(d, months, false);
        for (const m of months) this.entry(m.lineId, m.period, 'commitment', m.amount, source, holder, u.id);
      }
      if (this.s.approveClaim.run(u.id, this.nowIso, this.nowIso, r.lineId, id, version).changes !== 1) throw new Error('conflict');
      const claimed = r.claimed + d.amount;
      const settle = claimed >= r.amount ? 'closed' : 'partly_claimed';
      this.s.claimRequest.run(claimed, settle, r.id);
      if (settle === 'closed') {
        this.releaseBeyond(holder, this.s.stillPayable.get(r.id) as number, source, u.id, 'fully claimed');
        this.history('cost_request', r.id, 'close', 'approved', 'approved', u.id, d.number);
      }
      this.history(type, id, 'approve', 'submitted', 'approved', u.id, comment);
    }
    return { id, version: version + 1 };
  }

  private createClaimTx(u: HandUser, i: { requestId: number; title: string; lines: { invoiceType: string; invoiceNumber: string; invoiceDate: string; amount: number; tax: number }[] }) {
    const r = this.s.request.get(i.requestId) as Doc & { settleState: string; claimDue: string };
    if (!u.scope.has(r.orgUnitId)) throw new Error('out of scope');
    if (r.state !== 'approved' || (r.settleState !== 'open' && r.settleState !== 'partly_claimed')) throw new Error('request_not_open');
    for (const l of i.lines) if (l.tax > l.amount || (l.invoiceType === 'e_invoice' && !/^\d{20}$/.test(l.invoiceNumber))) throw new Error('invoice line');
    const amount = i.lines.reduce((s, l) => s + l.amount, 0);
    const number = this.number('HX', Number(r.activityEnd.slice(0, 4)));
    const id = Number(
      this.s.insClaim.run(number, r.id, r.partnerId, r.orgUnitId, r.channelTypeId, r.costTypeId, i.title, r.activityStart, r.activityEnd, r.claimDue, amount, u.id, u.id,
        this.nowIso, this.nowIso).lastInsertRowid,
    );
    i.lines.forEach((l, n) => this.s.insLine.run(id, n + 1, l.invoiceType, '', l.invoiceNumber, l.invoiceDate, l.amount, l.tax, ''));
    this.history('claim', id, 'create', null, 'draft', u.id);
    return { id, version: 0 };
  }

  private payTx(u: HandUser, i: { claimId: number; version: number; amount: number; method: string; reference: string; paidOn: string }) {
    const c = this.s.claim.get(i.claimId) as Doc & { requestId: number; payState: string; approvedAmount: number | null; paid: number };
    if (!u.scope.has(c.orgUnitId)) throw new Error('out of scope');
    if (c.version !== i.version) throw new Error('conflict');
    if (c.state !== 'approved' || c.payState === 'paid') throw new Error('invalid_state');
    const approved = c.approvedAmount ?? c.amount;
    if (i.amount > approved - c.paid) throw new Error('payment_exceeds');
    const paymentId = Number(this.s.insPayment.run(c.id, i.amount, i.method, i.reference, i.paidOn, u.id, this.nowIso).lastInsertRowid);
    const paid = c.paid + i.amount;
    const state = paid === approved ? 'paid' : 'partly_paid';
    if (this.s.payClaim.run(approved, paid, state, this.nowIso, c.id, i.version).changes !== 1) throw new Error('conflict');
    const holder = { type: 'cost_request', id: c.requestId };
    const source = { type: 'claim', id: c.id, ref: c.number };
    let left = i.amount;
    for (const h of this.s.held.all(holder.type, holder.id) as { lineId: number; period: string; held: number }[]) {
      if (left === 0) break;
      const take = Math.min(left, h.held);
      if (take <= 0) continue;
      this.entry(h.lineId, h.period, 'release', -take, source, holder, u.id);
      this.entry(h.lineId, h.period, 'actual', take, source, holder, u.id);
      left -= take;
    }
    if (left > 0) throw new Error('paid beyond the commitment (not part of this baseline)');
    const settle = this.s.settleOf.get(c.requestId) as string;
    if (state === 'paid' && settle !== 'open' && settle !== 'partly_claimed') {
      this.releaseBeyond(holder, this.s.stillPayable.get(c.requestId) as number, source, u.id, 'last payment of a closed request');
    }
    this.history('claim', c.id, 'pay', 'approved', 'approved', u.id, `#${paymentId} ${i.amount} ${i.method} ${i.reference}`.trim());
    return { id: c.id, version: i.version + 1 };
  }
}

/** A user's id and scope (their assigned units and everything below them), read once like a session. */
export function handUser(db: Database.Database, username: string): HandUser {
  const id = db.prepare('SELECT id FROM users WHERE username = ?').pluck().get(username) as number;
  const units = db
    .prepare(`SELECT o.id FROM org_units o WHERE EXISTS (SELECT 1 FROM user_org_units a JOIN org_units s ON s.id = a.org_unit_id WHERE a.user_id = ? AND o.path LIKE s.path || '%')`)
    .pluck()
    .all(id) as number[];
  return { id, scope: new Set(units) };
}
