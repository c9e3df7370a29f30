import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/index';
import { stopWorkers } from '../../electron/core/excel/worker/pool';
import { checkDataDir } from '../crash/checks';
import { crashTrials, prepare } from '../crash/run';
import { runWorkload } from '../crash/workload';

/**
 * The crash test's machinery: its checks find a half-applied import, save and approval (planted
 * by hand), and a few real trials (child killed with SIGKILL) pass them. The 50-trial run is a step
 * of `npm test` (tests/run-all.sh: `npm run crash-test -- --trials 50`).
 */
const dir = mkdtempSync(join(tmpdir(), 'ccd-crash-unit-'));
afterAll(async () => {
  await stopWorkers();
  rmSync(dir, { recursive: true, force: true });
});

describe('crash test', () => {
  it('its checks pass on whole writes and catch half-applied imports, saves and approvals', async () => {
    const { tokens, planId } = await prepare(dir);
    const core = createCore({ dataDir: dir, log: { info: () => {}, error: () => {} } });
    const stop = new Error('stop');
    await expect(runWorkload(core, tokens, planId, 'u', (n) => {
      if (n === 3) throw stop; // an odd round: its save stays a draft
    })).rejects.toBe(stop);
    core.close();
    expect(await checkDataDir(dir, tokens.wang)).toEqual([]);

    const plant = async (sql: string, ...params: unknown[]) => {
      const c = createCore({ dataDir: dir, log: { info: () => {}, error: () => {} } });
      c.env.db.$client.prepare(sql).run(...params);
      c.close();
      return checkDataDir(dir, tokens.wang);
    };
    expect(await plant("DELETE FROM partners WHERE code = 'Cux2-007'")).toEqual(['import Cux2 half applied: 99 of 100 partners']);
    const v = createCore({ dataDir: dir, log: { info: () => {}, error: () => {} } });
    const draft = v.env.db.$client.prepare("SELECT id FROM budget_versions WHERE approval_state = 'draft' AND plan_id = ?").pluck().get(planId) as number;
    v.close();
    expect((await plant('UPDATE budget_version_lines SET m05 = m05 + 1 WHERE version_id = ? AND line_id = (SELECT min(line_id) FROM budget_version_lines WHERE version_id = ?)', draft, draft)).join()).toMatch(/half saved/);
    await plant('UPDATE budget_version_lines SET m05 = m01 WHERE version_id = ?', draft);
    const approvals = await plant(
      "INSERT INTO budget_ledger (line_id, period, kind, amount, source_type, source_id, user_id, at) SELECT line_id, '2027-03', 'allocation', 700, 'budget_version', version_id, 1, 'now' FROM budget_version_lines WHERE version_id = (SELECT id FROM budget_versions WHERE in_force = 1 AND plan_id = ?) LIMIT 1",
      planId,
    );
    expect(approvals.join()).toMatch(/allocations .* ≠ version in force/);
  });

  it('passes 3 real trials: killed at random moments, the folder checks out after each', async () => {
    const r = await crashTrials({ trials: 3, seed: 7, maxKillMs: 1200 });
    expect(r.failures).toEqual([]);
    expect(r.trials).toBe(3);
  });
});
