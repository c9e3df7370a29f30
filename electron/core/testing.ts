import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { Input, MethodName, Output } from '../../shared/api/contract';
import { hashPassword } from './auth/password';
import { createScope } from './auth/scope';
import { resolveSession } from './auth/session';
import { commitBudget, recordActual, releaseBudget, type ActualInput, type CommitInput, type ReleaseInput } from './budgets/control';
import type { Row } from './budgets/testkit';
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

/** Ids of the demo company's records by code (org units, channel and cost types) or username. */
export function demoIds(core: TestCore) {
  const db = core.env.db.$client;
  const one = (sql: string, code: string) => {
    const id = db.prepare(sql).pluck().get(code) as number | undefined;
    if (id === undefined) throw new Error(`no ${code}`);
    return id;
  };
  return {
    org: (code: string) => one('SELECT id FROM org_units WHERE code = ?', code),
    channel: (code: string) => one('SELECT id FROM channel_types WHERE code = ?', code),
    cost: (code: string) => one('SELECT id FROM cost_types WHERE code = ?', code),
    user: (username: string) => one('SELECT id FROM users WHERE username = ?', username),
  };
}

export type DemoIds = ReturnType<typeof demoIds>;

/**
 * The ledger's core movements as a caller would cause them (commitment, release, actual are core
 * functions, not API methods): run as `caller`'s context in their own transaction; a refusal is a
 * rejected promise like an API call's.
 */
export function ledgerOps(core: TestCore, caller: Caller) {
  const ctx = () => orgCtxOf(core, caller);
  return {
    commit: async (i: CommitInput) => commitBudget(ctx(), i),
    release: async (i: ReleaseInput) => releaseBudget(ctx(), i),
    recordActual: async (i: ActualInput) => recordActual(ctx(), i),
  };
}

/**
 * The set-up the budget tests share (budgets/{names,ledger,transfers,versions}.test.ts): a fresh
 * demo company for each test, disposed after it; its ids; the ledger's core movements as a caller;
 * and a plan row of 终端渠道 from an org unit's and a cost type's code. `bed.core` and `bed.ids`
 * are the running test's: read them inside tests, not at module level.
 */
export function budgetTestbed() {
  const bed = {
    core: undefined as unknown as TestCore,
    ids: undefined as unknown as DemoIds,
    ops: (caller: Caller) => ledgerOps(bed.core, caller),
    row: (org: string, cost: string, amounts: number[], extra: Partial<Row> = {}): Row => ({
      orgUnitId: bed.ids.org(org), channelTypeId: bed.ids.channel('TERMINAL'), costTypeId: bed.ids.cost(cost), partnerId: null, amounts, ...extra,
    }),
  };
  beforeEach(async () => {
    bed.core = await freshCore({ demo: true });
    bed.ids = demoIds(bed.core);
  });
  afterEach(() => bed.core?.dispose());
  return bed;
}
