import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Input } from '../../shared/api/contract';
import type { QueueItem } from '../../shared/api/areas/workflowTypes';
import { DB_FILE } from '../../electron/core/db/open';
import { activityMonths } from '../../electron/core/documents/dates';
import { DEMO_PASSWORD } from '../../electron/core/demo/names';
import { createCore } from '../../electron/core/index';
import { silentLogger } from './data';
import { buildDocBenchData, DOCS_NOW } from './docData';
import { figure, median, type Figure } from './figure';

/**
 * claims_page: a filtered, sorted page of 100 claims among 1,000,000 (quick 100,000) through
 * `claims.list` in-process as wangfang (finance, the whole company): only payable claims
 * (approved, not fully paid — the page's "payable" switch), amount ≥ ¥1,000, the biggest first;
 * rows with their names and flags, the total and the sum of the amounts — against the SQL a
 * careful developer writes for the same answer (the page's 100 ids picked from the claims alone,
 * then names and flags — EXISTS terms — for those rows only; the total and sum from the claims
 * alone). Target ratio ≤ 1.5.
 *
 * queue_page: the first page of zhouqiang's queue (`approvals.queue` with the input the queue
 * page sends: oldest first, 1,000 rows) with 10,000 items waiting for him (quick 1,000) among
 * the same 1,000,000 documents — each row with its budget impact (the line by the written rule,
 * the cell's balance before and after) and flags — against hand-written SQL: the page in one
 * SELECT (flags as EXISTS terms), then the line of each distinct key and the balance of each
 * distinct cell once, in JS. Target ratio ≤ 1.5.
 *
 * Both on one file (tests/bench/docData.ts), the hand SQL on a second bare connection; warm,
 * interleaved, medians.
 */
const log = (msg: string) => process.stderr.write(`[document pages] ${msg}\n`);

export const CLAIMS_PAGE_INPUT: Input<'claims.list'> = {
  payable: true,
  filter: { amount: { filterType: 'number', type: 'greaterThanOrEqual', filter: 100_000 } },
  sort: [{ colId: 'amount', sort: 'desc' }],
  limit: 100,
};
/** what renderer/src/features/approvals/ApprovalsPage.tsx asks for */
export const QUEUE_PAGE_INPUT: Input<'approvals.queue'> = { sort: 'age', dir: 'desc', docTypes: [], limit: 1000 };

// payable: approved and not fully paid — as an IN list, so that both ranges of claims_state_ix are used
const CLAIMS_WHERE = `c.approval_state = 'approved' AND c.pay_state IN ('unpaid','partly_paid') AND c.amount >= ?`;
const CLAIMS_HAND = {
  rows: `SELECT c.id, c.number, c.request_id AS requestId, r.number AS requestNumber, c.partner_id AS partnerId, p.code AS partnerCode, p.name AS partnerName,
      c.org_unit_id AS orgUnitId, o.name_zh AS orgUnitName, c.channel_type_id AS channelTypeId, c.cost_type_id AS costTypeId, ct.name_zh AS costTypeName,
      c.title, c.activity_start AS activityStart, c.activity_end AS activityEnd, c.amount, c.approval_state AS approvalState, c.line_id AS lineId,
      c.created_by AS createdBy, cu.display_name AS createdByName, c.owner_user_id AS ownerUserId, ou.display_name AS ownerName, c.created_at AS createdAt,
      c.submitted_at AS submittedAt, c.decided_at AS decidedAt, c.version, c.pay_state AS payState, c.due, c.duplicate_reason AS duplicateReason,
      c.approved_amount AS approvedAmount, c.approved_reason AS approvedReason, c.paid_amount AS paidAmount,
      EXISTS (SELECT 1 FROM claim_lines l JOIN claim_lines d ON d.invoice_code = l.invoice_code AND d.invoice_number = l.invoice_number AND d.claim_id <> l.claim_id
              JOIN claims dc ON dc.id = d.claim_id AND dc.approval_state NOT IN ('cancelled','rejected')
              WHERE l.claim_id = c.id AND l.invoice_number <> '') AS duplicateInvoice,
      EXISTS (SELECT 1 FROM attachments a JOIN attachments d ON d.sha256 = a.sha256 AND d.removed = 0 AND NOT (d.doc_type = 'claim' AND d.doc_id = c.id)
              LEFT JOIN claims dc ON d.doc_type = 'claim' AND dc.id = d.doc_id LEFT JOIN cost_requests dr ON d.doc_type = 'cost_request' AND dr.id = d.doc_id
              WHERE a.doc_type = 'claim' AND a.doc_id = c.id AND a.removed = 0 AND coalesce(dc.approval_state, dr.approval_state) NOT IN ('cancelled','rejected')) AS duplicateFile,
      (c.request_id IS NOT NULL AND c.approval_state <> 'approved' AND c.amount > r.amount - r.claimed_amount) AS overRequest,
      (c.approval_state NOT IN ('approved','cancelled','rejected') AND c.due < ?) AS overdue,
      coalesce(r.post_hoc, 0) AS postHoc,
      (c.amount > ct.receipt_threshold_fen AND NOT EXISTS (SELECT 1 FROM attachments a WHERE a.doc_type = 'claim' AND a.doc_id = c.id AND a.removed = 0)) AS missingProof
    FROM (SELECT c.id, c.amount FROM claims c WHERE ${CLAIMS_WHERE} ORDER BY c.amount DESC, c.id LIMIT 100) pg
      JOIN claims c ON c.id = pg.id JOIN partners p ON p.id = c.partner_id JOIN org_units o ON o.id = c.org_unit_id JOIN cost_types ct ON ct.id = c.cost_type_id
      JOIN users cu ON cu.id = c.created_by JOIN users ou ON ou.id = c.owner_user_id LEFT JOIN cost_requests r ON r.id = c.request_id
    ORDER BY pg.amount DESC, pg.id`,
  total: `SELECT count(*) AS n, coalesce(sum(c.amount), 0) AS s FROM claims c WHERE ${CLAIMS_WHERE}`,
};

