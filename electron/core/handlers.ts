import type { HandlerMap } from './dispatch';
import { authHandlers } from './auth/service';
import { budgetHandlers } from './budgets/handlers';
import { catalogHandlers } from './master/catalogs';
import { excelHandlers } from './excel/service';
import { orgUnitHandlers } from './master/orgUnits';
import { partnerHandlers } from './master/partners';
import { userHandlers } from './master/users';
import { setupHandlers } from './setup/service';
import { documentHandlers } from './documents/handlers';
import { workflowHandlers } from './workflow/handlers';
import { backupHandlers } from './backup/service';
import { analysisHandlers } from './analysis/handlers';
import { resultHandlers } from './analysis/service';

/** Every area's handlers; the type makes a missing or extra method a compile error. */
export const handlers: HandlerMap = {
  ...setupHandlers,
  ...authHandlers,
  ...orgUnitHandlers,
  ...catalogHandlers,
  ...partnerHandlers,
  ...userHandlers,
  ...excelHandlers,
  ...budgetHandlers,
  ...documentHandlers,
  ...workflowHandlers,
  ...backupHandlers,
  ...analysisHandlers,
  ...resultHandlers,
};
