import type { CellClassParams, ColDef, EditableCallbackParams, ITooltipParams, ValueFormatterParams } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import { rowTotals } from '@shared/domain/budget';
import { money } from '../../../format';
import { Lookup, refCol } from '../../../grid';
import type { BudgetLookups } from '../lookups';
import { budgetIssueText } from '../text';
import { FloorCell } from './FloorCell';
import { cellIssue } from './issues';
import { isDirty, isKeyCol, MONTH_COLS, monthIndex, TOTALS_ROW_ID, type EditCol, type PlanRow } from './sheet';

/**
 * The entry grid's columns: the line's keys (pinned left; editable on new lines only), January to
 * December (editable money), the quarters and the year (computed), the control rule and its
 * tolerance (blank = the cost type's default, shown grey). Cells show their state: invalid
 * (red, the reason as tooltip), changed but unsaved (yellow, the saved value as tooltip), on a
 * new line, or on a line to be removed. Every edit reaches the page as raw text (valueParser is
 * the identity), which parses it (./cells.ts) the same way as pasted text. The totals row carries
 * its own label (in `partnerText`), so the columns do not change while lines load.
 */
export interface PlanColumnContext {
  t: TFunction;
  lk: BudgetLookups;
  partners: Lookup<number>;
  controls: Lookup<string>;
  /** the floor view: month cells show their floor under the amount */
  showFloors?: boolean;
  /** English names are longer: the key columns are wider so "Channel commission" is not cut */
  en?: boolean;
}

const isTotals = (p: { node?: { rowPinned?: unknown } | null; data?: PlanRow }) => !!p.node?.rowPinned || p.data?.id === TOTALS_ROW_ID;
const issueOf = (r: PlanRow | undefined, col: EditCol) => (r ? cellIssue(r, col) : undefined);
const canEdit = (col: EditCol) => (p: EditableCallbackParams<PlanRow>) => {
  const r = p.data;
  if (!r || isTotals(p) || r.removed) return false;
  return isKeyCol(col) ? !r.base : true;
};

export const defaultControlOf = (lk: BudgetLookups, r: PlanRow) => (r.costTypeId === null ? null : (lk.costTypeRows.get(r.costTypeId) ?? null));

function stateRules(col: EditCol | null): ColDef<PlanRow>['cellClassRules'] {
  return {
    'cell-invalid': (p: CellClassParams<PlanRow>) => col !== null && !!issueOf(p.data, col),
    'cell-dirty': (p: CellClassParams<PlanRow>) => col !== null && !!p.data && isDirty(p.data, col) && !issueOf(p.data, col),
    'cell-new': (p: CellClassParams<PlanRow>) => !!p.data && !p.data.base && !isTotals(p),
    'cell-removed': (p: CellClassParams<PlanRow>) => !!p.data?.removed,
    'cell-total': (p: CellClassParams<PlanRow>) => isTotals(p),
  };
}

function tooltip(ctx: PlanColumnContext, col: EditCol, show: (r: PlanRow['base'] & object) => string) {
  return (p: ITooltipParams<PlanRow>) => {
    const r = p.data;
    if (!r || isTotals(p)) return undefined;
    const issue = issueOf(r, col);
    if (issue) return budgetIssueText(issue);
    if (r.removed) return ctx.t('budgets.grid.removedRow');
    if (!r.base) return ctx.t('budgets.grid.newRow');
    if (isDirty(r, col)) return ctx.t('budgets.grid.was', { value: show(r.base) });
    return undefined;
  };
}

/** Shows the text as typed when the cell holds an invalid value. */
const rawOr = (col: EditCol, show: (p: ValueFormatterParams<PlanRow>) => string) => (p: ValueFormatterParams<PlanRow>) =>
  p.data?.bad[col]?.raw ?? show(p);

