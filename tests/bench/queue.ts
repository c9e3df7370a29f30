import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DB_FILE } from '../../electron/core/db/open';
import { DEMO_PASSWORD } from '../../electron/core/demo/names';
import { createCore } from '../../electron/core/index';
import { silentLogger } from './data';
import { AMOUNT, fingerprint, fsyncFloor, NOW, openLikeApp, setup } from './documents';
import { figure, median, type Figure } from './figure';
import { HandMoneyPath, handUser } from './handMoney';

/**
 * bulk_approve_1000: one `approvals.bulkApprove` call in-process by zhouqiang approving 1,000
 * submitted ¥300 promotion requests of 五华区 (his queue; one-step route) — each with its
 * commitment on the budget line, the task, the run, the request's state and the hash-chained
 * history — against the same state, history and ledger writes by hand in one transaction (each
 * item in a savepoint, so that one refusal does not undo the others: tests/bench/handMoney.ts
 * `approveMany`), on a copy of the same file. Three rounds (quick: one) of 1,000 different
 * requests each, alternating between the two paths; medians. Target ratio ≤ 3.
 *
 * The requests are created and submitted through the API beforehand (not measured). The
 * application commits each item in its own transaction (the contract: "approves each item in its
 * own transaction"); on this disk every commit is an fsync (synchronous=FULL), so
 * `detail.fsyncFloorMs` gives what 1,000 commits cost by themselves.
 */
const log = (msg: string) => process.stderr.write(`[bulk_approve_1000] ${msg}\n`);

export async function benchBulkApprove(opts: { quick: boolean; scale?: number }): Promise<Figure[]> {
  const n = 1_000;
  const rounds = opts.quick ? 1 : 3;
  const s = await setup(n * rounds);
  try {
    const seed = join(s.dir, 'seed');
    const items: { docType: 'cost_request'; docId: number; version: number }[] = [];
    {
      const core = createCore({ dataDir: seed, log: silentLogger, now: () => NOW });
      try {
        // writing the data, not measured: no fsync per request
        core.env.db.$client.pragma('synchronous = OFF');
        const { token } = await core.call('auth.signIn', { username: 'zhangwei', password: DEMO_PASSWORD });
        for (let k = 0; k < n * rounds; k++) {
          const r = await core.call(
            'costRequests.create',
            { partnerId: s.partners[k % s.partners.length]!, costTypeId: s.promo, title: `陈列促销 ${k}`, activityStart: '2026-06-10', activityEnd: '2026-06-20', amount: AMOUNT },
            { token },
          );
          const sub = await core.call('costRequests.submit', { id: r.id, version: r.version }, { token });
          items.push({ docType: 'cost_request', docId: sub.id, version: sub.version });
        }
        core.env.db.$client.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        core.close();
      }
    }
    const apiDir = join(s.dir, 'api');
    mkdirSync(apiDir);
    copyFileSync(join(seed, DB_FILE), join(apiDir, DB_FILE));
    const handFile = join(s.dir, 'hand.sqlite');
    copyFileSync(join(seed, DB_FILE), handFile);
    log(`${n * rounds} submitted requests ready (${rounds} rounds of ${n})`);

    // the rounds alternate between the two paths; each approves the next 1,000 of the same requests
    const core = createCore({ dataDir: apiDir, log: silentLogger, now: () => NOW });
    const db = openLikeApp(handFile);
    const apiRuns: number[] = [];
    const handRuns: number[] = [];
    let apiPrint: string;
    let handPrint: string;
    try {
      const { token } = await core.call('auth.signIn', { username: 'zhouqiang', password: DEMO_PASSWORD });
      const hand = new HandMoneyPath(db, NOW.toISOString());
      const zhou = handUser(db, 'zhouqiang');
      for (let round = 0; round < rounds; round++) {
        const batch = items.slice(round * n, (round + 1) * n);
        let t0 = performance.now();
        const res = await core.call('approvals.bulkApprove', { items: batch, comment: '' }, { token });
        apiRuns.push(performance.now() - t0);
        const failed = res.results.filter((r) => !r.ok);
        if (failed.length) throw new Error(`bulk_approve_1000: ${failed.length} items failed through the API, e.g. ${JSON.stringify(failed[0])}`);
        t0 = performance.now();
        const mine = hand.approveMany(zhou, batch);
        handRuns.push(performance.now() - t0);
        const refused = mine.filter((r) => !r.ok);
        if (refused.length) throw new Error(`bulk_approve_1000: ${refused.length} items failed by hand, e.g. ${JSON.stringify(refused[0])}`);
      }
      apiPrint = fingerprint(core.env.db.$client);
      handPrint = fingerprint(db);
    } finally {
      db.close();
      core.close();
    }
    if (apiPrint !== handPrint) throw new Error(`bulk_approve_1000: the API and the hand-written path left different data:\n  api  ${apiPrint}\n  hand ${handPrint}`);
    const floor = fsyncFloor(s.dir, n);
    const [apiMs, handMs] = [median(apiRuns), median(handRuns)];
    const show = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(' ');
    log(`API ${show(apiRuns)} ms, by hand ${show(handRuns)} ms, ${n} commits alone ${floor.toFixed(0)} ms`);
    return [
      figure('bulk_approve_1000', apiMs, handMs, 'ms', 3, {
        items: n, rounds, fsyncFloorMs: Number(floor.toFixed(1)), ratioWithoutCommits: Number(((apiMs - floor) / handMs).toFixed(2)),
      }),
    ];
  } finally {
    rmSync(s.dir, { recursive: true, force: true });
  }
}
