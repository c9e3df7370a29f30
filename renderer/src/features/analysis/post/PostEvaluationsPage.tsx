import { keepPreviousData } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { VERDICTS, type Verdict } from '@shared/api/areas/analysisTypes';
import { useApiQuery } from '../../../api/hooks';
import { DataGrid } from '../../../grid';
import { useTranslation } from '../../../i18n';
import { useBudgetLookups } from '../../budgets/lookups';
import '../analysis.css';
import { exportView } from '../exportView';
import { FilterBar } from '../filters/FilterBar';
import { apiFilter, useAnalysisFilter, validRange } from '../filters/filter';
import { describeSlice } from '../filters/slice';
import { postColumns, summaryColumns, verdictText, type PostGridRow, type SummaryGridRow } from './columns';

const LIST_ROWS = 2000;

/**
 * 事后评估: every closed request whose activity ended in the slice — planned vs actual cost,
 * expected vs actual uplift against the chosen baseline, ROI, and the verdict with its reason —
 * summed per manager or org unit above. Choosing a summary row narrows the list to that manager
 * or org unit (choose it again, or "all", to widen it back). The rule is written on the page.
 */
export function PostEvaluationsPage() {
  const { t, i18n } = useTranslation();
  const lk = useBudgetLookups();
  const [f, setF] = useAnalysisFilter();
  const [by, setBy] = useState<'manager' | 'orgUnit'>('manager');
  const [pick, setPick] = useState<{ by: 'manager' | 'orgUnit'; id: number; name: string } | null>(null);
  const [verdict, setVerdict] = useState<Verdict | ''>('');
  const ok = validRange(f);
  const filter = useMemo(() => apiFilter(f), [f]);
  const opts = { enabled: ok, placeholderData: keepPreviousData } as const;
  const summary = useApiQuery('analysis.postEvaluationSummary', { filter, baseline: f.baseline, by }, opts);
  const listInput = useMemo(
    () => ({
      filter: pick?.by === 'orgUnit' ? { ...filter, orgUnitId: pick.id } : filter,
      baseline: f.baseline,
      ...(verdict ? { verdict } : {}),
      ...(pick?.by === 'manager' ? { managerId: pick.id } : {}),
      limit: LIST_ROWS,
      offset: 0,
    }),
    [filter, f.baseline, verdict, pick],
  );
  const list = useApiQuery('analysis.postEvaluations', listInput, opts);
  const zh = i18n.language;
  const sCols = useMemo(() => summaryColumns(t, by), [t, by, zh]);
  const lCols = useMemo(() => postColumns(t), [t, zh]);
  const sRows = useMemo<SummaryGridRow[]>(() => (summary.data ?? []).map((r, i) => ({ ...r, id: r.key.id ?? -(i + 1) })), [summary.data]);
  const lRows = useMemo<PostGridRow[]>(() => (list.data?.rows ?? []).map((r) => ({ ...r, id: r.requestId })), [list.data]);
  const slice = describeSlice(f, lk, t, { baseline: true });
  const title = t('analysisUi.post.title');

  return (
    <div className="page analysis-page" data-testid="post-evaluations">
      <div className="page-head">
        <h2>{title}</h2>
        <span className="muted small">{slice}</span>
        <span className="spacer" />
        <button type="button" onClick={() => exportView('postEvaluations', listInput, `${title} ${slice}`)}>
          {t('action.export')}
        </button>
      </div>
      <FilterBar f={f} set={setF} lk={lk} show={{ grain: false, dimension: false }} />
      <p className="read-only-note" title={t('analysisFormulas.verdict')}>
        <b>{t('analysisUi.post.rule')}：</b>
        {t('analysisFormulas.verdict')}
      </p>
      <section className="summary-grid" data-testid="post-summary">
        <div className="panel-head">
          <div className="tabs" role="tablist" aria-label={t('analysisUi.post.group')}>
            {(['manager', 'orgUnit'] as const).map((k) => (
              <button key={k} type="button" role="tab" aria-selected={by === k} onClick={() => (setBy(k), setPick(null))}>
                {t(k === 'manager' ? 'analysisUi.post.byManager' : 'analysisUi.post.byOrgUnit')}
              </button>
            ))}
          </div>
          <span className="spacer" />
          <div className={summary.isFetching ? 'progress indeterminate' : 'progress idle'} style={{ width: 120 }} />
        </div>
        <DataGrid<SummaryGridRow>
          key={by}
          gridId={`post-summary-${by}`}
          columns={sCols}
          rows={sRows}
          loading={summary.isFetching && !summary.data}
          loadError={summary.error}
          readOnly
          onSelect={(r) => setPick(r && r.key.id !== null ? { by, id: r.key.id, name: r.key.name } : null)}
        />
      </section>
      <div className="panel-head">
        <h3 className="section-title">{t('analysisUi.post.list')}</h3>
        {pick && (
          <span className="chip">
            {pick.name}
            <button type="button" className="chip-btn" aria-label={t('analysisUi.filter.reset')} onClick={() => setPick(null)}>
              ×
            </button>
          </span>
        )}
        <select name="verdict" value={verdict} aria-label={t('analysisUi.post.verdict')} onChange={(e) => setVerdict(e.target.value as Verdict | '')}>
          <option value="">{t('analysisUi.post.all')}</option>
          {VERDICTS.map((v) => (
            <option key={v} value={v}>
              {verdictText(t, v)}
            </option>
          ))}
        </select>
        {list.data && list.data.total > list.data.rows.length && <span className="muted small">{t('analysisUi.dashboard.more', { total: list.data.total, shown: list.data.rows.length })}</span>}
        <span className="spacer" />
        <div className={list.isFetching ? 'progress indeterminate' : 'progress idle'} style={{ width: 120 }} />
      </div>
      <DataGrid<PostGridRow> gridId="post-evaluations" columns={lCols} rows={lRows} loading={list.isFetching && !list.data} loadError={list.error} readOnly fitColumns={false} emptyText={t('analysisUi.post.empty')} />
    </div>
  );
}