function keyCol(ctx: PlanColumnContext, col: 'orgUnitId' | 'channelTypeId' | 'costTypeId', header: string, lookup: Lookup<number>, choices: Lookup<number>, width: number): ColDef<PlanRow> {
  const base = refCol<PlanRow>(col, header, lookup);
  return {
    ...base,
    width,
    pinned: 'left',
    editable: canEdit(col),
    valueParser: (p) => p.newValue,
    cellEditorParams: { values: choices.choices(), valueListMaxHeight: 260 },
    valueFormatter: rawOr(col, (p) => (isTotals(p) ? (col === 'orgUnitId' ? (p.data?.partnerText ?? '') : '') : lookup.label(p.value as number | null))),
    cellClassRules: stateRules(col),
    tooltipValueGetter: tooltip(ctx, col, (b) => lookup.label(b[col])),
  };
}

export function planColumns(ctx: PlanColumnContext): ColDef<PlanRow>[] {
  const { t, lk, partners, controls } = ctx;
  const h = (k: string) => t(`budgets.grid.${k}`);
  const partnerLabel = (r: PlanRow | undefined) => (!r || r.partnerId === null ? '' : partners.has(r.partnerId) ? partners.label(r.partnerId) : (r.partnerText ?? `#${r.partnerId}`));
  const months = MONTH_COLS.map((col, m): ColDef<PlanRow> => ({
    colId: col,
    headerName: t(`budgets.grid.months.${m}`),
    headerTooltip: t(`budgets.grid.months.${m}`),
    cellClass: ['ag-right-aligned-cell', 'num'],
    headerClass: 'ag-right-aligned-header',
    width: 118,
    sortable: true,
    filter: false,
    valueGetter: (p) => p.data?.amounts[m] ?? null,
    valueFormatter: rawOr(col, (p) => (typeof p.value === 'number' ? money(p.value) : '')),
    getQuickFilterText: () => '',
    editable: canEdit(col),
    cellEditor: 'agTextCellEditor',
    cellEditorParams: { useFormatter: true },
    valueParser: (p) => p.newValue,
    cellClassRules: stateRules(col),
    tooltipValueGetter: tooltip(ctx, col, (b) => money(b.amounts[m]!)),
    ...(ctx.showFloors ? { cellRenderer: FloorCell } : {}),
  }));
  const computed = (colId: string, header: string, of: (r: PlanRow) => number, width = 124): ColDef<PlanRow> => ({
    colId,
    headerName: header,
    headerTooltip: header,
    cellClass: ['ag-right-aligned-cell', 'num', 'cell-computed'],
    headerClass: 'ag-right-aligned-header',
    width,
    filter: false,
    editable: false,
    valueGetter: (p) => (p.data ? of(p.data) : null),
    valueFormatter: (p) => (typeof p.value === 'number' ? money(p.value) : ''),
    getQuickFilterText: () => '',
    cellClassRules: stateRules(null),
  });
  const quarters = [0, 1, 2, 3].map((q) => computed(`q${q + 1}`, t(`budgets.grid.quarters.${q}`), (r) => rowTotals(r.amounts).quarters[q]!));
  const ruleLabel = (mode: string | null) => (mode ? t(`master.control.${mode}`) : '');
  return [
    keyCol(ctx, 'orgUnitId', h('orgUnit'), lk.orgUnits, lk.scopeUnits, ctx.en ? 140 : 128),
    keyCol(ctx, 'channelTypeId', h('channelType'), lk.channelTypes, new Lookup(lk.channelTypes.options.filter((o) => o.active !== false)), ctx.en ? 136 : 112),
    keyCol(ctx, 'costTypeId', h('costType'), lk.costTypes, new Lookup(lk.costTypes.options.filter((o) => o.active !== false)), ctx.en ? 150 : 104),
    {
      colId: 'partnerId',
      field: 'partnerId',
      headerName: h('partner'),
      headerTooltip: h('partner'),
      width: 150,
      pinned: 'left',
      filter: 'agTextColumnFilter',
      filterValueGetter: (p) => partnerLabel(p.data),
      getQuickFilterText: (p) => partnerLabel(p.data),
      comparator: (_a, _b, na, nb) => partnerLabel(na.data).localeCompare(partnerLabel(nb.data), 'zh-CN'),
      valueFormatter: rawOr('partnerId', (p) => partnerLabel(p.data)),
      editable: canEdit('partnerId'),
      cellEditor: 'agTextCellEditor',
      cellEditorParams: { useFormatter: true },
      valueParser: (p) => p.newValue,
      cellClassRules: stateRules('partnerId'),
      tooltipValueGetter: tooltip(ctx, 'partnerId', () => ''),
    },
    ...months,
    ...quarters,
    { ...computed('year', h('year'), (r) => rowTotals(r.amounts).year, 136), pinned: 'right' },
    {
      colId: 'controlMode',
      field: 'controlMode',
      headerName: h('control'),
      headerTooltip: h('control'),
      width: 104,
      filter: false,
      valueFormatter: rawOr('controlMode', (p) => {
        if (isTotals(p)) return '';
        if (p.value === '') return t('budgets.control.default');
        return ruleLabel((p.value as string | null) ?? (p.data ? (defaultControlOf(lk, p.data)?.defaultControl ?? null) : null));
      }),
      editable: canEdit('controlMode'),
      cellEditor: 'agSelectCellEditor',
      cellEditorParams: { values: controls.options.map((o) => o.value) },
      valueParser: (p) => p.newValue,
      cellClassRules: { ...stateRules('controlMode'), 'cell-default': (p) => !!p.data && p.data.controlMode === null && !isTotals(p) },
      tooltipValueGetter: (p) => {
        const own = tooltip(ctx, 'controlMode', (b) => (b.controlMode ? ruleLabel(b.controlMode) : t('budgets.control.default')))(p);
        if (own || !p.data || isTotals(p) || p.data.controlMode !== null) return own;
        return t('budgets.control.defaultRule', { rule: ruleLabel(defaultControlOf(lk, p.data)?.defaultControl ?? null) });
      },
    },
    {
      colId: 'toleranceBp',
      field: 'toleranceBp',
      headerName: h('tolerance'),
      headerTooltip: h('tolerance'),
      width: 88,
      filter: false,
      cellClass: ['ag-right-aligned-cell', 'num'],
      headerClass: 'ag-right-aligned-header',
      valueFormatter: rawOr('toleranceBp', (p) => {
        if (isTotals(p) || !p.data) return '';
        const bp = (p.value as number | null) ?? defaultControlOf(lk, p.data)?.defaultToleranceBp ?? null;
        return bp === null ? '' : `${(bp / 100).toFixed(2)}%`;
      }),
      editable: canEdit('toleranceBp'),
      cellEditor: 'agTextCellEditor',
      cellEditorParams: { useFormatter: true },
      valueParser: (p) => p.newValue,
      cellClassRules: { ...stateRules('toleranceBp'), 'cell-default': (p) => !!p.data && p.data.toleranceBp === null && !isTotals(p) },
      tooltipValueGetter: tooltip(ctx, 'toleranceBp', (b) => (b.toleranceBp === null ? t('budgets.control.default') : `${(b.toleranceBp / 100).toFixed(2)}%`)),
    },
  ];
}

/** A column's name in messages (the problem list, the status line). */
export function columnName(t: TFunction, col: EditCol): string {
  const m = monthIndex(col);
  if (m >= 0) return t(`budgets.grid.months.${m}`);
  const key = { orgUnitId: 'orgUnit', channelTypeId: 'channelType', costTypeId: 'costType', partnerId: 'partner', controlMode: 'control', toleranceBp: 'tolerance' }[col as string];
  return t(`budgets.grid.${key ?? col}`);
}

export const isMonthCol = (col: string) => monthIndex(col) >= 0;
