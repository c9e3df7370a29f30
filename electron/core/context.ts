import type { MethodName, Output, PushEvent } from '../../shared/api/contract';
import type { ParsedInputOf } from '../../shared/api/define';
import type { Contract } from '../../shared/api/contract';
import type { SessionUser } from '../../shared/api/areas/auth';
import type { Db } from './db/open';
import type { Scope } from './auth/scope';
import type { ExcelState } from './excel/state';
import type { TicketStore } from './auth/tickets';

export interface Logger {
  info(msg: string, meta?: Record<string, unknown>): void;
  error(msg: string, meta?: Record<string, unknown>): void;
}

export interface CoreEnv {
  db: Db;
  dataDir: string;
  /** injectable clock: tests pin time */
  now: () => Date;
  /** a push event for one user (the one whose call caused it): event streams carry only their user's events */
  emit: (event: PushEvent, userId: number) => void;
  log: Logger;
  /** the Excel exchange's files, jobs, kept dry runs and kinds: this core's own (excel/state.ts) */
  excel: ExcelState;
  /** the download and event-stream tickets this core issued (auth/tickets.ts) */
  tickets: TicketStore;
  /**
   * Closes the database, runs `between` (a restore switches the file), opens it again (migrating):
   * the one way to replace `db`; later calls see the new connection.
   */
  reopenDb: (between: () => void) => void;
}

export interface Ctx extends CoreEnv {
  /** the signed-in user; always from the session, never from the call's input */
  user: SessionUser | null;
  tokenHash: string | null;
  /** aborted when the caller cancels (long jobs check it) */
  signal: AbortSignal;
}

export interface AuthedCtx extends Ctx {
  user: SessionUser;
}

/** The context of a method declared `scope: 'org'`: the one scope resolver of the call. */
export interface OrgCtx extends AuthedCtx {
  scope: Scope;
}

/** Public methods get a Ctx (user may be null); 'org' methods an OrgCtx; other session methods an AuthedCtx. */
export type CtxFor<M extends MethodName> = Contract[M]['auth'] extends 'public' ? Ctx : Contract[M]['scope'] extends 'org' ? OrgCtx : AuthedCtx;

export type Handler<M extends MethodName> = (
  input: ParsedInputOf<Contract[M]>,
  ctx: CtxFor<M>,
) => Output<M> | Promise<Output<M>>;

export type Handlers<K extends MethodName> = { [M in K]: Handler<M> };

export const isoNow = (ctx: { now: () => Date }) => ctx.now().toISOString();
