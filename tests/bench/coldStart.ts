import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchData } from './data';
import { figure, median, type Figure } from './figure';

const CHILD = fileURLToPath(new URL('./coldStartChild.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Run {
  total: number;
  open: number;
  signIn: number;
  page: number;
  ids: number[];
  count: number;
}

/** Each cold start runs in a fresh Node process (see coldStartChild.ts). */
function runChild(mode: string, data: BenchData): Run {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CHILD, mode, data.dataDir, data.adminToken], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cold start child (${mode}) failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Run;
}

const phases = (runs: Run[]) => ({
  open_ms: +median(runs.map((r) => r.open)).toFixed(2),
  signin_ms: +median(runs.map((r) => r.signIn)).toFixed(2),
  page_ms: +median(runs.map((r) => r.page)).toFixed(2),
});

function sameAnswer(a: Run, b: Run, what: string) {
  if (a.count !== b.count || a.ids.join() !== b.ids.join()) throw new Error(`${what}: the API and the hand-written SQL disagree`);
}

/**
 * core_cold_start: open + migrate + sign-in + first partners page, each in a fresh process.
 * Baseline: bare better-sqlite3 opening the same file and running the same SELECTs — plus the
 * one scrypt verification of the stored hash with its stored parameters (N=2^15, r=8, p=1),
 * because no sign-in, however written, can skip it; ~100 ms of scrypt would otherwise make the
 * ratio measure the password hash instead of the core. The detail shows the ratio without it.
 *
 * core_cold_start_session: the same without sign-in (resuming an existing session) against
 * the bare open + SELECTs — the core's own start-up cost (migrations check, drizzle, dispatch).
 */
export function benchColdStart(data: BenchData, runs: number): Figure[] {
  const modes = ['core', 'bare', 'session', 'bare-nosignin'] as const;
  const got: Record<(typeof modes)[number], Run[]> = { core: [], bare: [], session: [], 'bare-nosignin': [] };
  for (const m of modes) runChild(m, data); // warm the file cache and tsx's transpile cache
  for (let i = 0; i < runs; i++) for (const m of modes) got[m].push(runChild(m, data)); // interleaved
  sameAnswer(got.core[0]!, got.bare[0]!, 'core_cold_start');
  sameAnswer(got.session[0]!, got['bare-nosignin'][0]!, 'core_cold_start_session');
  const core = median(got.core.map((r) => r.total));
  const bare = median(got.bare.map((r) => r.total));
  const bareNoSignIn = median(got['bare-nosignin'].map((r) => r.total));
  const session = median(got.session.map((r) => r.total));
  return [
    figure('core_cold_start', core, bare, 'ms', 2, {
      runs,
      partners: data.partners,
      core: phases(got.core),
      baseline: phases(got.bare),
      baseline_without_scrypt_ms: +bareNoSignIn.toFixed(2),
      ratio_without_scrypt_in_baseline: +(core / bareNoSignIn).toFixed(2),
    }),
    figure('core_cold_start_session', session, bareNoSignIn, 'ms', 2, {
      runs,
      core: phases(got.session),
      baseline: phases(got['bare-nosignin']),
    }),
  ];
}
