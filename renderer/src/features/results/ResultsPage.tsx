import { useQueryClient } from '@tanstack/react-query';
import type { ColDef } from 'ag-grid-community';
import { useCallback, useMemo, useState } from 'react';
import type { ResultRow } from '@shared/api/areas/results';
import type { AppLocale } from '@shared/i18n';
import { localName } from '@shared/i18n/names';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { useSession } from '../../app/session';
import { dateTimeCol, DataGrid, moneyCol, numberCol, textCol } from '../../grid';
import { useTranslation } from '../../i18n';
import type { Message } from '../../ui/Banner';
import { ImportDialog } from '../excel/ImportDialog';
import { runExport } from '../excel/exportJobs';
import { PageFrame } from '../master/PageFrame';
import { ProposalDialog } from './ProposalDialog';

/**
 * Results (经营结果): sales actuals per partner × month in a dense grid — filters for the month
 * range, org unit (and below) and partner; totals over every matching row (the core's sums, pinned
 * under the grid); inline edit for finance and administrators (saved with the row's version: a
 * stale row is reloaded with the message); import through the import dialog (kind `results`);
 * export of what the filters select through excel.export. An empty margin is "not known".
 * Finance opens the next budget proposal from here.
 */
type Row = ResultRow & { id: number };
const LIMIT = 5000;
const rowId = (r: ResultRow) => r.partnerId * 1_000_000 + Number(r.period.replace('-', ''));

