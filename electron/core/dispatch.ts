import { contract, type MethodName } from '../../shared/api/contract';
import { ApiError, type Envelope } from '../../shared/api/errors';
import { resolveSession } from './auth/session';
import { createScope } from './auth/scope';
import type { AuthedCtx, CoreEnv, Ctx, Handler, OrgCtx } from './context';
import { toApiError, validationError, zodIssues } from './errors';

export interface CallMeta {
  token?: string | null;
  signal?: AbortSignal;
}

export type HandlerMap = { [M in MethodName]: Handler<M> };

/**
 * The one dispatcher every transport goes through: look up the method, validate the input
 * against the contract's schema, resolve the session (the user always comes from the token,
 * never from the input), check the role, run the handler, and map any failure to an ApiError.
 */
export function createDispatcher(env: CoreEnv, handlers: HandlerMap) {
  async function run(method: string, rawInput: unknown, meta: CallMeta): Promise<unknown> {
    const def = (contract as Record<string, (typeof contract)[MethodName]>)[method];
    const handler = (handlers as Record<string, Handler<MethodName>>)[method];
    if (!def || !handler) throw new ApiError('unknown_method', `Unknown method ${method}`, { method });
    const parsed = def.input.safeParse(rawInput ?? {});
    if (!parsed.success) throw validationError(zodIssues(parsed.error));
    const ctx: Ctx = { ...env, user: null, tokenHash: null, signal: meta.signal ?? new AbortController().signal };
    if (def.auth === 'session') {
      const s = resolveSession(env, meta.token);
      ctx.user = s.user;
      ctx.tokenHash = s.tokenHash;
      if (def.roles && !def.roles.includes(s.user.role)) {
        throw new ApiError('forbidden', 'Your role may not do this', { method, role: s.user.role });
      }
      if (def.scope === 'org') (ctx as OrgCtx).scope = createScope(env.db.$client, s.user);
    }
    return await (handler as (i: unknown, c: Ctx | AuthedCtx) => unknown)(parsed.data, ctx);
  }

  /** Runs a call; any failure is thrown as an ApiError (unexpected ones are logged first). */
  async function call(method: string, rawInput: unknown, meta: CallMeta = {}): Promise<unknown> {
    try {
      return await run(method, rawInput, meta);
    } catch (e) {
      const { error, unexpected } = toApiError(e);
      if (unexpected) env.log.error('unexpected error', { ref: error.params?.ref, method, error: (e as Error)?.stack ?? String(e) });
      throw error;
    }
  }

  /** Like call, but never throws: the envelope both adapters send over the wire. */
  async function invoke(method: string, rawInput: unknown, meta: CallMeta = {}): Promise<Envelope<unknown>> {
    try {
      return { ok: true, data: await call(method, rawInput, meta) };
    } catch (e) {
      return { ok: false, error: (e as ApiError).toJSON() };
    }
  }

  return { call, invoke };
}
