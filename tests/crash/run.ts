import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { hashPassword } from '../../electron/core/auth/password';
import { createCore } from '../../electron/core/index';
import { DEMO_PASSWORD } from '../../electron/core/demo/names';
import { initDemo } from '../../electron/core/setup/service';
import { checkDataDir } from './checks';
import { YEAR, type Tokens } from './workload';

/**
 * `npm run crash-test [-- --trials N] [-- --seed S]`: a child process runs imports, budget saves,
 * approvals and ledger movements on one data folder (tests/crash/workload.ts) and is killed with
 * SIGKILL at a random moment, N times; after every kill the folder is checked (tests/crash/checks.ts)
 * before the next child continues on it, so recoveries build on recoveries. The child is bundled
 * with esbuild first (with the Excel worker beside it, where the worker pool looks), so a trial
 * costs a node start, not a TypeScript compile. Prints one line per failed trial and a summary;
 * exits non-zero on any failure.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));

async function bundle(): Promise<string> {
  const out = join(root, 'tests', '.artifacts', `crash-${process.pid}`);
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: { 'crash-child': join(root, 'tests/crash/child.ts'), 'excel-worker': join(root, 'electron/core/excel/worker/entry.ts') },
    outdir: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  return join(out, 'crash-child.js');
}

export async function prepare(dataDir: string): Promise<{ tokens: Tokens; planId: number }> {
  const core = createCore({ dataDir, log: { info: () => {}, error: () => {} } });
  try {
    // a cheap hash for the demo users: the sign-ins below replace it (rehash) once
    await initDemo(core.env, { partners: 30, passwordHash: await hashPassword(DEMO_PASSWORD, { N: 1 << 10, r: 8, p: 1, keylen: 64 }) });
    const signIn = async (username: string) => (await core.call('auth.signIn', { username, password: DEMO_PASSWORD })).token;
    const tokens = { admin: await signIn('admin'), wang: await signIn('wangfang'), zhao: await signIn('zhaomin') };
    const plan = await core.call('budgetPlans.create', { fiscalYear: YEAR, name: 'crash test' }, { token: tokens.wang });
    return { tokens, planId: plan.id };
  } finally {
    core.close();
  }
}

/** A small deterministic random source (mulberry32), so a failing run can be repeated with its seed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Trial {
  rounds: number;
  problems: string[];
}

function trial(child: string, dataDir: string, env: Record<string, string>, killAfterMs: number): Promise<Trial> {
  return new Promise((resolveTrial) => {
    const p = spawn(process.execPath, [child], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    let killed = false;
    p.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (!timer && out.startsWith('ready\n')) {
        timer = setTimeout(() => {
          killed = true;
          p.kill('SIGKILL');
        }, killAfterMs);
      }
    });
    p.stderr.on('data', (c: Buffer) => (err += c.toString()));
    p.on('exit', (code, signal) => {
      clearTimeout(timer);
      const rounds = out.split('\n').filter((l) => /^\d+$/.test(l)).length;
      const problems = killed && signal === 'SIGKILL' ? [] : [`the child ended by itself (code ${code}, signal ${signal}): ${err.slice(-800)}`];
      resolveTrial({ rounds, problems });
    });
  });
}

export async function crashTrials(opts: { trials: number; seed: number; maxKillMs?: number; log?: (line: string) => void }) {
  const log = opts.log ?? (() => {});
  const child = await bundle();
  const dataDir = mkdtempSync(join(tmpdir(), 'ccd-crash-'));
  const next = random(opts.seed);
  const failures: string[] = [];
  let rounds = 0;
  try {
    const { tokens, planId } = await prepare(dataDir);
    for (let i = 1; i <= opts.trials; i++) {
      const killAfter = Math.floor(next() * (opts.maxKillMs ?? 1500));
      const env = { CRASH_DATA: dataDir, CRASH_TOKENS: JSON.stringify(tokens), CRASH_PLAN: String(planId), CRASH_TAG: String(i) };
      const t = await trial(child, dataDir, env, killAfter);
      const problems = [...t.problems, ...(await checkDataDir(dataDir, tokens.wang))];
      rounds += t.rounds;
      if (problems.length) failures.push(`trial ${i} (killed after ${killAfter} ms, seed ${opts.seed}): ${problems.join(' | ')}`);
      log(`trial ${i}: killed after ${killAfter} ms, ${t.rounds} rounds, ${problems.length ? `FAILED: ${problems.join(' | ')}` : 'ok'}`);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(resolve(child, '..'), { recursive: true, force: true });
  }
  return { trials: opts.trials, rounds, failures };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { trials: { type: 'string', default: '50' }, seed: { type: 'string' }, verbose: { type: 'boolean', default: false } } });
  const seed = values.seed ? Number(values.seed) : Date.now() % 1_000_000;
  const started = Date.now();
  const r = await crashTrials({ trials: Number(values.trials), seed, log: values.verbose ? console.log : undefined });
  for (const f of r.failures) console.log(`FAILED ${f}`);
  console.log(`crash-test: ${r.trials} trials (seed ${seed}), ${r.rounds} workload rounds completed between kills, ${r.failures.length} failures, ${Math.round((Date.now() - started) / 1000)} s`);
  process.exit(r.failures.length ? 1 : 0);
}
