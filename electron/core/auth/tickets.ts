import { randomBytes } from 'node:crypto';
import type { SessionUser } from '../../../shared/api/areas/auth';
import { ApiError } from '../../../shared/api/errors';
import type { AuthedCtx, CoreEnv } from '../context';
import { hashToken, resolveSessionHash } from './session';

/**
 * Tickets: what a URL carries instead of the session token, for the two requests a browser makes
 * without our headers — a download (a link the browser follows) and the event stream (EventSource).
 * A ticket is issued by an API call (with the token in the Authorization header), names its
 * session, its purpose and its subject (the file), lives TICKET_TTL_MS and is redeemed once. So
 * a URL in the browser history, a proxy log or a Referer is worthless a minute later, and never
 * was the session. Redeeming checks the session again: a ticket dies with its session.
 *
 * Held in memory by the core instance (`env.tickets`, made by createCore; never a module
 * variable: two cores in one process see nothing of each other's tickets); only the ticket's hash
 * is kept, like the sessions' tokens.
 */
export const TICKET_TTL_MS = 60_000;
export type TicketPurpose = 'download' | 'events';

export interface Ticket {
  tokenHash: string;
  purpose: TicketPurpose;
  subject: string | null;
  expiresAt: number;
}
/** a core's live tickets, by the ticket's hash */
export type TicketStore = Map<string, Ticket>;

export const createTicketStore = (): TicketStore => new Map();

function store(env: CoreEnv): TicketStore {
  const s = env.tickets;
  const now = env.now().getTime();
  for (const [k, t] of s) if (t.expiresAt <= now) s.delete(k);
  return s;
}

export function issueTicket(ctx: AuthedCtx, purpose: TicketPurpose, subject: string | null = null): { ticket: string; expiresAt: string } {
  if (!ctx.tokenHash) throw new ApiError('unauthenticated', 'Please sign in');
  const ticket = randomBytes(24).toString('base64url');
  const expiresAt = ctx.now().getTime() + TICKET_TTL_MS;
  store(ctx).set(hashToken(ticket), { tokenHash: ctx.tokenHash, purpose, subject, expiresAt });
  return { ticket, expiresAt: new Date(expiresAt).toISOString() };
}

/** The session a ticket stands for; the ticket is used up whether or not it fits. */
export function redeemTicket(env: CoreEnv, ticket: string | null | undefined, purpose: TicketPurpose, subject: string | null = null): { user: SessionUser; tokenHash: string } {
  const s = store(env);
  const key = ticket ? hashToken(ticket) : '';
  const t = s.get(key);
  s.delete(key);
  if (!t || t.purpose !== purpose || t.subject !== subject || t.expiresAt <= env.now().getTime()) {
    throw new ApiError('ticket_invalid', 'This link has expired or was already used; please try again');
  }
  return resolveSessionHash(env, t.tokenHash, false);
}

/**
 * What a transport needs to run an event stream: open it with an events ticket, and ask whether
 * its session still holds (without counting the question as the user's activity).
 */
export function eventAccess(env: CoreEnv) {
  return {
    open: (ticket: string | null | undefined) => {
      const { user, tokenHash } = redeemTicket(env, ticket, 'events');
      return { userId: user.id, tokenHash };
    },
    alive: (tokenHash: string): boolean => {
      try {
        resolveSessionHash(env, tokenHash, false);
        return true;
      } catch {
        return false;
      }
    },
    tokenHashOf: (token: string) => hashToken(token),
  };
}
