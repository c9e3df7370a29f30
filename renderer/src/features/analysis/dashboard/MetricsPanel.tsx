import type { UseQueryResult } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { MetricsTable } from '@shared/api/areas/analysisTypes';
import type { ApiError } from '@shared/api/errors';
import { DataGrid } from '../../../grid';
import { useTranslation } from '../../../i18n';
import { exportView } from '../exportView';
import type { AnalysisFilter } from '../filters/filter';
import { metricsColumns, type MetricsGridRow } from './metricsColumns';

/**
 * The metrics table of the dashboard: one row per member of the chosen dimension and period
 * bucket, the slice's totals per bucket under it (pinned when few, else at the end), formulas on
 * the headers. The export button writes every row through analysis.export (the same input).
 */
/** a member with anything to read: cost, revenue or a budget (members with only zeros are hidden by default) */
const hasFigures = (r: MetricsGridRow) => r.actual !== 0 || r.committed !== 0 || !!r.revenue || !!r.allocated;

export function MetricsPanel({ f, query, input, slice }: { f: AnalysisFilter; query: UseQueryResult<MetricsTable, ApiError>; input: object; slice: string }) {
  const { t, i18n } = useTranslation();
  const data = query.data;
  const columns = useMemo(() => metricsColumns(t, f.dimension, f.baseline), [t, f.dimension, f.baseline, i18n.language]);
  const [onlyFigures, setOnlyFigures] = useState(true);
  const { rows, pinned } = useMemo(() => {
    const body: MetricsGridRow[] = (data?.rows ?? []).map((r, i) => ({ ...r, id: i + 1 })).filter((r) => !onlyFigures || hasFigures(r));
    const totals: MetricsGridRow[] = (data?.totals ?? []).map((r, i) => ({ ...r, id: -(i + 1), total: true }));
    return totals.length <= 3 ? { rows: body, pinned: totals } : { rows: [...body, ...totals], pinned: [] };
  }, [data, onlyFigures]);
  const title = `${t('analysisUi.dashboard.metrics')} · ${t(`analysisUi.filter.dims.${f.dimension}`)}`;
  return (
    <section className="an-panel metrics-panel" data-testid="analysis-metrics">
      <div className="panel-head">
        <h3>{title}</h3>
        <span className="muted small">{slice}</span>
        <span className="spacer" />
        <label className="toggle">
          <input type="checkbox" name="onlyFigures" checked={onlyFigures} onChange={(e) => setOnlyFigures(e.target.checked)} />
          {t('analysisUi.dashboard.onlyFigures')}
        </label>
        {data && data.total > data.rows.length && <span className="muted small">{t('analysisUi.dashboard.more', { total: data.total, shown: data.rows.length })}</span>}
      </div>
      <div className={query.isFetching ? 'progress indeterminate' : 'progress idle'} />
      <DataGrid<MetricsGridRow>
        key={`${f.dimension}`}
        gridId="analysis-metrics"
        columns={columns}
        rows={rows}
        loading={query.isFetching && !data}
        loadError={query.error}
        readOnly
        fitColumns={false}
        pinnedBottomRows={pinned.length ? pinned : undefined}
        onExportShown={() => exportView('metrics', input as Record<string, unknown>, `${title} ${slice}`)}
      />
    </section>
  );
}
