import type { Handlers } from '../context';
import { compareHandlers } from './compare';
import { controlHandlers } from './control';
import { entryHandlers } from './entries';
import { listHistory } from './history';
import { periodHandlers } from './periods';
import { getVersionRow, planHandlers } from './plans';
import { reportHandlers } from './report';
import { saveLinesHandlers } from './saveLines';
import { dbOf } from './sql';
import { getRow, transferHandlers } from './transfers';
import { versionCancelHandlers } from './versionLifecycle';
import { budgetApprovalHandlers } from './approvalActions';
import { versionLineHandlers } from './versionLines';

/** Every handler of the budget area (registered with one spread in core/handlers.ts). */
export const budgetHandlers = {
  ...planHandlers,
  ...versionLineHandlers,
  ...saveLinesHandlers,
  ...versionCancelHandlers,
  ...budgetApprovalHandlers,
  ...compareHandlers,
  ...transferHandlers,
  ...periodHandlers,
  ...controlHandlers,
  ...reportHandlers,
  ...entryHandlers,
  ...({
    'budgets.history': (i, ctx) => {
      // versions are readable by everyone (like plans); a transfer only within the caller's scope
      if (i.documentType === 'budget_transfer') getRow(ctx, i.documentId);
      else getVersionRow(dbOf(ctx), i.documentId);
      return listHistory(dbOf(ctx), i.documentType, i.documentId);
    },
  } satisfies Handlers<'budgets.history'>),
};
