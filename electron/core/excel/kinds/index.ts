import { ApiError } from '../../../../shared/api/errors';
import { budgetLinesKind } from './budgetLines';
import { channelTypesKind, costTypesKind } from './catalogs';
import { orgUnitsKind } from './orgUnits';
import { partnersKind } from './partners';
import type { KindDef } from './types';
import { usersKind } from './users';
import { resultsKind } from './results';

/**
 * The registry of importable/exportable kinds. Open: a later area (budget lines, sales actuals)
 * adds its kind with registerKind() from its own module, imported once by the core
 * (e.g. in handlers.ts), and adds its name to EXCEL_KINDS in shared/api/areas/excel.ts.
 */
const registry = new Map<string, KindDef>();

export function registerKind(def: KindDef): void {
  registry.set(def.kind, def);
}

export function getKind(kind: string): KindDef {
  const k = registry.get(kind);
  if (!k) throw new ApiError('excel_unknown_kind', `Unknown import kind ${kind}`, { kind });
  return k;
}

export const allKinds = (): KindDef[] => [...registry.values()];

for (const k of [orgUnitsKind, channelTypesKind, costTypesKind, partnersKind, usersKind, budgetLinesKind, resultsKind]) registerKind(k);

export type { KindDef } from './types';
