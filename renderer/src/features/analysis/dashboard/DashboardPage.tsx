import { useMemo, useState } from 'react';
import { TOP_MEASURES, type TopMeasure } from '@shared/api/areas/analysisTypes';
import { useTranslation } from '../../../i18n';
import { useBudgetLookups } from '../../budgets/lookups';
import { Chart } from '../chart/Chart';
import { bvaOption } from '../charts/bva';
import { scatterOption } from '../charts/scatter';
import { topBottomOption } from '../charts/topBottom';
import { trendOption } from '../charts/trend';
import { exportView } from '../exportView';
import { FilterBar } from '../filters/FilterBar';
import { useAnalysisFilter } from '../filters/filter';
import { describeSlice } from '../filters/slice';
import { fullMoney } from '../format';
import '../analysis.css';
import { MetricsPanel } from './MetricsPanel';
import { useDashboard } from './useDashboard';

/**
 * 费用效益分析: what the money bought, for the slice of the filter bar — the monthly trend of cost,
 * revenue and cost ratio; cost vs revenue per partner in quadrants; budget vs actual; the best and
 * worst members of the chosen dimension; and the metrics table with each formula on its header.
 * Every panel follows the filter bar, saves as PNG and exports its figures to Excel.
 */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const lk = useBudgetLookups();
  const [f, setF] = useAnalysisFilter();
  const [measure, setMeasure] = useState<TopMeasure>('revenue');
  const q = useDashboard(f, measure);
  const slice = describeSlice(f, lk, t);
  const ctx = useMemo(() => ({ t, lang }), [t, lang]);
  const c = (k: string, o?: Record<string, unknown>) => t(`analysisUi.chart.${k}`, o);

  const trend = q.trend.data;
  const trendEmpty = !trend || trend.every((p) => p.actual === 0 && p.committed === 0 && p.revenue === 0);
  const trendOpt = useMemo(() => (trend ? trendOption(trend, ctx) : null), [trend, ctx]);
  const sc = q.scatter.data;
  const scatterOpt = useMemo(() => (sc ? scatterOption(sc, ctx) : null), [sc, ctx]);
  const bva = q.bva.data;
  const bvaEmpty = !bva || bva.every((p) => p.allocated === 0 && p.actual === 0 && p.committed === 0);
  const bvaOpt = useMemo(() => (bva ? bvaOption(bva, ctx) : null), [bva, ctx]);
  const tb = q.topBottom.data;
  const tbOpt = useMemo(() => (tb ? topBottomOption(tb, measure, ctx) : null), [tb, measure, ctx]);
  const noRevenue = !!trend && !trendEmpty && trend.every((p) => p.revenue === 0);
  const excel = (view: Parameters<typeof exportView>[0], input: object, title: string) => (
    <button type="button" className="small-btn" onClick={() => exportView(view, input as Record<string, unknown>, `${title} ${slice}`)} title={t('analysisUi.dashboard.exportView', { view: title })}>
      Excel
    </button>
  );

  return (
    <div className="page analysis-page" data-testid="analysis-dashboard">
      <div className="page-head">
        <h2>{t('analysisUi.dashboard.title')}</h2>
        <span className="muted small">{slice}</span>
      </div>
      <FilterBar f={f} set={setF} lk={lk} />
      <div className="analysis-body">
        <div className="chart-grid">
          <Chart
            id="trend"
            className="wide trend"
            title={c('trend')}
            subtitle={slice}
            option={trendOpt}
            empty={trendEmpty}
            loading={q.trend.isFetching}
            error={q.trend.error}
            actions={excel('trend', q.inputs.trend, c('trend'))}
            warn={noRevenue ? c('noRevenue') : undefined}
          />
          <Chart
            id="scatter"
            className="tall"
            title={c('scatter')}
            subtitle={slice}
            option={scatterOpt}
            empty={!sc || sc.points.length === 0}
            loading={q.scatter.isFetching}
            error={q.scatter.error}
            actions={excel('scatter', q.inputs.scatter, c('scatter'))}
            note={sc && sc.points.length > 0 ? c(sc.points.length < sc.total ? 'quadrantNote' : 'quadrantNoteAll', { total: sc.total, shown: sc.points.length, actual: fullMoney(sc.medianActual), revenue: fullMoney(sc.medianRevenue) }) : undefined}
          />
          <Chart
            id="bva"
            className="tall"
            title={c('bva')}
            subtitle={slice}
            option={bvaOpt}
            empty={bvaEmpty}
            loading={q.bva.isFetching}
            error={q.bva.error}
            actions={excel('budgetVsActual', q.inputs.trend, c('bva'))}
          />
          <Chart
            id="top-bottom"
            className="wide tall"
            title={c('topBottom', { measure: c(`measures.${measure}`) })}
            subtitle={`${t(`analysisUi.filter.dims.${f.dimension}`)} · ${slice}`}
            option={tbOpt}
            empty={!tb || [...tb.top, ...tb.bottom].every((r) => r.value === null || r.value === 0)}
            emptyText={c('noFigures', { measure: c(`measures.${measure}`) })}
            loading={q.topBottom.isFetching}
            error={q.topBottom.error}
            actions={
              <>
                <select name="measure" value={measure} aria-label={t('analysisUi.chart.measure')} onChange={(e) => setMeasure(e.target.value as TopMeasure)}>
                  {TOP_MEASURES.map((m) => (
                    <option key={m} value={m}>
                      {c(`measures.${m}`)}
                    </option>
                  ))}
                </select>
                {excel('topBottom', q.inputs.topBottom, c('topBottom', { measure: c(`measures.${measure}`) }))}
              </>
            }
          />
        </div>
        <MetricsPanel f={f} query={q.metrics} input={q.inputs.metrics} slice={slice} />
      </div>
    </div>
  );
}
