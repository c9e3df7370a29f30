import { useEffect, useState } from 'react';
import type { BudgetLineRow, BudgetPlan } from '@shared/api/areas/budgets';
import { call } from '../../../api/client';
import type { BudgetLookups } from '../lookups';

/**
 * The lines of the version in force of a plan, with readable labels (org unit / channel type /
 * cost type / partner), for choosing transfer cells and naming them in the list.
 */
export interface LineOption {
  id: number;
  label: string;
  /** the label and the codes, for searching by words (transfers/search.ts) */
  search: string;
  row: BudgetLineRow;
}

export function lineLabel(lk: BudgetLookups, r: BudgetLineRow): string {
  const parts = [lk.orgUnits.label(r.orgUnitId), lk.channelTypes.label(r.channelTypeId), lk.costTypes.label(r.costTypeId)];
  if (r.partnerId !== null) parts.push(`${r.partnerCode ?? ''} ${r.partnerName ?? ''}`.trim());
  return parts.join(' / ');
}

function toOption(lk: BudgetLookups, r: BudgetLineRow): LineOption {
  const label = lineLabel(lk, r);
  return { id: r.lineId, label, search: [label, r.orgUnitCode, r.channelTypeCode, r.costTypeCode, r.partnerCode ?? ''].join(' '), row: r };
}

export function useInForceLines(plan: BudgetPlan | undefined, lk: BudgetLookups): { lines: LineOption[] | null; error: unknown } {
  const [rows, setRows] = useState<BudgetLineRow[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const versionId = plan?.inForceVersionId ?? null;
  useEffect(() => {
    setRows(null);
    setError(null);
    if (versionId === null) return setRows([]);
    let alive = true;
    void (async () => {
      const all: BudgetLineRow[] = [];
      let cursor: string | undefined;
      try {
        do {
          const page = await call('budgetVersions.lines', { versionId, limit: 5000, ...(cursor ? { cursor } : {}) });
          all.push(...page.rows);
          cursor = page.nextCursor ?? undefined;
        } while (cursor && alive);
        if (alive) setRows(all);
      } catch (e) {
        if (alive) setError(e);
      }
    })();
    return () => {
      alive = false;
    };
  }, [versionId]);
  const lines = rows && lk.ready ? rows.map((r) => toOption(lk, r)) : null;
  return { lines, error };
}
