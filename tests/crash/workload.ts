import { randomBytes } from 'node:crypto';
import type { Input, MethodName, Output } from '../../shared/api/contract';
import { createScope } from '../../electron/core/auth/scope';
import { resolveSession } from '../../electron/core/auth/session';
import { commitBudget, releaseBudget } from '../../electron/core/budgets';
import type { OrgCtx } from '../../electron/core/context';
import type { Core } from '../../electron/core/index';

/**
 * What the crash test's child process does until it is killed: imports (100 partners from a CSV
 * through upload → dry run → commit), budget saves (every line of the open draft to one new
 * amount), approvals (submit and approve every other round) and ledger movements (a commitment
 * and its release). Each round names what it writes after `round` (partner codes C<tag>x<round>-NNN,
 * amounts from the round) so the checks can tell a whole write from a half one.
 */
export const IMPORT_ROWS = 100;
export const YEAR = 2027;

export interface Tokens {
  admin: string;
  wang: string;
  zhao: string;
}

type Caller = <M extends MethodName>(m: M, i: Input<M>) => Promise<Output<M>>;

export function workloadLines(core: Core): { orgUnitId: number; channelTypeId: number; costTypeId: number }[] {
  const db = core.env.db.$client;
  const orgs = db.prepare("SELECT id FROM org_units WHERE code GLOB '[A-Z][A-Z]-[A-Z][A-Z]' ORDER BY code LIMIT 6").pluck().all() as number[];
  const costs = db.prepare('SELECT id FROM cost_types ORDER BY code LIMIT 5').pluck().all() as number[];
  const channelTypeId = db.prepare("SELECT id FROM channel_types WHERE code = 'TERMINAL'").pluck().get() as number;
  return orgs.flatMap((orgUnitId) => costs.map((costTypeId) => ({ orgUnitId, channelTypeId, costTypeId })));
}

export async function runWorkload(core: Core, tokens: Tokens, planId: number, tag: string, onRound: (n: number) => void): Promise<never> {
  const as = (token: string): Caller => (m, i) => core.call(m, i, { token });
  const [admin, wang, zhao] = [as(tokens.admin), as(tokens.wang), as(tokens.zhao)];
  const lines = workloadLines(core);
  const db = core.env.db.$client;
  for (let round = 1; ; round++) {
    // an import
    const csv = ['编码,名称,渠道类型,所属组织,星级', ...Array.from({ length: IMPORT_ROWS }, (_, n) => `C${tag}x${round}-${String(n).padStart(3, '0')},崩溃测试${round}-${n},TERMINAL,KM-WH-01,3`)].join('\r\n');
    const { fileId } = await core.files.upload(tokens.admin, `crash-${round}.csv`, Buffer.from(csv));
    const jobId = randomBytes(16).toString('hex');
    await admin('excel.dryRun', { jobId, fileId, kind: 'partners' });
    await admin('excel.commit', { jobId, mode: 'all_or_nothing' });

    // a budget save on the open version (a submitted one is decided first)
    let open = db.prepare("SELECT id, version, approval_state AS state FROM budget_versions WHERE plan_id = ? AND approval_state IN ('draft','returned','submitted')").get(planId) as
      | { id: number; version: number; state: string }
      | undefined;
    if (open?.state === 'submitted') {
      await zhao('budgetVersions.approve', { id: open.id, version: open.version });
      open = undefined;
    }
    if (!open) {
      const v = await wang('budgetVersions.revise', { planId });
      open = { id: v.id, version: v.version, state: v.state };
    }
    const amount = 100_000 + (round % 7) * 10_000;
    const saved = await wang('budgetVersions.saveLines', {
      versionId: open.id,
      version: open.version,
      rows: lines.map((l) => ({ ...l, partnerId: null, amounts: Array<number>(12).fill(amount) })),
    });

    // an approval every other round
    if (round % 2 === 0) {
      const sub = await wang('budgetVersions.submit', { id: open.id, version: saved.version });
      await zhao('budgetVersions.approve', { id: open.id, version: sub.version });
    }

    // ledger movements on a cell of the version in force
    const cell = db.prepare(`SELECT vl.line_id FROM budget_version_lines vl JOIN budget_versions v ON v.id = vl.version_id WHERE v.plan_id = ? AND v.in_force = 1 LIMIT 1`).pluck().get(planId) as
      | number
      | undefined;
    if (cell !== undefined) {
      const ref = { lineId: cell, period: `${YEAR}-0${1 + (round % 9)}` };
      // commitment and release are core functions (documents call them), not API methods
      const user = resolveSession(core.env, tokens.wang).user;
      const ctx: OrgCtx = { ...core.env, user, tokenHash: null, signal: new AbortController().signal, scope: createScope(db, user) };
      commitBudget(ctx, { cell: ref, amount: 500, source: { type: 'cost_request', id: round, ref: '' } });
      releaseBudget(ctx, { cell: ref, amount: 500, against: { type: 'cost_request', id: round } });
    }
    onRound(round);
  }
}
