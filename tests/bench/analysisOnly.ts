/**
 * analysis_dashboard alone: npx tsx tests/bench/analysisOnly.ts [--quick] [--scale <factor>]
 * (the same figure `npm run bench` prints, without building the other benchmarks' data).
 */
import { parseArgs } from 'node:util';
import { benchAnalysisDashboard } from './analysis';
import { formatFigure } from './figure';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, scale: { type: 'string', default: '1' } } });
const scale = Number(values.scale);
if (!(scale > 0)) throw new Error(`--scale must be a positive number, got ${values.scale}`);
for (const f of await benchAnalysisDashboard({ quick: values.quick ?? false, scale })) process.stdout.write(`${formatFigure(f)}\n`);
