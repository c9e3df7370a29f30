import { describe, expect, it } from 'vitest';
import { toApiError } from '../errors';
import { budgetTestbed } from '../testing';
import { approvedPlan, codeOf, errOf, ledgerSum, months } from './testkit';

const bed = budgetTestbed();
const { ops, row } = bed;

const req = (id: number) => ({ type: 'cost_request', id, ref: `REQ-${id}` });
const claim = (id: number) => ({ type: 'cost_claim', id, ref: `CLM-${id}` });

describe('the budget ledger', () => {
  it('is append-only: the database refuses UPDATE and DELETE of entries and of the document history', async () => {
    const db = bed.core.env.db.$client;
    const caught = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return toApiError(e).error;
      }
      throw new Error('not refused');
    };
    const n = db.prepare('SELECT count(*) FROM budget_ledger').pluck().get() as number;
    expect(n).toBeGreaterThan(0); // the demo company's 2026 budget
    expect(caught(() => db.prepare('UPDATE budget_ledger SET amount = amount + 1 WHERE id = 1').run())).toMatchObject({ code: 'ledger_append_only' });
    expect(caught(() => db.prepare('DELETE FROM budget_ledger WHERE id = 1').run())).toMatchObject({ code: 'ledger_append_only' });
    expect(caught(() => db.prepare("UPDATE document_history SET comment = 'x'").run())).toMatchObject({ code: 'history_append_only' });
    expect(caught(() => db.prepare('DELETE FROM document_history').run())).toMatchObject({ code: 'history_append_only' });
    // INSERT OR REPLACE over an existing row (REPLACE deletes without firing the DELETE trigger)
    const entry = db.prepare('SELECT * FROM budget_ledger WHERE id = 1').get() as Record<string, unknown>;
    const cols = Object.keys(entry);
    const replace = (table: string, row: Record<string, unknown>) => () =>
      db.prepare(`INSERT OR REPLACE INTO ${table} (${Object.keys(row).join(',')}) VALUES (${Object.keys(row).map((c) => '@' + c).join(',')})`).run(row);
    expect(caught(replace('budget_ledger', { ...entry, amount: (entry.amount as number) * 2 }))).toMatchObject({ code: 'ledger_append_only' });
    expect(caught(() => db.prepare(`REPLACE INTO budget_ledger (${cols.join(',')}) SELECT ${cols.join(',')} FROM budget_ledger WHERE id = 1`).run())).toMatchObject({ code: 'ledger_append_only' });
    const h = db.prepare('SELECT * FROM document_history ORDER BY id LIMIT 1').get() as Record<string, unknown>;
    expect(caught(replace('document_history', { ...h, comment: 'rewritten' }))).toMatchObject({ code: 'history_append_only' });
    expect(db.prepare('SELECT amount FROM budget_ledger WHERE id = 1').pluck().get()).toBe(entry.amount);
    expect(db.prepare('SELECT comment FROM document_history WHERE id = ?').pluck().get(h.id)).toBe(h.comment);
    expect(db.prepare('SELECT count(*) FROM budget_ledger').pluck().get()).toBe(n);
    // amounts carry their sign by kind, in whole fen
    const ins = db.prepare("INSERT INTO budget_ledger (line_id, period, kind, amount, source_type, source_id, user_id, at) VALUES (1, '2026-01', ?, ?, 'x', 1, 1, 'now')");
    expect(() => ins.run('commitment', -5)).toThrow(/CHECK/);
    expect(() => ins.run('release', 5)).toThrow(/CHECK/);
    expect(() => ins.run('actual', 1.5)).toThrow(/CHECK/);
  });

  it('a closed period refuses new entries with a clear error; finance can reopen it', async () => {
    const { wang, zhao, lineIds } = await approvedPlan(bed.core, 2027, [row('KM-WH', 'PROMO', months(10_000))]);
    const lina = await bed.core.as('lina');
    expect(await codeOf(lina('budgetPeriods.close', { period: '2027-02' }))).toBe('forbidden');
    const closed = await zhao('budgetPeriods.close', { period: '2027-02', note: '二月结账' });
    expect(closed).toMatchObject({ period: '2027-02', closed: true, changedBy: zhao.userId });
    expect(await codeOf(zhao('budgetPeriods.close', { period: '2027-02' }))).toBe('period_closed');
    const list = await lina('budgetPeriods.list', { fiscalYear: 2027 });
    expect(list.filter((p) => p.closed).map((p) => p.period)).toEqual(['2027-02']);
    const cell = { lineId: lineIds[0]!, period: '2027-02' };
    const err = await errOf(ops(wang).commit({ cell, amount: 100, source: req(1) }));
    expect(err).toMatchObject({ code: 'period_closed', params: { period: '2027-02' } });
    // the database itself refuses too
    expect(() =>
      bed.core.env.db.$client
        .prepare("INSERT INTO budget_ledger (line_id, period, kind, amount, source_type, source_id, user_id, at) VALUES (?, '2027-02', 'commitment', 5, 'x', 1, 1, 'now')")
        .run(lineIds[0]),
    ).toThrow(/period_closed/);
    await ops(wang).commit({ cell: { ...cell, period: '2027-03' }, amount: 100, source: req(1) }); // other months are open
    expect(await codeOf(wang('budgetPeriods.reopen', { period: '2027-02', note: ' ' }))).toBe('validation');
    expect(await codeOf(wang('budgetPeriods.confirmReopen', { period: '2027-02' }))).toBe('reopen_not_requested');
    const asked = await wang('budgetPeriods.reopen', { period: '2027-02', note: '补录' });
    expect(asked).toMatchObject({ closed: true, reopenRequest: { by: wang.userId, note: '补录' } });
    expect(await codeOf(zhao('budgetPeriods.reopen', { period: '2027-02', note: '再次' }))).toBe('reopen_pending');
    // the one who asked cannot confirm, and the period stays closed
    expect(await codeOf(wang('budgetPeriods.confirmReopen', { period: '2027-02' }))).toBe('reopen_second_user');
    expect(await codeOf(ops(wang).commit({ cell, amount: 100, source: req(2) }))).toBe('period_closed');
    const open = await zhao('budgetPeriods.confirmReopen', { period: '2027-02' });
    expect(open).toMatchObject({ closed: false, changedBy: zhao.userId, note: '补录', reopenRequest: null });
    expect(await codeOf(zhao('budgetPeriods.confirmReopen', { period: '2027-02' }))).toBe('period_open');
    expect((await ops(wang).commit({ cell, amount: 100, source: req(2) })).committed).toBe(100);
    // recorded: the request by one, the reopening by the other
    const log = bed.core.env.db.$client
      .prepare("SELECT action, user_id AS userId, after FROM change_log WHERE entity = 'budgetPeriod' AND entity_id = 202702 ORDER BY id")
      .all() as { action: string; userId: number; after: string }[];
    expect(log.map((l) => [l.action, l.userId])).toEqual([['close', zhao.userId], ['reopen_request', wang.userId], ['reopen', zhao.userId]]);
    expect(JSON.parse(log[2]!.after)).toMatchObject({ requestedBy: wang.userId, confirmedBy: zhao.userId, note: '补录' });
  });

  it('the database refuses a reopening by the finance user who asked for it, and one nobody asked for', async () => {
    const { wang, zhao } = await approvedPlan(bed.core, 2027, [row('KM-WH', 'PROMO', months(10_000))]);
    await zhao('budgetPeriods.close', { period: '2027-04' });
    const db = bed.core.env.db.$client;
    const reopenAs = (userId: number) => () => db.prepare("UPDATE budget_periods SET closed = 0, changed_by = ? WHERE period = '2027-04'").run(userId);
    expect(reopenAs(zhao.userId)).toThrow(/reopen_second_user/);
    await wang('budgetPeriods.reopen', { period: '2027-04', note: '补录' });
    expect(reopenAs(wang.userId)).toThrow(/reopen_second_user/);
    reopenAs(zhao.userId)();
    expect(db.prepare("SELECT closed FROM budget_periods WHERE period = '2027-04'").pluck().get()).toBe(0);
  });

  it('answers ok / warn / block from the line’s rule and tolerance, the default coming from the cost type', async () => {
    const { wang, lineIds } = await approvedPlan(bed.core, 2027, [
      row('KM-WH', 'PROMO', months(10_000)), // demo PROMO: block, 5%
      row('KM-WH', 'ADV', months(10_000), { controlMode: 'warn', toleranceBp: 1000 }),
      row('KM-WH', 'EVENT', months(10_000), { controlMode: 'none' }),
    ]);
    const zhang = await bed.core.as('zhangwei'); // channel staff of KM-WH may ask
    const at = (i: number) => ({ lineId: lineIds[i]!, period: '2027-05' });
    const check = (i: number, amount: number) => zhang('budgets.checkAvailability', { cell: at(i), amount });
    expect(await check(0, 10_000)).toMatchObject({ result: 'ok', exceedsAllocation: false, control: 'block', toleranceBp: 500, allocated: 10_000, available: 10_000, limit: 10_500 });
    expect(await check(0, 10_500)).toMatchObject({ result: 'ok', exceedsAllocation: true, availableAfter: -500 });
    expect(await check(0, 10_501)).toMatchObject({ result: 'block' });
    expect(await check(1, 11_000)).toMatchObject({ result: 'ok', control: 'warn', toleranceBp: 1000 });
    expect(await check(1, 11_001)).toMatchObject({ result: 'warn' });
    expect(await check(2, 1_000_000)).toMatchObject({ result: 'ok', control: 'none' });

    await ops(wang).commit({ cell: at(0), amount: 6_000, source: req(1) });
    expect(await check(0, 4_500)).toMatchObject({ result: 'ok', committed: 6_000, available: 4_000, exceedsAllocation: true });
    const refused = await errOf(ops(wang).commit({ cell: at(0), amount: 4_501, source: req(2) }));
    expect(refused).toMatchObject({ code: 'budget_exceeded', params: { available: 4_000, limit: 10_500, amount: 4_501 } });
    const warned = await ops(wang).commit({ cell: at(1), amount: 12_000, source: req(3) });
    expect(warned).toMatchObject({ result: 'warn', committed: 12_000, available: -2_000, entryIds: [expect.any(Number)] });
    // no API method posts to the ledger without a document (issue 8 point 8)
    for (const m of ['budgets.commit', 'budgets.release', 'budgets.recordActual']) {
      expect(await codeOf(wang(m as 'budgets.checkAvailability', { cell: at(0), amount: 1 }))).toBe('unknown_method');
    }
  });

  it('commitment, release and actual move the balances exactly as their entries say', async () => {
    const { wang, lineIds } = await approvedPlan(bed.core, 2027, [row('KM-WH', 'PROMO', months(10_000))]);
    const cell = { lineId: lineIds[0]!, period: '2027-04' };
    const bal = () => ledgerSum(bed.core, 'e.line_id = ? AND e.period = ?', cell.lineId, cell.period);
    await ops(wang).commit({ cell, amount: 6_000, source: req(1) });
    expect(bal()).toMatchObject({ allocated: 10_000, committed: 6_000, actual: 0 });
    // a claim settles 5,000 of the request: the commitment turns into actual
    const settled = await ops(wang).recordActual({ cell, amount: 5_000, source: claim(1), against: { type: 'cost_request', id: 1 } });
    expect(settled).toMatchObject({ committed: 1_000, actual: 5_000, available: 4_000, entryIds: [expect.any(Number), expect.any(Number)] });
    // closing the request releases the rest; a document cannot release more than it holds
    expect(await codeOf(ops(wang).release({ cell, amount: 1_001, against: { type: 'cost_request', id: 1 } }))).toBe('release_exceeds_commitment');
    expect(await codeOf(ops(wang).release({ cell, amount: 1, against: { type: 'cost_request', id: 2 } }))).toBe('release_exceeds_commitment');
    await ops(wang).release({ cell, amount: 1_000, against: { type: 'cost_request', id: 1 } });
    expect(bal()).toMatchObject({ committed: 0, actual: 5_000 });
    // a claim above its request: only the excess is new spend, checked against the rule
    await ops(wang).commit({ cell, amount: 4_000, source: req(2) });
    expect(await codeOf(ops(wang).recordActual({ cell, amount: 5_501, source: claim(2), against: { type: 'cost_request', id: 2 } }))).toBe('budget_exceeded');
    const over = await ops(wang).recordActual({ cell, amount: 5_500, source: claim(2), against: { type: 'cost_request', id: 2 } });
    expect(over).toMatchObject({ allocated: 10_000, committed: 0, actual: 10_500, available: -500, exceedsAllocation: true });
    // stand-alone claims (no request) are checked in full
    expect(await codeOf(ops(wang).recordActual({ cell, amount: 1, source: claim(3) }))).toBe('budget_exceeded');
    const entries = await wang('budgets.entries', { fiscalYear: 2027, from: '2027-04', to: '2027-04', kinds: ['commitment', 'release', 'actual'] });
    expect(entries.rows.map((e) => [e.kind, e.amount, e.sourceRef])).toEqual([
      ['actual', 5_500, 'CLM-2'], ['release', -4_000, 'CLM-2'], ['commitment', 4_000, 'REQ-2'], ['release', -1_000, ''],
      ['actual', 5_000, 'CLM-1'], ['release', -5_000, 'CLM-1'], ['commitment', 6_000, 'REQ-1'],
    ]);
    expect(entries.rows.every((e) => e.userId === wang.userId && e.userName === '王芳')).toBe(true);
  });

  it('resolves a key to the nearest line: exact, without partner, then up the org tree', async () => {
    const partner = bed.core.env.db.$client
      .prepare("SELECT p.id, p.org_unit_id AS unit, p.channel_type_id AS ch FROM partners p JOIN org_units o ON o.id = p.org_unit_id WHERE o.kind IN ('township','grid') AND o.path LIKE (SELECT path FROM org_units WHERE code = 'KM-WH') || '%' LIMIT 1")
      .get() as { id: number; unit: number; ch: number };
    const { wang, lineIds } = await approvedPlan(bed.core, 2027, [
      { orgUnitId: bed.ids.org('KM-WH'), channelTypeId: partner.ch, costTypeId: bed.ids.cost('PROMO'), partnerId: null, amounts: months(5_000) },
    ]);
    const zhang = await bed.core.as('zhangwei');
    const key = { orgUnitId: partner.unit, channelTypeId: partner.ch, costTypeId: bed.ids.cost('PROMO'), partnerId: partner.id, period: '2027-06' };
    const a = await zhang('budgets.checkAvailability', { cell: key, amount: 100 });
    expect(a).toMatchObject({ lineId: lineIds[0], allocated: 5_000, result: 'ok' });
    // a key with no line anywhere: nothing allocated; block refuses, warn lets it through on a new line
    const none = { orgUnitId: bed.ids.org('KM-WH'), channelTypeId: partner.ch, costTypeId: bed.ids.cost('DISPLAY'), partnerId: null, period: '2027-06' };
    expect(await zhang('budgets.checkAvailability', { cell: none, amount: 100 })).toMatchObject({ lineId: null, allocated: 0, control: 'warn', result: 'warn' });
    const posted = await ops(wang).commit({ cell: none, amount: 100, source: req(7) });
    expect(posted).toMatchObject({ result: 'warn', committed: 100, lineId: expect.any(Number) });
    expect(await codeOf(ops(wang).commit({ cell: { ...none, costTypeId: bed.ids.cost('RENT') }, amount: 1, source: req(8) }))).toBe('budget_exceeded');
    // scope and plan
    expect(await codeOf(zhang('budgets.checkAvailability', { cell: { ...none, orgUnitId: bed.ids.org('QJ-QL') }, amount: 1 }))).toBe('out_of_scope');
    expect(await codeOf(zhang('budgets.checkAvailability', { cell: { ...none, period: '2030-01' }, amount: 1 }))).toBe('no_budget_plan');
    expect(await codeOf(zhang('budgets.checkAvailability', { cell: { lineId: lineIds[0]!, period: '2026-01' }, amount: 1 }))).toBe('validation');
  });
});

