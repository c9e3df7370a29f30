import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import type { CostRequestRow } from '@shared/api/areas/documents';
import { SETTLE_STATES } from '@shared/api/areas/documentTypes';
import { date } from '../../format';
import { dateCol, dateTimeCol, Lookup, moneyCol, numberCol, statusCol, textCol } from '../../grid';
import { DocStatus, Flags, flagText } from './common/DocStatus';
import type { ExportColumn } from './common/listExport';

type T = (k: string, o?: Record<string, unknown>) => string;

export const REQUEST_STATUSES = ['draft', 'submitted', 'returned', 'rejected', 'cancelled', ...SETTLE_STATES] as const;

export function statusLookup(t: T, codes: readonly string[]): Lookup<string> {
  return new Lookup(codes.map((c) => ({ value: c, label: t(`docs.status.${c}`) })));
}

const Status = (p: ICellRendererParams) => (typeof p.value === 'string' ? <DocStatus status={p.value} /> : null);

/** The requests grid: number, status and flags first; money right-aligned; who and when last. */
export function requestColumns(t: T): ColDef<CostRequestRow>[] {
  const f = (k: string) => t(`docs.field.${k}`);
  return [
    textCol<CostRequestRow>('number', f('number'), { width: 150, cellClass: 'num', pinned: 'left' }),
    statusCol<CostRequestRow>('status', f('status'), statusLookup(t, REQUEST_STATUSES), { width: 100, cellRenderer: Status }),
    {
      colId: 'flags',
      headerName: f('flags'),
      headerTooltip: f('flags'),
      width: 110,
      sortable: false,
      filter: false,
      valueGetter: (p) => (p.data ? flagText(t, { postHoc: p.data.postHoc, overdue: p.data.overdue }) : ''),
      cellRenderer: (p: ICellRendererParams<CostRequestRow>) => (p.data ? <Flags flags={{ postHoc: p.data.postHoc, overdue: p.data.overdue }} /> : null),
    },
    textCol<CostRequestRow>('partnerName', f('partner'), { width: 180, tooltipField: 'partnerName' }),
    textCol<CostRequestRow>('title', f('title'), { width: 200, tooltipField: 'title' }),
    moneyCol<CostRequestRow>('amount', f('amountShort'), { editable: false }),
    moneyCol<CostRequestRow>('claimedAmount', f('claimed'), { editable: false }),
    moneyCol<CostRequestRow>('remaining', f('remaining'), { editable: false }),
    textCol<CostRequestRow>('costTypeName', f('costType'), { width: 110 }),
    textCol<CostRequestRow>('orgUnitName', f('orgUnit'), { width: 110 }),
    dateCol<CostRequestRow>('activityStart', f('activityStart'), { editable: false }),
    dateCol<CostRequestRow>('activityEnd', f('activityEnd'), { editable: false }),
    dateCol<CostRequestRow>('claimDue', f('claimDue'), { editable: false }),
    numberCol<CostRequestRow>('overdueDays', f('overdueDays'), { width: 90, editable: false, valueFormatter: (p) => (p.value ? String(p.value) : '') }),
    textCol<CostRequestRow>('ownerName', f('owner'), { width: 90 }),
    dateTimeCol<CostRequestRow>('submittedAt', f('submittedAt')),
  ];
}

export function requestExportColumns(t: T): ExportColumn<CostRequestRow>[] {
  const f = (k: string) => t(`docs.field.${k}`);
  return [
    { colId: 'number', header: f('number'), type: 'text', value: (r) => r.number },
    { colId: 'status', header: f('status'), type: 'text', value: (r) => t(`docs.status.${r.status}`) },
    { colId: 'flags', header: f('flags'), type: 'text', value: (r) => flagText(t, { postHoc: r.postHoc, overdue: r.overdue }) },
    { colId: 'title', header: f('title'), type: 'text', value: (r) => r.title },
    { colId: 'partnerName', header: f('partner'), type: 'text', value: (r) => `${r.partnerCode} ${r.partnerName}` },
    { colId: 'orgUnitName', header: f('orgUnit'), type: 'text', value: (r) => r.orgUnitName },
    { colId: 'costTypeName', header: f('costType'), type: 'text', value: (r) => r.costTypeName },
    { colId: 'activityStart', header: f('activityStart'), type: 'date', value: (r) => r.activityStart },
    { colId: 'activityEnd', header: f('activityEnd'), type: 'date', value: (r) => r.activityEnd },
    { colId: 'amount', header: f('amountShort'), type: 'money', value: (r) => r.amount },
    { colId: 'claimedAmount', header: f('claimed'), type: 'money', value: (r) => r.claimedAmount },
    { colId: 'remaining', header: f('remaining'), type: 'money', value: (r) => r.remaining },
    { colId: 'claimDue', header: f('claimDue'), type: 'date', value: (r) => r.claimDue },
    { colId: 'overdueDays', header: f('overdueDays'), type: 'number', value: (r) => r.overdueDays || null },
    { colId: 'ownerName', header: f('owner'), type: 'text', value: (r) => r.ownerName },
    { colId: 'submittedAt', header: f('submittedAt'), type: 'text', value: (r) => (r.submittedAt ? date(r.submittedAt) : '') },
  ];
}

/** Columns the core sorts and filters on (electron/core/documents/lists.ts); the others show only. */
const SERVER_COLUMNS = new Set(['number', 'title', 'partnerName', 'amount', 'status', 'activityStart', 'activityEnd', 'createdAt', 'submittedAt']);
export function serverSortable<R>(cols: ColDef<R>[]): ColDef<R>[] {
  return cols.map((c) => (SERVER_COLUMNS.has(c.colId ?? String(c.field)) || c.colId === 'check' ? c : { ...c, sortable: false, filter: false }));
}
