import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshCore, type TestCore } from '../testing';

/** The demo's documents: real requests, claims and payments, waiting items for every approver, and a ledger that agrees. */
let core: TestCore;
const one = <T>(sql: string, ...p: unknown[]) => core.env.db.$client.prepare(sql).pluck().get(...p) as T;
beforeAll(async () => {
  core = await freshCore({ demo: true, documents: true, now: () => new Date('2026-12-05T02:00:00Z') });
});
afterAll(() => core.dispose());

describe('demo documents', () => {
  it('leave something waiting for each approver and for finance, overdue requests, a duplicate invoice and an over-request claim', async () => {
    for (const u of ['zhouqiang', 'lina', 'chenjie']) {
      const q = await (await core.as(u))('approvals.queue', {});
      expect(q.total, u).toBeGreaterThan(0);
    }
    const wang = await core.as('wangfang');
    expect((await wang('claims.list', { payable: true })).total).toBeGreaterThanOrEqual(2);
    const zhou = await core.as('zhouqiang');
    const claims = (await zhou('approvals.queue', { docTypes: ['claim'] })).rows;
    expect(claims.some((c) => c.flags.duplicateInvoice)).toBe(true);
    expect(claims.some((c) => c.flags.overRequest)).toBe(true);
    const zhang = await core.as('zhangwei');
    expect((await zhang('costRequests.list', { overdue: true })).total).toBeGreaterThanOrEqual(2);
    const home = await zhang('home.summary', {});
    expect(home.claimsOverdue).toBeGreaterThanOrEqual(2);
  });

  it('leave no stand-in: every commitment, release and actual cites a real request or claim, a year of them', async () => {
    expect(one<number>(`SELECT count(*) FROM budget_ledger WHERE source_type LIKE 'demo_%' OR against_type LIKE 'demo_%'`)).toBe(0);
    // every money movement of a document: its source is a request or claim that exists, and so is what it draws on
    const uncited = one<number>(
      `SELECT count(*) FROM budget_ledger e WHERE e.kind IN ('commitment','release','actual') AND NOT (
         (e.source_type = 'cost_request' AND EXISTS (SELECT 1 FROM cost_requests r WHERE r.id = e.source_id AND r.number = e.source_ref))
         OR (e.source_type = 'claim' AND EXISTS (SELECT 1 FROM claims c WHERE c.id = e.source_id AND c.number = e.source_ref)))
       OR (e.kind IN ('commitment','release','actual') AND NOT (
         (e.against_type = 'cost_request' AND EXISTS (SELECT 1 FROM cost_requests r WHERE r.id = e.against_id))
         OR (e.against_type = 'claim' AND EXISTS (SELECT 1 FROM claims c WHERE c.id = e.against_id))))`,
    );
    expect(uncited).toBe(0);
    // an actual is a payment: each claim's actuals equal what was paid on it
    expect(
      one<number>(`SELECT count(*) FROM claims c WHERE c.paid_amount <> (SELECT coalesce(sum(amount), 0) FROM budget_ledger WHERE kind = 'actual' AND source_type = 'claim' AND source_id = c.id)`),
    ).toBe(0);
    // a year: commitments in every month January–November, actuals in every month January–November
    const months = (kind: string) => core.env.db.$client.prepare(`SELECT DISTINCT period FROM budget_ledger WHERE kind = ? AND period LIKE '2026-%' ORDER BY period`).pluck().all(kind);
    const jan2nov = Array.from({ length: 11 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
    expect(months('commitment')).toEqual(expect.arrayContaining(jan2nov));
    expect(months('actual')).toEqual(expect.arrayContaining(jan2nov.slice(0, 10)));
    // budget vs actual's figures are the documents' figures
    const bva = await (await core.as('wangfang'))('budgets.vsActual', { fiscalYear: 2026, dimensions: [], granularity: 'year' });
    const open = one<number>(`SELECT coalesce(sum(amount), 0) FROM budget_ledger WHERE against_type IN ('cost_request','claim') AND kind IN ('commitment','release')`);
    expect(bva.grandTotal.total.committed).toBe(open);
    expect(bva.grandTotal.total.actual).toBe(one<number>('SELECT coalesce(sum(amount), 0) FROM payments'));
    expect(bva.grandTotal.total.actual).toBeGreaterThan(0);
  });

  it('trace every document entry of the ledger to a document that exists, and keep the history chain whole', async () => {
    const orphans = one<number>(
      `SELECT count(*) FROM budget_ledger e WHERE (e.source_type = 'cost_request' AND NOT EXISTS (SELECT 1 FROM cost_requests r WHERE r.id = e.source_id))
         OR (e.source_type = 'claim' AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.id = e.source_id))`,
    );
    expect(orphans).toBe(0);
    // a closed request holds exactly what its approved claims still have to be paid; paid claims' actuals equal their payments
    const wrong = one<number>(
      `SELECT count(*) FROM cost_requests r WHERE r.settle_state = 'closed' AND
         (SELECT coalesce(sum(amount), 0) FROM budget_ledger WHERE against_type = 'cost_request' AND against_id = r.id AND kind IN ('commitment','release'))
         <> (SELECT coalesce(sum(coalesce(approved_amount, amount) - paid_amount), 0) FROM claims WHERE request_id = r.id AND approval_state = 'approved')`,
    );
    expect(wrong).toBe(0);
    expect(one<number>(`SELECT count(*) FROM cost_requests WHERE settle_state = 'closed'`)).toBeGreaterThan(5);
    const actual = one<number>(`SELECT coalesce(sum(amount), 0) FROM budget_ledger WHERE kind = 'actual' AND source_type = 'claim'`);
    const paid = one<number>('SELECT coalesce(sum(amount), 0) FROM payments');
    expect(actual).toBe(paid);
    expect(paid).toBeGreaterThan(0);
    expect((await (await core.as('admin'))('history.verify', {})).ok).toBe(true);
  });
});