const FLAG_KEYS = ['duplicateInvoice', 'duplicateFile', 'overRequest', 'overdue', 'postHoc', 'missingProof'] as const;

/** The hand-written queue: principals, count, the page in one SELECT, then lines and cells once each. */
export function handQueue(db: Database.Database) {
  const s = {
    principals: db.prepare(`SELECT from_user_id AS id, doc_types AS types FROM delegations WHERE to_user_id = ? AND active = 1 AND start_date <= ? AND end_date >= ?`),
    count: db.prepare(`SELECT count(*) FROM approval_tasks t WHERE t.assignee_id = ? AND t.state = 'waiting' AND t.requester_id <> ?`).pluck(),
    page: db.prepare(`SELECT t.id AS taskId, t.doc_type AS docType, t.doc_id AS docId, t.doc_number AS number, t.requester_id AS requesterId, ru.display_name AS requesterName,
        t.org_unit_id AS orgUnitId, o.name_zh AS orgUnitName, o.path, t.partner_id AS partnerId, p.name AS partnerName, t.amount, t.step_name AS stepName,
        t.assignee_id AS assigneeId, t.created_at AS createdAt, t.due_at AS dueAt,
        coalesce(c.title, q.title) AS title, coalesce(c.version, q.version) AS version, coalesce(c.activity_start, q.activity_start) AS activityStart,
        coalesce(c.activity_end, q.activity_end) AS activityEnd, coalesce(c.channel_type_id, q.channel_type_id) AS channelTypeId,
        coalesce(c.cost_type_id, q.cost_type_id) AS costTypeId, coalesce(c.partner_id, q.partner_id) AS docPartnerId,
        r.amount AS requestAmount, r.claimed_amount AS requestClaimed, coalesce(r.post_hoc, q.post_hoc, 0) AS postHoc,
        (c.request_id IS NOT NULL AND c.amount > r.amount - r.claimed_amount) AS overRequest, (c.due IS NOT NULL AND c.due < @today) AS overdue,
        (c.id IS NOT NULL AND EXISTS (SELECT 1 FROM claim_lines l JOIN claim_lines d ON d.invoice_code = l.invoice_code AND d.invoice_number = l.invoice_number AND d.claim_id <> l.claim_id
              JOIN claims dc ON dc.id = d.claim_id AND dc.approval_state NOT IN ('cancelled','rejected')
              WHERE l.claim_id = c.id AND l.invoice_number <> '')) AS duplicateInvoice
      FROM approval_tasks t JOIN users ru ON ru.id = t.requester_id JOIN org_units o ON o.id = t.org_unit_id LEFT JOIN partners p ON p.id = t.partner_id
        LEFT JOIN claims c ON t.doc_type = 'claim' AND c.id = t.doc_id LEFT JOIN cost_requests q ON t.doc_type = 'cost_request' AND q.id = t.doc_id
        LEFT JOIN cost_requests r ON r.id = c.request_id
      WHERE t.assignee_id = @me AND t.state = 'waiting' AND t.requester_id <> @me
      ORDER BY t.created_at, t.id LIMIT @limit`),
    plan: db.prepare('SELECT id FROM budget_plans WHERE fiscal_year = ?').pluck(),
    line: db.prepare(`SELECT l.id FROM budget_lines l JOIN org_units o ON o.id = l.org_unit_id
        WHERE l.plan_id = ? AND l.channel_type_id = ? AND l.cost_type_id = ?
          AND ((l.partner_key = ? AND l.org_unit_id = ?) OR (l.partner_key = 0 AND l.org_unit_id IN (SELECT value FROM json_each(?))))
        ORDER BY l.partner_key DESC, length(o.path) DESC LIMIT 1`).pluck(),
    cell: db.prepare(`SELECT coalesce(sum(CASE WHEN kind IN ('allocation','transfer_in','transfer_out') THEN amount END), 0) AS a,
        coalesce(sum(CASE WHEN kind IN ('commitment','release','actual') THEN amount END), 0) AS used FROM budget_ledger WHERE line_id = ? AND period = ?`),
  };
  type Row = {
    taskId: number; docType: 'claim' | 'cost_request'; docId: number; number: string; requesterId: number; requesterName: string; orgUnitId: number; orgUnitName: string;
    path: string; partnerId: number | null; partnerName: string | null; amount: number; stepName: string; assigneeId: number; createdAt: string; dueAt: string; title: string;
    version: number; activityStart: string; activityEnd: string; channelTypeId: number; costTypeId: number; docPartnerId: number | null; requestAmount: number | null;
    requestClaimed: number | null; postHoc: number; overRequest: number | null; overdue: number; duplicateInvoice: number;
  };
  return (me: number, limit: number, now: Date) => {
    const today = now.toISOString().slice(0, 10);
    if ((s.principals.all(me, today, today) as unknown[]).length) throw new Error('queue_page: delegations are not part of this baseline');
    const total = s.count.get(me, me) as number;
    const rows = s.page.all({ me, today, limit }) as Row[];
    const lines = new Map<string, number | null>();
    const cells = new Map<string, { a: number; used: number }>();
    const t = now.getTime();
    return {
      total,
      rows: rows.map((r) => {
        // the impact: the document's amount (a claim of a request: what exceeds the request) over the activity's months
        const fromRequest = r.requestAmount !== null;
        const extra = fromRequest ? Math.max(0, r.amount - (r.requestAmount! - r.requestClaimed!)) : r.amount;
        const ms = activityMonths(fromRequest ? r.activityEnd : r.activityStart, r.activityEnd);
        let lineId: number | null = null;
        let a = 0;
        let used = 0;
        ms.forEach((m) => {
          const key = `${r.orgUnitId}|${r.channelTypeId}|${r.costTypeId}|${r.docPartnerId}|${m.period}`;
          let line = lines.get(key);
          if (line === undefined) {
            const plan = s.plan.get(Number(m.period.slice(0, 4))) as number | undefined;
            const units = JSON.stringify(r.path.split('/').filter(Boolean).map(Number));
            line = plan === undefined ? null : ((s.line.get(plan, r.channelTypeId, r.costTypeId, r.docPartnerId ?? 0, r.orgUnitId, units) as number | undefined) ?? null);
            lines.set(key, line);
          }
          if (line === null) return;
          lineId ??= line;
          const ck = `${line}|${m.period}`;
          let b = cells.get(ck);
          if (!b) cells.set(ck, (b = s.cell.get(line, m.period) as { a: number; used: number }));
          a += b.a;
          used += b.used;
        });
        // after: the whole extra leaves what is available over the months (as the document's budget preview counts it)
        const impact = lineId === null ? null : { lineId, availableBefore: a - used, availableAfter: a - used - extra, usedBpAfter: a > 0 ? Math.round(((used + extra) * 10_000) / a) : null };
        const created = Date.parse(r.createdAt);
        const due = Date.parse(r.dueAt);
        return {
          taskId: r.taskId, docType: r.docType, docId: r.docId, docVersion: r.version, number: r.number, title: r.title,
          requester: { id: r.requesterId, name: r.requesterName }, orgUnitId: r.orgUnitId, orgUnitName: r.orgUnitName, partnerId: r.partnerId, partnerName: r.partnerName,
          amount: r.amount, stepName: r.stepName, forUser: null, createdAt: r.createdAt, dueAt: r.dueAt, ageHours: Math.floor((t - created) / 3_600_000),
          sla: t > due ? 'late' : t > due - (due - created) / 4 ? 'due' : 'ok',
          impact,
          flags: { postHoc: !!r.postHoc, overBudget: impact !== null && impact.availableAfter < 0, duplicateInvoice: !!r.duplicateInvoice, overRequest: !!r.overRequest, overdue: !!r.overdue },
        } satisfies QueueItem;
      }),
    };
  };
}

