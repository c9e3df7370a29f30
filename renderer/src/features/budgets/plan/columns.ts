import type { CellClassParams, ColDef, EditableCallbackParams, ITooltipParams, ValueFormatterParams } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import { rowTotals } from '@shared/domain/budget';
import { money } from '../../../format';
import { Lookup, refCol } from '../../../grid';
import type { BudgetLookups } from '../lookups';
import { budgetIssueText } from '../text';
import { FloorCell } from './FloorCell';
import { amountText, type MoneyCol, type PlanLayout } from './layout';
import { cellIssue } from './issues';
import { isDirty, isKeyCol, MONTH_COLS, monthIndex, TOTALS_ROW_ID, type EditCol, type KeyCol, type PlanRow } from './sheet';

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
  /** the widths and decimals that fit the content (./layout.ts); absent: fixed widths, decimals everywhere */
  layout?: PlanLayout;
  /** the partner column is collapsed (hidden; paste and export still count it, see useEditing) */
  partnerCollapsed?: boolean;
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

function keyCol(ctx: PlanColumnContext, col: 'orgUnitId' | 'channelTypeId' | 'costTypeId', header: string, lookup: Lookup<number>, choices: Lookup<number>): ColDef<PlanRow> {
  const base = refCol<PlanRow>(col, header, lookup);
  return {
    ...base,
    width: ctx.layout?.widths[col] ?? 128,
    pinned: 'left',
    editable: canEdit(col),
    valueParser: (p) => p.newValue,
    cellEditorParams: { values: choices.choices(), valueListMaxHeight: 260 },
    valueFormatter: rawOr(col, (p) => (isTotals(p) ? (col === 'orgUnitId' ? (p.data?.partnerText ?? '') : '') : lookup.label(p.value as number | null))),
    cellClass: 'key-tight',
    headerClass: 'key-tight',
    cellClassRules: stateRules(col),
    tooltipValueGetter: clippedTip(ctx, col, tooltip(ctx, col, (b) => lookup.label(b[col]))),
  };
}

/** A key column narrower than its longest label (./layout.ts) tells the whole label on hover. */
function clippedTip(ctx: PlanColumnContext, col: KeyCol, own: (p: ITooltipParams<PlanRow>) => string | undefined) {
  return (p: ITooltipParams<PlanRow>) => own(p) ?? (ctx.layout?.clipped[col] && typeof p.valueFormatted === 'string' && p.valueFormatted ? p.valueFormatted : undefined);
}

/** The label a partner cell shows: code and name, or what the core sent for a partner no longer listed. */
export const partnerLabelOf = (partners: Lookup<number>) => (r: PlanRow | undefined) =>
  !r || r.partnerId === null ? '' : partners.has(r.partnerId) ? partners.label(r.partnerId) : (r.partnerText ?? `#${r.partnerId}`);

/** The headers of the columns, by column id (the layout measures them). */
export function planHeaders(t: TFunction): Record<string, string> {
  const h = (k: string) => t(`budgets.grid.${k}`);
  const out: Record<string, string> = { orgUnitId: h('orgUnit'), channelTypeId: h('channelType'), costTypeId: h('costType'), partnerId: h('partner'), year: h('year') };
  MONTH_COLS.forEach((c, m) => (out[c] = t(`budgets.grid.months.${m}`)));
  [0, 1, 2, 3].forEach((q) => (out[`q${q + 1}`] = t(`budgets.grid.quarters.${q}`)));
  return out;
}

