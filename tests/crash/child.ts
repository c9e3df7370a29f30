import { createCore } from '../../electron/core/index';
import { runWorkload, type Tokens } from './workload';

/**
 * The crash test's child (tests/crash/run.ts builds it into one file and runs it with node): opens
 * the data folder and runs the workload until the parent kills it. Prints "ready" once open, then
 * the number of each round finished.
 */
const dataDir = process.env.CRASH_DATA!;
const tokens = JSON.parse(process.env.CRASH_TOKENS!) as Tokens;
const core = createCore({ dataDir, log: { info: () => {}, error: (m, meta) => console.error(m, JSON.stringify(meta)) } });
process.stdout.write('ready\n');
await runWorkload(core, tokens, Number(process.env.CRASH_PLAN), process.env.CRASH_TAG!, (n) => process.stdout.write(`${n}\n`));
