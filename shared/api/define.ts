import type { z } from 'zod';

export const ROLES = ['channel_staff', 'approver', 'finance', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * One API method: its input schema, who may call it, and (type-only) its output.
 * `auth: 'public'` methods run without a session (first start, sign-in, health).
 * `roles` restricts a session method to those roles; omitted = any signed-in user.
 * Org-unit scope is checked by the handler against the data it touches.
 */
export type AuthKind = 'public' | 'session';

export interface MethodDef<I extends z.ZodType = z.ZodType, O = unknown, A extends AuthKind = AuthKind> {
  input: I;
  auth: A;
  roles?: readonly Role[];
  /** phantom: carries the output type */
  readonly _output?: O;
}

export function method<O>() {
  return <I extends z.ZodType, A extends AuthKind = 'session'>(
    input: I,
    opts: { auth?: A; roles?: readonly Role[] } = {},
  ): MethodDef<I, O, A> => ({
    input,
    auth: (opts.auth ?? 'session') as A,
    roles: opts.roles,
  });
}

export type InputOf<M> = M extends MethodDef<infer I, unknown, AuthKind> ? z.input<I> : never;
export type ParsedInputOf<M> = M extends MethodDef<infer I, unknown, AuthKind> ? z.output<I> : never;
export type OutputOf<M> = M extends MethodDef<z.ZodType, infer O, AuthKind> ? O : never;
