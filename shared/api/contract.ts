import type { InputOf, MethodDef, OutputOf } from './define';
import { authApi } from './areas/auth';
import { masterApi } from './areas/master';
import { budgetsApi } from './areas/budgets';
import { excelApi } from './areas/excel';
import { documentsApi } from './areas/documents';
import { workflowApi } from './areas/workflow';
import { systemApi } from './areas/system';
import { analysisApi } from './areas/analysis';
import { resultsApi } from './areas/results';

/**
 * The one API contract: every method the core serves, over IPC, HTTP or in-process.
 * Each area declares its methods in `areas/<area>.ts`; they are merged here.
 */
export const contract = {
  ...authApi,
  ...masterApi,
  ...budgetsApi,
  ...excelApi,
  ...documentsApi,
  ...workflowApi,
  ...systemApi,
  ...analysisApi,
  ...resultsApi,
} as const satisfies Record<string, MethodDef>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type Input<M extends MethodName> = InputOf<Contract[M]>;
export type Output<M extends MethodName> = OutputOf<Contract[M]>;
export const methodNames = Object.keys(contract) as MethodName[];

/** Events the core pushes to renderers (progress of long jobs, data changes). */
export type PushEvent =
  | { type: 'progress'; jobId: string; done: number; total: number | null; phase: string }
  | { type: 'changed'; entity: string };