export function ResultsPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as AppLocale;
  const { user } = useSession();
  const qc = useQueryClient();
  const canWrite = user.role === 'finance' || user.role === 'admin';
  // this calendar year by default (fiscal years are calendar years)
  const [from, setFrom] = useState(() => `${new Date().getFullYear()}-01`);
  const [to, setTo] = useState(() => `${new Date().getFullYear()}-12`);
  const [orgUnitId, setOrgUnitId] = useState<number | null>(null);
  const [partner, setPartner] = useState('');
  const [dialog, setDialog] = useState<'import' | 'proposal' | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const query = { from: from || undefined, to: to || undefined, orgUnitId: orgUnitId ?? undefined, partner, limit: LIMIT };
  const list = useApiQuery('results.list', query);
  const units = useApiQuery('orgUnits.list', { includeInactive: false });
  const rows = useMemo<Row[]>(() => (list.data?.rows ?? []).map((r) => ({ ...r, id: rowId(r) })), [list.data]);
  const totals = list.data?.totals;
  const pinned = useMemo<Row[]>(
    () =>
      totals
        ? [
            {
              id: -1, partnerId: 0, partnerCode: t('results.totalsOf', { rows: totals.rows, count: totals.rows }), partnerName: '', orgUnitId: 0, orgUnitCode: '', orgUnitZh: '', orgUnitEn: '',
              period: '', revenue: totals.revenue, grossMargin: totals.grossMargin, newSubscribers: totals.newSubscribers, updatedAt: '', version: 0,
            },
          ]
        : [],
    [totals, t],
  );

  const columns = useMemo<ColDef<Row>[]>(() => {
    const h = (k: string) => t(`results.col.${k}`);
    const notTotals = { editable: (p: { node: { rowPinned?: string | null } }) => !p.node.rowPinned };
    return [
      textCol<Row>('partnerCode', h('partner'), {
        width: 230, pinned: 'left', editable: false,
        valueGetter: (p) => (p.data ? (p.data.partnerName ? `${p.data.partnerCode} ${p.data.partnerName}` : p.data.partnerCode) : ''),
      }),
      textCol<Row>('orgUnitCode', h('orgUnit'), {
        width: 150, editable: false,
        valueGetter: (p) => (p.data?.orgUnitCode ? `${p.data.orgUnitCode} ${localName({ nameZh: p.data.orgUnitZh, nameEn: p.data.orgUnitEn }, locale)}` : ''),
      }),
      textCol<Row>('period', h('period'), { width: 90, editable: false, cellClass: 'num' }),
      moneyCol<Row>('revenue', h('revenue'), { width: 150, ...notTotals }),
      moneyCol<Row>('grossMargin', h('grossMargin'), { width: 140, headerTooltip: t('results.marginTip'), ...notTotals }),
      numberCol<Row>('newSubscribers', h('newSubscribers'), { width: 110, ...notTotals }),
      dateTimeCol<Row>('updatedAt', h('updatedAt'), { width: 140, editable: false }),
    ];
  }, [t, locale]);

  const save = useCallback(
    async (row: Row, field: string, value: unknown): Promise<Row> => {
      const next = { partnerId: row.partnerId, period: row.period, revenue: row.revenue, grossMargin: row.grossMargin, newSubscribers: row.newSubscribers, [field]: value };
      if (field !== 'grossMargin' && (value === null || value === undefined)) next[field as 'revenue'] = 0;
      const res = await call('results.save', { rows: [{ ...next, version: row.version }] });
      void qc.invalidateQueries({ queryKey: ['results.list'] });
      const saved = res.rows[0]!;
      return { ...saved, id: rowId(saved) };
    },
    [qc],
  );
  const reloadRow = useCallback(
    async (row: Row): Promise<Row> => {
      const page = await call('results.list', { from: row.period, to: row.period, partner: row.partnerCode, limit: 10 });
      const r = page.rows.find((x) => x.partnerId === row.partnerId) ?? row;
      return { ...r, id: rowId(r) };
    },
    [],
  );
  const onExport = () =>
    void runExport(
      {
        kind: 'results',
        locale,
        includeInactive: true,
        query: {
          quick: partner,
          filter: {
            ...(from ? { from: { filterType: 'text', type: 'equals', filter: from } } : {}),
            ...(to ? { to: { filterType: 'text', type: 'equals', filter: to } } : {}),
            ...(orgUnitId ? { orgUnitId: { filterType: 'set', values: [orgUnitId] } } : {}),
          },
          sort: [],
        },
      },
      t('results.title'),
      totals?.rows ?? null,
    );

  return (
    <PageFrame title={t('results.title')} readOnly={!canWrite} who={t('results.who')} message={message} onMessageClose={() => setMessage(null)}>
      <div className="toolbar results-filters" data-testid="results-filters">
        <label>
          {t('results.filter.from')} <input type="month" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="results-from" />
        </label>
        <label>
          {t('results.filter.to')} <input type="month" value={to} onChange={(e) => setTo(e.target.value)} data-testid="results-to" />
        </label>
        <label>
          {t('results.filter.orgUnit')}{' '}
          <select value={orgUnitId ?? ''} onChange={(e) => setOrgUnitId(e.target.value ? Number(e.target.value) : null)} data-testid="results-unit">
            <option value="">{t('results.filter.allUnits')}</option>
            {(units.data ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {'\u00a0'.repeat(Math.max(0, u.pathIds.length - 1) * 2)}
                {u.code} {localName(u, locale)}
              </option>
            ))}
          </select>
        </label>
        <input type="search" placeholder={t('results.filter.partner')} value={partner} onChange={(e) => setPartner(e.target.value)} data-testid="results-partner" />
        <span className="spacer" />
        {canWrite && (
          <button type="button" onClick={() => setDialog('import')} data-testid="results-import">
            {t('results.import')}
          </button>
        )}
        <button type="button" onClick={onExport} data-testid="results-export">
          {t('results.export')}
        </button>
        {user.role === 'finance' && (
          <button type="button" onClick={() => setDialog('proposal')} data-testid="open-proposal">
            {t('results.proposal.open')}
          </button>
        )}
      </div>
      {totals && totals.rows > rows.length && <p className="hint">{t('results.capped', { shown: rows.length, rows: totals.rows })}</p>}
      <p className="hint" data-testid="results-totals">
        {totals ? `${t('results.totalsOf', { rows: totals.rows, count: totals.rows })} · ${t('results.marginKnown', { rows: totals.marginKnownRows, count: totals.marginKnownRows })}` : ''}
      </p>
      <DataGrid<Row>
        gridId="results"
        columns={columns}
        rows={rows}
        loading={list.isLoading}
        loadError={list.error}
        readOnly={!canWrite}
        save={save}
        reloadRow={reloadRow}
        pinnedBottomRows={pinned}
        fitColumns={false}
      />
      {dialog === 'import' && (
        <ImportDialog
          title={t('results.importTitle')}
          kind="results"
          onCommitted={(r) => {
            setMessage({ kind: 'ok', text: t('results.imported', { created: r.counts.create, updated: r.counts.update }) });
            void qc.invalidateQueries({ queryKey: ['results.list'] });
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'proposal' && <ProposalDialog onClose={() => setDialog(null)} onSaved={(text) => setMessage({ kind: 'ok', text })} />}
    </PageFrame>
  );
}
