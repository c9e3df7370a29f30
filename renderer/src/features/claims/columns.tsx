import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import type { ClaimRow } from '@shared/api/areas/documents';
import { PAY_STATES } from '@shared/api/areas/documentTypes';
import { dateCol, dateTimeCol, moneyCol, statusCol, textCol } from '../../grid';
import { date } from '../../format';
import { DocStatus, Flags, flagText } from '../requests/common/DocStatus';
import type { ExportColumn } from '../requests/common/listExport';
import { statusLookup } from '../requests/columns';

type T = (k: string, o?: Record<string, unknown>) => string;
export const CLAIM_STATUSES = ['draft', 'submitted', 'returned', 'rejected', 'cancelled', ...PAY_STATES] as const;
const Status = (p: ICellRendererParams) => (typeof p.value === 'string' ? <DocStatus status={p.value} /> : null);

export function claimColumns(t: T): ColDef<ClaimRow>[] {
  const f = (k: string) => t(`docs.field.${k}`);
  return [
    textCol<ClaimRow>('number', f('number'), { width: 150, cellClass: 'num', pinned: 'left' }),
    statusCol<ClaimRow>('status', f('status'), statusLookup(t, CLAIM_STATUSES), { width: 100, cellRenderer: Status }),
    {
      colId: 'flags',
      headerName: f('flags'),
      headerTooltip: f('flags'),
      width: 170,
      sortable: false,
      filter: false,
      valueGetter: (p) => (p.data?.flags ? flagText(t, p.data.flags) : ''),
      cellRenderer: (p: ICellRendererParams<ClaimRow>) => (p.data?.flags ? <Flags flags={p.data.flags} /> : null),
    },
    textCol<ClaimRow>('partnerName', f('partner'), { width: 170, tooltipField: 'partnerName' }),
    textCol<ClaimRow>('title', f('title'), { width: 190, tooltipField: 'title' }),
    moneyCol<ClaimRow>('amount', f('claimAmount'), { editable: false }),
    moneyCol<ClaimRow>('approvedAmount', f('approvedAmount'), { editable: false }),
    moneyCol<ClaimRow>('paidAmount', f('paidAmount'), { editable: false }),
    dateCol<ClaimRow>('due', f('due'), { editable: false }),
    textCol<ClaimRow>('requestNumber', f('request'), { width: 150, cellClass: 'num' }),
    textCol<ClaimRow>('costTypeName', f('costType'), { width: 110 }),
    textCol<ClaimRow>('orgUnitName', f('orgUnit'), { width: 110 }),
    textCol<ClaimRow>('ownerName', f('owner'), { width: 90 }),
    dateTimeCol<ClaimRow>('submittedAt', f('submittedAt')),
  ];
}

export function claimExportColumns(t: T): ExportColumn<ClaimRow>[] {
  const f = (k: string) => t(`docs.field.${k}`);
  return [
    { colId: 'number', header: f('number'), type: 'text', value: (r) => r.number },
    { colId: 'status', header: f('status'), type: 'text', value: (r) => t(`docs.status.${r.status}`) },
    { colId: 'flags', header: f('flags'), type: 'text', value: (r) => flagText(t, r.flags) },
    { colId: 'requestNumber', header: f('request'), type: 'text', value: (r) => r.requestNumber ?? '' },
    { colId: 'title', header: f('title'), type: 'text', value: (r) => r.title },
    { colId: 'partnerName', header: f('partner'), type: 'text', value: (r) => `${r.partnerCode} ${r.partnerName}` },
    { colId: 'orgUnitName', header: f('orgUnit'), type: 'text', value: (r) => r.orgUnitName },
    { colId: 'costTypeName', header: f('costType'), type: 'text', value: (r) => r.costTypeName },
    { colId: 'amount', header: f('claimAmount'), type: 'money', value: (r) => r.amount },
    { colId: 'approvedAmount', header: f('approvedAmount'), type: 'money', value: (r) => r.approvedAmount },
    { colId: 'paidAmount', header: f('paidAmount'), type: 'money', value: (r) => r.paidAmount },
    { colId: 'due', header: f('due'), type: 'date', value: (r) => r.due },
    { colId: 'ownerName', header: f('owner'), type: 'text', value: (r) => r.ownerName },
    { colId: 'submittedAt', header: f('submittedAt'), type: 'text', value: (r) => (r.submittedAt ? date(r.submittedAt) : '') },
  ];
}
