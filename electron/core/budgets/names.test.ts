import { describe, expect, it } from 'vitest';
import { budgetTestbed } from '../testing';
import { approvedPlan, months, type Row } from './testkit';

/**
 * Issue 11 point 11: whoever may see a budget document sees the names of the people on it. An
 * approver of a branch cannot list the finance users (users.list shows the users of their own
 * scope), so the documents carry the names themselves.
 */
const bed = budgetTestbed();

const nameOf = (username: string) => bed.core.env.db.$client.prepare('SELECT display_name FROM users WHERE username = ?').pluck().get(username) as string;

describe('names on budget documents', () => {
  it('versions and transfers name their author, submitter and decider for a branch approver who cannot list those users', async () => {
    const row: Row = { orgUnitId: bed.ids.org('KM-WH'), channelTypeId: bed.ids.channel('TERMINAL'), costTypeId: bed.ids.cost('PROMO'), partnerId: null, amounts: months(10_000) };
    const row2: Row = { ...row, orgUnitId: bed.ids.org('KM-PL') };
    const { wang, zhao, lineIds } = await approvedPlan(bed.core, 2027, [row, row2]);
    const t = await wang('budgetTransfers.create', { from: { lineId: lineIds[0]!, period: '2027-03' }, to: { lineId: lineIds[1]!, period: '2027-04' }, amount: 3_000, reason: '盘龙区四月活动' });
    const sub = await wang('budgetTransfers.submit', { id: t.id, version: t.version });
    await zhao('budgetTransfers.approve', { id: t.id, version: sub.version });

    const lina = await bed.core.as('lina');
    // the cause of "#5": the finance users are not among the users lina may list
    const visible = (await lina('users.list', {})).map((u) => u.username);
    expect(visible).not.toContain('wangfang');
    expect(visible).not.toContain('zhaomin');

    const plan = (await lina('budgetPlans.list', {})).find((p) => p.fiscalYear === 2027)!;
    const v = plan.versions.find((x) => x.state === 'approved')!;
    expect(v).toMatchObject({ createdByName: nameOf('wangfang'), submittedByName: nameOf('wangfang'), decidedByName: nameOf('zhaomin') });
    expect(nameOf('wangfang')).toBe('王芳');
    const [tr] = (await lina('budgetTransfers.list', { fiscalYear: 2027 })).filter((x) => x.id === t.id);
    expect(tr).toMatchObject({ createdByName: '王芳', submittedByName: '王芳', decidedByName: nameOf('zhaomin') });
    // a draft has no submitter or decider yet: null, not an empty name
    const draft = await wang('budgetTransfers.create', { from: { lineId: lineIds[0]!, period: '2027-05' }, to: { lineId: lineIds[1]!, period: '2027-05' }, amount: 1, reason: 'x' });
    expect(draft).toMatchObject({ createdByName: '王芳', submittedByName: null, decidedByName: null });
  });

  it('handovers name the three people, also one outside the viewer’s scope', async () => {
    const admin = await bed.core.as('admin');
    const users = await admin('users.list', {});
    const id = (u: string) => users.find((x) => x.username === u)!.id;
    const h = await admin('partners.handover', { fromUserId: id('zhangwei'), toUserId: id('zhouqiang'), note: '' });
    const zhangwei = await bed.core.as('zhangwei');
    expect((await zhangwei('users.list', {})).map((u) => u.username)).not.toContain('admin');
    const [seen] = (await zhangwei('partners.handovers', {})).filter((x) => x.id === h.id);
    expect(seen).toMatchObject({ byUserName: nameOf('admin'), fromUserName: nameOf('zhangwei'), toUserName: nameOf('zhouqiang') });
  });
});
