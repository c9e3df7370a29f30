import { useCallback, useState } from 'react';
import type { AnalysisFilter as ApiFilter } from '@shared/api/areas/analysis';
import type { AnalysisDimension, AnalysisGrain, Baseline } from '@shared/api/areas/analysisTypes';

/**
 * The slice every analysis view follows: a month range and its grain, the dimension of the
 * metrics table, filters (an org unit's subtree, a channel type, a cost type, a partner) and the
 * baseline incremental figures are measured against. Kept for the browser session, so going to
 * the post-evaluation and back keeps the slice.
 */
export interface AnalysisFilter {
  from: string;
  to: string;
  grain: AnalysisGrain;
  dimension: AnalysisDimension;
  subtreeOf: number | null;
  channelType: number | null;
  costType: number | null;
  partner: { id: number; label: string } | null;
  baseline: Baseline;
}

const pad = (n: number) => String(n).padStart(2, '0');
export const monthOf = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}`;

/** 'YYYY-MM' plus n months (n may be negative). */
export function addMonths(period: string, n: number): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const k = y * 12 + (m - 1) + n;
  return `${Math.floor(k / 12)}-${pad((k % 12) + 1)}`;
}

export type Preset = 'last12' | 'thisYear' | 'lastYear' | 'ytd';
export const PRESETS: Preset[] = ['last12', 'thisYear', 'lastYear', 'ytd'];

export function presetRange(p: Preset, today: Date): { from: string; to: string; grain?: AnalysisGrain } {
  const now = monthOf(today);
  const y = today.getFullYear();
  switch (p) {
    case 'last12':
      return { from: addMonths(now, -11), to: now };
    case 'thisYear':
      return { from: `${y}-01`, to: `${y}-12` };
    case 'lastYear':
      return { from: `${y - 1}-01`, to: `${y - 1}-12` };
    case 'ytd':
      return { from: `${y}-01`, to: now, grain: 'ytd' };
  }
}

export function defaultFilter(today = new Date()): AnalysisFilter {
  return { ...presetRange('ytd', today), grain: 'year', dimension: 'orgUnit', subtreeOf: null, channelType: null, costType: null, partner: null, baseline: 'lastYear' };
}

/** The slice as the analysis calls take it (only the filters that are set). */
export function apiFilter(f: AnalysisFilter): ApiFilter {
  return {
    from: f.from,
    to: f.to,
    ...(f.subtreeOf ? { orgUnitId: f.subtreeOf } : {}),
    ...(f.channelType ? { channelTypeIds: [f.channelType] } : {}),
    ...(f.costType ? { costTypeIds: [f.costType] } : {}),
    ...(f.partner ? { partnerIds: [f.partner.id] } : {}),
  };
}

export const validRange = (f: AnalysisFilter) => /^\d{4}-\d{2}$/.test(f.from) && /^\d{4}-\d{2}$/.test(f.to) && f.from <= f.to;

const KEY = 'ccd.analysis.filter';

export function useAnalysisFilter(): [AnalysisFilter, (f: AnalysisFilter) => void] {
  const [f, setF] = useState<AnalysisFilter>(() => {
    try {
      const saved = sessionStorage.getItem(KEY);
      if (saved) return { ...defaultFilter(), ...(JSON.parse(saved) as Partial<AnalysisFilter>) };
    } catch {
      /* a broken entry: start over */
    }
    return defaultFilter();
  });
  const set = useCallback((next: AnalysisFilter) => {
    setF(next);
    sessionStorage.setItem(KEY, JSON.stringify(next));
  }, []);
  return [f, set];
}
