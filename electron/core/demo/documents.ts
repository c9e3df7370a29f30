import type { SessionUser } from '../../../shared/api/areas/auth';
import { createScope } from '../auth/scope';
import { stmt } from '../budgets/sql';
import type { CoreEnv, OrgCtx } from '../context';
import { addAttachment } from '../documents/attachments';
import { claimFacts } from '../documents/claimRows';
import { createClaim } from '../documents/claims';
import { payClaim } from '../documents/payments';
import { requestFacts } from '../documents/requestRows';
import { closeRequest, createRequest } from '../documents/requests';
import { putFile } from '../excel/files';
import { act, submit } from '../workflow/engine';
import { adapterOf } from '../workflow/adapters';

/**
 * The demo company's cost requests, claims and payments, written through the very functions the
 * API calls (one write path): each step runs as its person, at a date of the 2026 plan, so the
 * history, the route's tasks and the ledger entries are what real use would leave.
 *
 * What the demo shows: settled history June–September (requests approved, claimed with a proof,
 * paid, closed); items waiting for each approver (zhouqiang, lina, chenjie) and claims waiting for
 * finance to pay (wangfang); requests whose claims are overdue; one claim with a duplicate invoice
 * (submitted with a reason) and one above its request within the tolerance. The stand-in ledger
 * entries of January–May (demo/budgets.ts) predate this and stay as opening history.
 */
type Who = 'zhangwei' | 'zhouqiang' | 'lina' | 'chenjie' | 'wangfang' | 'sunli' | string;

