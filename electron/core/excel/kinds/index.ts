import { ApiError } from '../../../../shared/api/errors';
import type { ExcelState } from '../state';
import { budgetLinesKind } from './budgetLines';
import { channelTypesKind, costTypesKind } from './catalogs';
import { orgUnitsKind } from './orgUnits';
import { partnersKind } from './partners';
import type { KindDef } from './types';
import { usersKind } from './users';
import { resultsKind } from './results';

/**
 * The kinds a core starts with; the registry itself belongs to the core (ExcelState.kinds, made
 * by createCore). A later area (sales actuals …) adds its kind here — or registers it on a core
 * with registerKind — and its name to EXCEL_KINDS in shared/api/areas/excel.ts.
 */
export const BUILT_IN_KINDS: readonly KindDef[] = [orgUnitsKind, channelTypesKind, costTypesKind, partnersKind, usersKind, budgetLinesKind, resultsKind];

type WithExcel = { excel: ExcelState };

export function registerKind(env: WithExcel, def: KindDef): void {
  env.excel.kinds.set(def.kind, def);
}

export function getKind(env: WithExcel, kind: string): KindDef {
  const k = env.excel.kinds.get(kind);
  if (!k) throw new ApiError('excel_unknown_kind', `Unknown import kind ${kind}`, { kind });
  return k;
}

export const allKinds = (env: WithExcel): KindDef[] => [...env.excel.kinds.values()];

export type { KindDef } from './types';
