import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Input, MethodName, Output } from '../../shared/api/contract';
import { hashPassword } from './auth/password';
import { createScope } from './auth/scope';
import { resolveSession } from './auth/session';
import type { Logger, OrgCtx } from './context';
import { DEMO_PASSWORD } from './demo/names';
import { createCore, type Core } from './index';
import { initDemo } from './setup/service';

/** Test support: a core on a fresh SQLite file in a temp folder, and signed-in callers. */
export const quietLogger: Logger = { info: () => {}, error: (m, meta) => console.error(m, meta) };

let demoHash: Promise<string> | null = null;
/** one real scrypt hash of the demo password, shared by a test file's demo companies */
export const demoPasswordHash = () => (demoHash ??= hashPassword(DEMO_PASSWORD));

export interface TestCore extends Core {
  dir: string;
  as(username: string, password?: string): Promise<Caller>;
  dispose(): void;
}

export type Caller = (<M extends MethodName>(method: M, input: Input<M>) => Promise<Output<M>>) & { token: string; userId: number };

/** `documents`: also the demo's requests, claims and payments (off by default: most tests want the budget figures alone) */
export async function freshCore(opts: { demo?: boolean; partners?: number; now?: () => Date; documents?: boolean } = {}): Promise<TestCore> {
  const dir = mkdtempSync(join(tmpdir(), 'ccd-test-'));
  const core = createCore({ dataDir: dir, log: quietLogger, now: opts.now });
  if (opts.demo) await initDemo(core.env, { partners: opts.partners, passwordHash: await demoPasswordHash(), documents: opts.documents ?? false });
  return Object.assign(core, {
    dir,
    async as(username: string, password = DEMO_PASSWORD): Promise<Caller> {
      const s = await core.call('auth.signIn', { username, password });
      const caller = (<M extends MethodName>(m: M, i: Input<M>) => core.call(m, i, { token: s.token })) as Caller;
      caller.token = s.token;
      caller.userId = s.user.id;
      return caller;
    },
    dispose() {
      core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}

/** The context a handler of an 'org' method gets, for tests that call core functions directly. */
export function orgCtxOf(core: Core, caller: Caller): OrgCtx {
  const user = resolveSession(core.env, caller.token).user;
  return { ...core.env, user, tokenHash: null, signal: new AbortController().signal, scope: createScope(core.env.db.$client, user) };
}