export async function seedDemoDocuments(env: CoreEnv): Promise<{ requests: number; claims: number; payments: number }> {
  const db = env.db.$client;
  const users = new Map<string, SessionUser>();
  const userOf = (u: Who): SessionUser => {
    let s = users.get(u);
    if (!s) {
      const r = stmt(db, 'SELECT id, username, display_name AS displayName, role, locale FROM users WHERE username = ?').get(u) as Omit<SessionUser, 'orgUnitIds'>;
      s = { ...r, orgUnitIds: stmt(db, 'SELECT org_unit_id FROM user_org_units WHERE user_id = ?', true).all(r.id) as number[] };
      users.set(u, s);
    }
    return s;
  };
  const as = (u: Who, at: string): OrgCtx => {
    const user = userOf(u);
    const now = new Date(at);
    return { ...env, now: () => now, user, tokenHash: null, signal: new AbortController().signal, scope: createScope(db, user) };
  };
  // proof scans uploaded by their claimants beforehand (an upload belongs to its uploader; each scan differs)
  const pdf = (n: number) => Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% demo proof ${n}\n%%EOF\n`);
  const proofs = new Map<string, string[]>();
  let n = 0;
  for (const u of ['zhangwei', 'staff01']) {
    const list: string[] = [];
    for (let k = 0; k < 24; k++) list.push((await putFile(env, userOf(u).id, `发票照片-${k + 1}.pdf`, pdf(n++))).fileId);
    proofs.set(u, list);
  }
  const partnerIn = (county: string, k: number) => {
    const ids = stmt(
      db,
      `SELECT p.id FROM partners p JOIN org_units o ON o.id = p.org_unit_id WHERE o.path LIKE (SELECT path FROM org_units WHERE code = ?) || '%'
       AND p.status = 'cooperating' AND p.active = 1 AND p.channel_type_id IN (SELECT id FROM channel_types WHERE code IN ('TERMINAL','BUSINESS','DEALER','AGENT'))
       ORDER BY p.id`,
      true,
    ).all(county) as number[];
    return ids[k % ids.length]!;
  };
  const cost = (code: string) => stmt(db, 'SELECT id FROM cost_types WHERE code = ?', true).get(code) as number;
  const counts = { requests: 0, claims: 0, payments: 0 };

  /** Runs the route's waiting tasks as their assignees until the document is decided or `stopAfter` steps. */
  const approveAll = (type: 'cost_request' | 'claim', id: number, at: string, stopAfter = 99) => {
    for (let step = 0; step < stopAfter; step++) {
      const f = adapterOf(type).facts(db, id);
      if (f.state !== 'submitted') return;
      const assignee = stmt(db, `SELECT u.username FROM approval_tasks t JOIN users u ON u.id = t.assignee_id WHERE t.doc_type = ? AND t.doc_id = ? AND t.state = 'waiting' ORDER BY t.id LIMIT 1`, true).get(type, id) as string;
      act(as(assignee, at), f, { version: f.version, action: 'approve', comment: '同意', confirmWarn: true });
    }
  };
  const request = (who: Who, county: string, k: number, costCode: string, start: string, end: string, amount: number, title: string, submitAt: string) => {
    const id = createRequest(as(who, submitAt), { partnerId: partnerIn(county, k), costTypeId: cost(costCode), title, description: '', activityStart: start, activityEnd: end, amount, expectedRevenue: amount * 4, expectedSubscribers: Math.round(amount / 10_000), promises: [] });
    submit(as(who, submitAt), requestFacts(db, id), requestFacts(db, id).version);
    counts.requests++;
    return id;
  };
  const claim = (who: Who, requestId: number, amount: number, at: string, invoice: { code: string; number: string } | null = null, reason = '') => {
    const id = createClaim(as(who, at), {
      requestId, title: '活动核销', description: '', lines: [
        invoice
          ? { invoiceType: 'vat_general', invoiceCode: invoice.code, invoiceNumber: invoice.number, invoiceDate: at.slice(0, 10), amount, tax: Math.round(amount * 0.06), description: '' }
          : { invoiceType: 'e_invoice', invoiceCode: '', invoiceNumber: `2653200000${String(900_000_0000 + counts.claims).slice(-10)}`, invoiceDate: at.slice(0, 10), amount, tax: Math.round(amount * 0.06), description: '' },
      ],
    });
    addAttachment(as(who, at), claimFacts(db, id), proofs.get(who)!.shift()!, 'internal');
    submit(as(who, at), claimFacts(db, id), claimFacts(db, id).version, { duplicateReason: reason });
    counts.claims++;
    return id;
  };
  const pay = (claimId: number, at: string, amount?: number) => {
    const f = claimFacts(db, claimId);
    payClaim(as('wangfang', at), { claimId, version: f.version, amount: amount ?? f.amount, approvedReason: '', method: 'bank_transfer', reference: `YH${claimId}${at.slice(5, 7)}`, paidOn: at.slice(0, 10) });
    counts.payments++;
  };

  db.transaction(() => {
    // settled history: June–September, Wuhua and Panlong
    const months = [['06', '07'], ['07', '08'], ['08', '09'], ['09', '10']] as const;
    months.forEach(([m, next], i) => {
      for (const [who, county, k, code, amount] of [['zhangwei', 'KM-WH', i, 'PROMO', 500_000], ['zhangwei', 'KM-WH', i + 4, 'DISPLAY', 1_600_000], ['staff01', 'KM-PL', i, 'EVENT', 300_000]] as const) {
        const r = request(who, county, k, code, `2026-${m}-10`, `2026-${m}-20`, amount, `${Number(m)}月${code === 'PROMO' ? '促销' : code === 'DISPLAY' ? '陈列' : '活动'}`, `2026-${m}-03T02:00:00.000Z`);
        approveAll('cost_request', r, `2026-${m}-05T03:00:00.000Z`);
        const c = claim(who, r, Math.round((amount * (85 + i * 3)) / 100 / 100) * 100, `2026-${m}-25T02:00:00.000Z`);
        approveAll('claim', c, `2026-${m}-27T03:00:00.000Z`);
        pay(c, `2026-${next}-05T02:00:00.000Z`);
        closeRequest(as(who, `2026-${next}-06T02:00:00.000Z`), { id: r, version: requestFacts(db, r).version, comment: '活动结束' });
      }
    });
    // overdue: approved in September, never claimed
    for (const k of [8, 9]) {
      const r = request('zhangwei', 'KM-WH', k, 'PROMO', '2026-09-20', '2026-09-28', 200_000, '国庆备货促销', '2026-09-12T02:00:00.000Z');
      approveAll('cost_request', r, '2026-09-14T03:00:00.000Z');
    }
    // waiting for finance: approved claims not yet paid
    for (const k of [10, 11]) {
      const r = request('zhangwei', 'KM-WH', k, 'DISPLAY', '2026-10-10', '2026-10-20', 500_000, '十月陈列', '2026-10-02T02:00:00.000Z');
      approveAll('cost_request', r, '2026-10-03T03:00:00.000Z');
      const c = claim('zhangwei', r, 480_000, '2026-10-26T02:00:00.000Z');
      approveAll('claim', c, '2026-10-28T03:00:00.000Z');
    }
    // a duplicate invoice: the same paper invoice on two claims, the second with a written reason (waiting for zhouqiang)
    const invoice = { code: '053002200111', number: '00456789' };
    const d1 = request('zhangwei', 'KM-WH', 12, 'PROMO', '2026-11-01', '2026-11-10', 200_000, '十一月促销（一）', '2026-10-25T02:00:00.000Z');
    approveAll('cost_request', d1, '2026-10-26T03:00:00.000Z');
    const c1 = claim('zhangwei', d1, 200_000, '2026-11-12T02:00:00.000Z', invoice);
    approveAll('claim', c1, '2026-11-13T03:00:00.000Z');
    const d2 = request('zhangwei', 'KM-WH', 13, 'PROMO', '2026-11-05', '2026-11-15', 200_000, '十一月促销（二）', '2026-10-28T02:00:00.000Z');
    approveAll('cost_request', d2, '2026-10-29T03:00:00.000Z');
    claim('zhangwei', d2, 150_000, '2026-11-20T02:00:00.000Z', invoice, '同一张发票的另一半金额，已与财务确认');
    // a claim above its request within the tolerance (PROMO allows 10 % in the demo), waiting for zhouqiang
    stmt(db, `UPDATE cost_types SET claim_tolerance_bp = 1000 WHERE code = 'PROMO'`).run();
    const o = request('zhangwei', 'KM-WH', 14, 'PROMO', '2026-11-10', '2026-11-20', 300_000, '双十一促销', '2026-11-01T02:00:00.000Z');
    approveAll('cost_request', o, '2026-11-02T03:00:00.000Z');
    claim('zhangwei', o, 320_000, '2026-11-24T02:00:00.000Z');
    // waiting for zhouqiang (step 1) and for lina (step 2 of a large request)
    request('zhangwei', 'KM-WH', 15, 'PROMO', '2026-12-10', '2026-12-20', 400_000, '年末促销', '2026-12-01T02:00:00.000Z');
    request('zhangwei', 'KM-WH', 16, 'EVENT', '2026-12-12', '2026-12-18', 250_000, '新品体验日', '2026-12-01T03:00:00.000Z');
    const big = request('zhangwei', 'KM-WH', 17, 'DISPLAY', '2026-12-05', '2026-12-31', 1_500_000, '年末铺市', '2026-11-28T02:00:00.000Z');
    approveAll('cost_request', big, '2026-11-29T03:00:00.000Z', 1);
    // waiting for chenjie: a Panlong manager's large request, past the branch
    const pl = request('staff01', 'KM-PL', 5, 'DISPLAY', '2026-12-08', '2026-12-28', 1_200_000, '盘龙年末铺市', '2026-11-30T02:00:00.000Z');
    approveAll('cost_request', pl, '2026-12-01T03:00:00.000Z', 1);
  }).immediate();
  return counts;
}