async function timeBoth(iterations: number, api: () => Promise<unknown>, hand: () => unknown): Promise<{ apiMs: number; handMs: number }> {
  for (let i = 0; i < 3; i++) {
    await api();
    hand();
  }
  const a: number[] = [];
  const h: number[] = [];
  for (let i = 0; i < iterations; i++) {
    let t = performance.now();
    await api();
    a.push(performance.now() - t);
    t = performance.now();
    hand();
    h.push(performance.now() - t);
  }
  return { apiMs: median(a), handMs: median(h) };
}

export async function benchDocumentPages(opts: { quick: boolean; scale?: number }): Promise<Figure[]> {
  const scale = opts.scale ?? 1;
  const claims = Math.round((opts.quick ? 100_000 : 1_000_000) * scale);
  const waiting = Math.round((opts.quick ? 1_000 : 10_000) * scale);
  const data = await buildDocBenchData({ claims, waiting, partners: Math.round((opts.quick ? 2_000 : 10_000) * scale) });
  const core = createCore({ dataDir: data.dataDir, log: silentLogger, now: () => DOCS_NOW });
  const bare = new Database(join(data.dataDir, DB_FILE), { readonly: true });
  try {
    const out: Figure[] = [];
    const iterations = opts.quick ? 15 : 41;

    // claims_page
    {
      const { token } = await core.call('auth.signIn', { username: 'wangfang', password: DEMO_PASSWORD });
      const rowsStmt = bare.prepare(CLAIMS_HAND.rows);
      const totalStmt = bare.prepare(CLAIMS_HAND.total);
      const today = DOCS_NOW.toISOString().slice(0, 10);
      const api = () => core.call('claims.list', CLAIMS_PAGE_INPUT, { token });
      const hand = () => ({ rows: rowsStmt.all(today, 100_000) as Record<string, number>[], agg: totalStmt.get(100_000) as { n: number; s: number } });
      const a = await api();
      const h = hand();
      if (a.total !== h.agg.n || a.sum !== h.agg.s || a.rows.map((r) => r.id).join() !== h.rows.map((r) => r.id).join()) {
        throw new Error(`claims_page: the API and the hand SQL disagree (${a.total} vs ${h.agg.n})`);
      }
      a.rows.forEach((r, i) => {
        for (const k of FLAG_KEYS) if (r.flags[k] !== !!h.rows[i]![k]) throw new Error(`claims_page: flag ${k} of claim ${r.id} differs`);
      });
      const { apiMs, handMs } = await timeBoth(iterations, api, hand);
      log(`claims_page ${apiMs.toFixed(1)} ms vs ${handMs.toFixed(1)} ms`);
      out.push(figure('claims_page', apiMs, handMs, 'ms', 1.5, { iterations, claims, matching: a.total, user: 'wangfang', query: 'payable, amount ≥ ¥1,000, by amount desc, 100 rows + total + sum' }));
    }

    // queue_page
    {
      const { token, user } = await core.call('auth.signIn', { username: 'zhouqiang', password: DEMO_PASSWORD });
      const queue = handQueue(bare);
      const api = () => core.call('approvals.queue', QUEUE_PAGE_INPUT, { token });
      const hand = () => queue(user.id, QUEUE_PAGE_INPUT.limit!, DOCS_NOW);
      const a = await api();
      const h = hand();
      if (a.total !== h.total || a.total < waiting) throw new Error(`queue_page: totals differ (API ${a.total}, hand ${h.total}, waiting ${waiting})`);
      const want = JSON.stringify(h.rows);
      const got = JSON.stringify(a.rows);
      if (want !== got) {
        const i = a.rows.findIndex((r, k) => JSON.stringify(r) !== JSON.stringify(h.rows[k]));
        throw new Error(`queue_page: row ${i} differs:\n  api  ${JSON.stringify(a.rows[i])}\n  hand ${JSON.stringify(h.rows[i])}`);
      }
      const { apiMs, handMs } = await timeBoth(Math.ceil(iterations / 2), api, hand);
      log(`queue_page ${apiMs.toFixed(1)} ms vs ${handMs.toFixed(1)} ms`);
      out.push(figure('queue_page', apiMs, handMs, 'ms', 1.5, { iterations: Math.ceil(iterations / 2), documents: claims, waiting: a.total, rows: a.rows.length, user: 'zhouqiang' }));
    }
    return out;
  } finally {
    bare.close();
    core.close();
    data.dispose();
  }
}
