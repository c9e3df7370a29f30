import type { GridApi } from 'ag-grid-community';
import { useEffect, useMemo, useState, type RefObject } from 'react';
import type { Lookup } from '../../../grid';
import { FONT_STACK } from '../../../grid/theme';
import { useTranslation } from '../../../i18n';
import type { BudgetLookups } from '../lookups';
import { partnerLabelOf, planHeaders } from './columns';
import { canvasMeasure, planLayout, type PlanLayout } from './layout';
import type { PlanRow } from './sheet';

/**
 * The plan grid's layout for its current rows (./layout.ts) and the partner column's state: shown
 * when some line names a partner, collapsed when none does, and switched by the toolbar's toggle
 * (the choice holds for the version shown). Collapsing only hides it from view: a paste and the
 * Excel export still count the column in its place (useEditing, EntryGrid).
 */
export function usePlanLayout(opts: {
  rows: readonly PlanRow[];
  totals: PlanRow;
  versionId: number;
  lk: BudgetLookups;
  partners: Lookup<number>;
  showFloors: boolean;
  api: RefObject<GridApi<PlanRow> | null>;
  /** the element the grid fills (its width is the grid's room) */
  host: RefObject<HTMLElement | null>;
  apiTick: number;
}) {
  const { t } = useTranslation();
  const { rows, totals, lk, partners, showFloors } = opts;
  const measure = useMemo(() => canvasMeasure(FONT_STACK), []);
  const [choice, setChoice] = useState<boolean | null>(null);
  useEffect(() => setChoice(null), [opts.versionId]);
  const room = useWidth(opts.host);
  const now = useMemo(() => {
    const partnerLabel = partnerLabelOf(partners);
    const lookups = { orgUnitId: lk.orgUnits, channelTypeId: lk.channelTypes, costTypeId: lk.costTypes };
    return planLayout({
      rows,
      totals: totals.amounts,
      headers: planHeaders(t),
      totalsLabel: totals.partnerText ?? '',
      keyLabel: (col, r) => (col === 'partnerId' ? partnerLabel(r) : lookups[col].label(r[col])),
      floorLabel: showFloors ? (floor) => t('budgets.grid.floorLabel', { floor }) : undefined,
      measure,
      room: room > 0 ? room - scrollbarWidth() : 0,
      partnerShown: (used) => choice ?? used,
    });
  }, [rows, totals, lk, partners, showFloors, t, measure, room, choice]);
  // the columns are rebuilt only when the layout changes, not on every edit
  const key = JSON.stringify(now);
  const layout = useMemo(() => JSON.parse(key) as PlanLayout, [key]);

  const partnerShown = choice ?? layout.partnerUsed;
  // the grid may come back with the column state it had (grid memory): the toggle decides
  useEffect(() => {
    const a = opts.api.current;
    if (a && !a.isDestroyed() && a.getColumn('partnerId')) a.setColumnsVisible(['partnerId'], partnerShown);
  }, [partnerShown, opts.api, opts.apiTick]);

  return { layout, partnerShown, setPartnerShown: setChoice };
}

/** The system's scrollbar width (0 where scrollbars overlay the content). */
let scrollbar: number | null = null;
function scrollbarWidth(): number {
  if (scrollbar === null) {
    const probe = document.createElement('div');
    probe.style.cssText = 'position:absolute;top:-200px;width:100px;height:100px;overflow:scroll';
    document.body.appendChild(probe);
    scrollbar = probe.offsetWidth - probe.clientWidth;
    probe.remove();
  }
  return scrollbar;
}

/** An element's width, followed as it changes (whole pixels; 0 until it is laid out). */
function useWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(Math.floor(el.clientWidth));
    const ro = new ResizeObserver(() => setWidth(Math.floor(el.clientWidth)));
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return width;
}
