export {};
import { benchBudgetGrid } from './budgetGrid';
import { formatFigure } from './figure';
const quick = process.argv.includes('--quick');
for (const f of await benchBudgetGrid({ quick })) console.log(formatFigure(f));
