import { stmt } from '../budgets/sql';
import type { CoreEnv } from '../context';
import { planHistory, writeClaims, writeRequests } from './history';
import { demoWriter, type Who } from './writer';

/**
 * The demo company's cost requests, claims and payments, written through the very functions the
 * API calls (one write path): each step runs as its person, at a date of the 2026 plan, so the
 * history, the route's tasks and the ledger entries are what real use would leave.
 *
 * What the demo shows: settled history June–September (requests approved, claimed with a proof,
 * paid, closed); items waiting for each approver (zhouqiang, lina, chenjie) and claims waiting for
 * finance to pay (wangfang); requests whose claims are overdue; one claim with a duplicate invoice
 * (submitted with a reason) and one above its request within the tolerance. The year on every line (a framework request per line, claimed for the months past) is demo/history.ts; together they are
 * every commitment and actual of the demo's ledger — nothing cites a stand-in.
 */
export async function seedDemoDocuments(env: CoreEnv): Promise<{ requests: number; claims: number; payments: number }> {
  const db = env.db.$client;
  const w = demoWriter(env);
  const { partnerIn, cost, approveAll, claim, pay } = w;
  const request = (who: Who, county: string, k: number, costCode: string, start: string, end: string, amount: number, title: string, submitAt: string) =>
    w.request(who, partnerIn(county, k), cost(costCode), start, end, amount, title, submitAt);
  const year = planHistory(db);

  db.transaction(() => {
    // the year on every line: its requests (December–February), claims of January–May (June) …
    const ids = writeRequests(w, year);
    writeClaims(w, year, ids, '2026-01', '2026-07');
    // settled history: June–September, Wuhua and Panlong
    const months = [['06', '07'], ['07', '08'], ['08', '09'], ['09', '10']] as const;
    months.forEach(([m, next], i) => {
      for (const [who, county, k, code, amount] of [['zhangwei', 'KM-WH', i, 'PROMO', 500_000], ['zhangwei', 'KM-WH', i + 4, 'DISPLAY', 1_600_000], ['staff01', 'KM-PL', i, 'EVENT', 300_000]] as const) {
        const r = request(who, county, k, code, `2026-${m}-10`, `2026-${m}-20`, amount, `${Number(m)}月${code === 'PROMO' ? '促销' : code === 'DISPLAY' ? '陈列' : '活动'}`, `2026-${m}-03T02:00:00.000Z`);
        approveAll('cost_request', r, `2026-${m}-05T03:00:00.000Z`);
        const c = claim(who, r, Math.round((amount * (85 + i * 3)) / 100 / 100) * 100, `2026-${m}-25T02:00:00.000Z`);
        approveAll('claim', c, `2026-${m}-27T03:00:00.000Z`);
        pay(c, `2026-${next}-05T02:00:00.000Z`);
        w.close(who, r, `2026-${next}-06T02:00:00.000Z`, '活动结束');
      }
    });
    // … claims for the months up to September or October (October–November), in between the stories
    writeClaims(w, year, ids, '2026-07', '2026-12');
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
    // … and the year's claims of early December
    writeClaims(w, year, ids, '2026-12', '2027-01');
  }).immediate();
  return w.counts;
}
