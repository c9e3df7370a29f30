import type { z } from 'zod';

export const ROLES = ['channel_staff', 'approver', 'finance', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * One API method: its input schema, who may call it, what org-unit scope it touches, and
 * (type-only) its output.
 * `auth: 'public'` methods run without a session (first start, sign-in, health).
 * `roles` restricts a session method to those roles; omitted = any signed-in user.
 * `scope` is declared on every session method (a missing one is a type error):
 * - 'org': the method reads or writes data that belongs to org units. Its handler receives
 *   `ctx.scope` (the one resolver, electron/core/auth/scope.ts) and must pass every org unit it
 *   touches through it; the scope walk test (electron/core/scope.walk.test.ts) calls every 'org'
 *   method as a user of a sibling branch and proves nothing outside the scope is read or written.
 * - 'company': company-wide catalogues and settings (channel types, cost types, plans, periods);
 *   the handler gets no `ctx.scope`, so it cannot filter by org unit by accident.
 * - 'self': only the caller's own session, preferences or jobs.
 */
export type AuthKind = 'public' | 'session';
export type ScopeKind = 'org' | 'company' | 'self';

export interface MethodDef<I extends z.ZodType = z.ZodType, O = unknown, A extends AuthKind = AuthKind, S extends ScopeKind | null = ScopeKind | null> {
  input: I;
  auth: A;
  roles?: readonly Role[];
  scope: S;
  /** phantom: carries the output type */
  readonly _output?: O;
}

type MethodOpts<A extends AuthKind, S extends ScopeKind> = A extends 'public'
  ? { auth: A; roles?: undefined; scope?: undefined }
  : { auth?: A; roles?: readonly Role[]; scope: S };

export function method<O>() {
  return <I extends z.ZodType, A extends AuthKind = 'session', S extends ScopeKind = never>(
    input: I,
    opts: MethodOpts<A, S>,
  ): MethodDef<I, O, A, A extends 'public' ? null : S> => ({
    input,
    auth: (opts.auth ?? 'session') as A,
    roles: opts.roles,
    scope: (opts.scope ?? null) as A extends 'public' ? null : S,
  });
}

export type InputOf<M> = M extends MethodDef<infer I, unknown, AuthKind, ScopeKind | null> ? z.input<I> : never;
export type ParsedInputOf<M> = M extends MethodDef<infer I, unknown, AuthKind, ScopeKind | null> ? z.output<I> : never;
export type OutputOf<M> = M extends MethodDef<z.ZodType, infer O, AuthKind, ScopeKind | null> ? O : never;