export function planColumns(ctx: PlanColumnContext): ColDef<PlanRow>[] {
  const { t, lk, partners, controls, layout } = ctx;
  const h = (k: string) => t(`budgets.grid.${k}`);
  const partnerLabel = partnerLabelOf(partners);
  /** a money column's text: grouped yuan, with fen only in a column that has some (the unit is in the status line) */
  const show = (col: MoneyCol) => (fen: number) => (layout ? amountText(fen, layout.fen[col]) : money(fen));
  const unit = (header: string) => t('budgets.grid.inUnit', { header });
  const months = MONTH_COLS.map((col, m): ColDef<PlanRow> => ({
    colId: col,
    headerName: t(`budgets.grid.months.${m}`),
    headerTooltip: unit(t(`budgets.grid.months.${m}`)),
    cellClass: ['ag-right-aligned-cell', 'num', 'money-tight'],
    headerClass: ['ag-right-aligned-header', 'money-tight'],
    width: layout?.widths[col] ?? 118,
    sortable: true,
    filter: false,
    valueGetter: (p) => p.data?.amounts[m] ?? null,
    valueFormatter: rawOr(col, (p) => (typeof p.value === 'number' ? show(col)(p.value) : '')),
    getQuickFilterText: () => '',
    editable: canEdit(col),
    cellEditor: 'agTextCellEditor',
    cellEditorParams: { useFormatter: true },
    valueParser: (p) => p.newValue,
    cellClassRules: stateRules(col),
    tooltipValueGetter: tooltip(ctx, col, (b) => money(b.amounts[m]!)),
    ...(ctx.showFloors ? { cellRenderer: FloorCell } : {}),
  }));
  const computed = (colId: MoneyCol, header: string, of: (r: PlanRow) => number, width = 124): ColDef<PlanRow> => ({
    colId,
    headerName: header,
    headerTooltip: unit(header),
    cellClass: ['ag-right-aligned-cell', 'num', 'cell-computed', 'money-tight'],
    headerClass: ['ag-right-aligned-header', 'money-tight'],
    width: layout?.widths[colId] ?? width,
    filter: false,
    editable: false,
    valueGetter: (p) => (p.data ? of(p.data) : null),
    valueFormatter: (p) => (typeof p.value === 'number' ? show(colId)(p.value) : ''),
    getQuickFilterText: () => '',
    cellClassRules: stateRules(null),
  });
  const quarters = [0, 1, 2, 3].map((q) => computed(`q${q + 1}` as MoneyCol, t(`budgets.grid.quarters.${q}`), (r) => rowTotals(r.amounts).quarters[q]!));
  const ruleLabel = (mode: string | null) => (mode ? t(`master.control.${mode}`) : '');
  return [
    keyCol(ctx, 'orgUnitId', h('orgUnit'), lk.orgUnits, lk.scopeUnits),
    keyCol(ctx, 'channelTypeId', h('channelType'), lk.channelTypes, new Lookup(lk.channelTypes.options.filter((o) => o.active !== false))),
    keyCol(ctx, 'costTypeId', h('costType'), lk.costTypes, new Lookup(lk.costTypes.options.filter((o) => o.active !== false))),
    {
      colId: 'partnerId',
      field: 'partnerId',
      headerName: h('partner'),
      headerTooltip: h('partner'),
      width: layout?.widths.partnerId ?? 150,
      pinned: 'left',
      // collapsed by the toolbar's toggle, not by the column chooser (one switch, one state)
      hide: !!ctx.partnerCollapsed,
      lockVisible: true,
      filter: 'agTextColumnFilter',
      filterValueGetter: (p) => partnerLabel(p.data),
      getQuickFilterText: (p) => partnerLabel(p.data),
      comparator: (_a, _b, na, nb) => partnerLabel(na.data).localeCompare(partnerLabel(nb.data), 'zh-CN'),
      valueFormatter: rawOr('partnerId', (p) => partnerLabel(p.data)),
      editable: canEdit('partnerId'),
      cellEditor: 'agTextCellEditor',
      cellEditorParams: { useFormatter: true },
      valueParser: (p) => p.newValue,
      cellClass: 'key-tight',
      headerClass: 'key-tight',
      cellClassRules: stateRules('partnerId'),
      tooltipValueGetter: clippedTip(ctx, 'partnerId', tooltip(ctx, 'partnerId', () => '')),
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
