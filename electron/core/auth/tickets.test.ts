import { afterEach, describe, expect, it } from 'vitest';
import type { ApiError } from '../../../shared/api/errors';
import { freshCore, type TestCore } from '../testing';
import { redeemTicket, TICKET_TTL_MS } from './tickets';

/** Tickets in the core: single use, short-lived, bound to purpose, file and session. */
function clock(start = '2026-03-02T08:00:00.000Z') {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms) };
}
const codeOf = (f: () => unknown) => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return (e as ApiError).code;
  }
};

let core: TestCore;
afterEach(() => core?.dispose());

describe('tickets', () => {
  it('are redeemed once, for their purpose only, within their lifetime, as their session', async () => {
    const c = clock();
    core = await freshCore({ demo: true, now: c.now });
    const lina = await core.as('lina');
    const a = await lina('auth.eventsTicket', {});
    expect(a.ticket).not.toContain(lina.token);
    expect(Date.parse(a.expiresAt) - c.now().getTime()).toBe(TICKET_TTL_MS);
    expect(redeemTicket(core.env, a.ticket, 'events').user.id).toBe(lina.userId);
    expect(codeOf(() => redeemTicket(core.env, a.ticket, 'events'))).toBe('ticket_invalid');

    const b = await lina('auth.eventsTicket', {});
    expect(codeOf(() => redeemTicket(core.env, b.ticket, 'download', 'f'.repeat(32)))).toBe('ticket_invalid');
    expect(codeOf(() => redeemTicket(core.env, b.ticket, 'events'))).toBe('ticket_invalid'); // the wrong try used it up

    const late = await lina('auth.eventsTicket', {});
    c.advance(TICKET_TTL_MS - 1);
    const inTime = await lina('auth.eventsTicket', {});
    c.advance(1);
    expect(codeOf(() => redeemTicket(core.env, late.ticket, 'events'))).toBe('ticket_invalid');
    expect(codeOf(() => redeemTicket(core.env, inTime.ticket, 'events'))).toBe('ok');
    expect(codeOf(() => redeemTicket(core.env, null, 'events'))).toBe('ticket_invalid');
    expect(codeOf(() => redeemTicket(core.env, lina.token, 'events'))).toBe('ticket_invalid');
  });

  it('die with their session, and redeeming one is not activity that extends it', async () => {
    const c = clock();
    core = await freshCore({ demo: true, now: c.now });
    const lina = await core.as('lina');
    const expiry = () => core.env.db.$client.prepare('SELECT expires_at FROM sessions').pluck().get() as string;
    c.advance(30 * 60_000);
    const t = await lina('auth.eventsTicket', {}); // an API call: extends the session
    const before = expiry();
    const { tokenHash } = redeemTicket(core.env, t.ticket, 'events');
    c.advance(5 * 60_000); // an API call now would move the expiry on; the stream's check must not
    expect(core.events.alive(tokenHash)).toBe(true);
    expect(expiry()).toBe(before);
    const dead = await lina('auth.eventsTicket', {});
    await lina('auth.signOut', {});
    expect(codeOf(() => redeemTicket(core.env, dead.ticket, 'events'))).toBe('unauthenticated');
  });

  it("of two cores in one process are each core's own (issue 11 point 2)", async () => {
    core = await freshCore({ demo: true });
    const other = await freshCore({ demo: true });
    try {
      const [linaA, linaB] = await Promise.all([core.as('lina'), other.as('lina')]);
      expect(linaA.userId).toBe(linaB.userId); // the same user on both files: only the core tells them apart
      const a = await linaA('auth.eventsTicket', {});
      const b = await linaB('auth.eventsTicket', {});
      expect([core.env.tickets.size, other.env.tickets.size]).toEqual([1, 1]);
      // B does not know A's ticket (a shared store would find it and fail on B's sessions instead),
      // and B's try does not use it up
      expect(codeOf(() => redeemTicket(other.env, a.ticket, 'events'))).toBe('ticket_invalid');
      expect(codeOf(() => redeemTicket(core.env, b.ticket, 'events'))).toBe('ticket_invalid');
      expect(redeemTicket(core.env, a.ticket, 'events').user.id).toBe(linaA.userId);
      expect(redeemTicket(other.env, b.ticket, 'events').user.id).toBe(linaB.userId);
      // a ticket dies when its core switches files (a restore)
      await linaB('auth.eventsTicket', {});
      other.env.reopenDb(() => {});
      expect(other.env.tickets.size).toBe(0);
    } finally {
      other.dispose();
    }
  });
});
