import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import type { QueueItem } from '@shared/api/areas/workflow';
import { dateTime, money } from '../../format';
import { moneyCol, textCol } from '../../grid';
import { Flags, flagText } from '../requests/common/DocStatus';

type T = (k: string, o?: Record<string, unknown>) => string;
export type QueueRow = QueueItem & { id: number };

export function ageText(t: T, hours: number): string {
  const h = Math.max(0, Math.floor(hours));
  return h >= 24 ? t('wf.queue.ageDays', { d: Math.floor(h / 24), h: h % 24 }) : t('wf.queue.ageHours', { h });
}
const pct = (bp: number | null) => (bp === null ? '' : `${(bp / 100).toFixed(1)}%`);

/** The queue's columns: what to decide, for whom, how much, the budget it leaves, how long it waited. */
export function queueColumns(t: T): ColDef<QueueRow>[] {
  const q = (k: string) => t(`wf.queue.${k}`);
  return [
    textCol<QueueRow>('number', q('number'), { width: 150, cellClass: 'num' }),
    {
      colId: 'docType',
      field: 'docType',
      headerName: q('type'),
      width: 96,
      valueFormatter: (p) => (p.value ? t(`docs.type.${p.value as string}`) : ''),
      getQuickFilterText: (p) => t(`docs.type.${p.value as string}`),
      filter: false,
    },
    moneyCol<QueueRow>('amount', q('amount'), { editable: false, width: 120 }),
    {
      colId: 'impact',
      headerName: q('impact'),
      headerTooltip: q('impact'),
      width: 196,
      cellClass: ['ag-right-aligned-cell', 'num'],
      headerClass: 'ag-right-aligned-header',
      filter: false,
      valueGetter: (p) => p.data?.impact?.availableAfter ?? null,
      valueFormatter: (p) => (p.data?.impact ? t('wf.queue.impactText', { before: money(p.data.impact.availableBefore), after: money(p.data.impact.availableAfter) }) : '—'),
      cellClassRules: { 'cell-over': (p) => !!p.data?.impact && p.data.impact.availableAfter < 0 },
    },
    {
      colId: 'used',
      headerName: q('used'),
      width: 76,
      cellClass: ['ag-right-aligned-cell', 'num'],
      headerClass: 'ag-right-aligned-header',
      filter: false,
      valueGetter: (p) => p.data?.impact?.usedBpAfter ?? null,
      valueFormatter: (p) => pct(p.value as number | null),
      cellClassRules: { 'sla due': (p) => typeof p.value === 'number' && p.value >= 9000 && p.value < 10000, 'sla late': (p) => typeof p.value === 'number' && p.value >= 10000 },
    },
    {
      colId: 'age',
      field: 'ageHours',
      headerName: q('age'),
      width: 156,
      filter: false,
      tooltipValueGetter: (p) => (p.data ? `${dateTime(p.data.createdAt)} → ${dateTime(p.data.dueAt)}` : undefined),
      cellRenderer: (p: ICellRendererParams<QueueRow>) =>
        p.data ? (
          <span className={`sla ${p.data.sla}`} data-sla={p.data.sla}>
            {ageText(t, p.data.ageHours)} · {q(`sla.${p.data.sla}`)}
          </span>
        ) : null,
      getQuickFilterText: (p) => (p.data ? q(`sla.${p.data.sla}`) : ''),
    },
    textCol<QueueRow>('stepName', q('step'), { width: 100 }),
    {
      colId: 'flags',
      headerName: q('flags'),
      width: 200,
      sortable: false,
      filter: false,
      getQuickFilterText: (p) => (p.data ? flagText(t, p.data.flags) : ''),
      cellRenderer: (p: ICellRendererParams<QueueRow>) =>
        p.data ? (
          <Flags
            flags={p.data.flags}
            extra={p.data.forUser ? <span className="flag forUser" data-flag="forUser">{t('wf.queue.forUser', { name: p.data.forUser.name })}</span> : undefined}
          />
        ) : null,
    },
    textCol<QueueRow>('title', t('docs.field.title'), { width: 170, tooltipField: 'title' }),
    { colId: 'requester', headerName: q('requester'), width: 84, valueGetter: (p) => p.data?.requester.name ?? '', filter: false },
    textCol<QueueRow>('orgUnitName', q('orgUnit'), { width: 100 }),
    textCol<QueueRow>('partnerName', q('partner'), { width: 160, tooltipField: 'partnerName' }),
  ];
}
