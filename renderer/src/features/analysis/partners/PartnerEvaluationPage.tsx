import { keepPreviousData } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { RANKINGS, type RankingKind } from '@shared/api/areas/analysisTypes';
import { useApiQuery } from '../../../api/hooks';
import { DataGrid } from '../../../grid';
import { useTranslation } from '../../../i18n';
import { useBudgetLookups } from '../../budgets/lookups';
import { treeOptions } from '../../budgets/treeOptions';
import '../analysis.css';
import { exportView } from '../exportView';
import { addMonths, monthOf } from '../filters/filter';
import { MonthPicker } from '../filters/MonthPicker';
import { bucketText } from '../periods';
import { cardColumns, rankingColumns, scoreColumns, type CardGridRow, type RankingGridRow, type ScoreGridRow } from './columns';
import { WeightsPanel } from './WeightsPanel';

type Tab = 'scores' | 'rankings' | 'history';
const TABS: Tab[] = ['scores', 'rankings', 'history'];

/**
 * 渠道评价 (seed 002): the month's partner scores with their components and the weights in force,
 * the four rankings (partners within channel type and within org unit, org units, managers) with
 * the bottom three of each flagged 黄牌, a year of yellow-card history, and the suggested star
 * beside the current one. The month defaults to the last complete one. Each view exports.
 */
export function PartnerEvaluationPage() {
  const { t, i18n } = useTranslation();
  const lk = useBudgetLookups();
  const [month, setMonth] = useState(() => addMonths(monthOf(new Date()), -1));
  const [orgUnitId, setOrgUnitId] = useState<number | null>(null);
  const [channelType, setChannelType] = useState<number | null>(null);
  const [yellowOnly, setYellowOnly] = useState(false);
  const [tab, setTab] = useState<Tab>('scores');
  const [kind, setKind] = useState<RankingKind>('partnerInChannelType');
  const base = useMemo(() => ({ period: month, ...(orgUnitId ? { orgUnitId } : {}), ...(channelType ? { channelTypeIds: [channelType] } : {}) }), [month, orgUnitId, channelType]);
  const opts = { placeholderData: keepPreviousData, enabled: /^\d{4}-\d{2}$/.test(month) } as const;
  const scoresInput = useMemo(() => ({ ...base, yellowOnly, sort: 'score' as const, limit: 2000, offset: 0 }), [base, yellowOnly]);
  const scores = useApiQuery('analysis.scores', scoresInput, opts);
  const rankingInput = useMemo(() => ({ ...base, kind }), [base, kind]);
  const ranking = useApiQuery('analysis.ranking', rankingInput, { ...opts, enabled: opts.enabled && tab === 'rankings' });
  const cardsInput = useMemo(() => ({ from: addMonths(month, -11), to: month, ...(orgUnitId ? { orgUnitId } : {}) }), [month, orgUnitId]);
  const cards = useApiQuery('analysis.yellowCards', cardsInput, { ...opts, enabled: opts.enabled && tab === 'history' });
  const lang = i18n.language;
  const weights = scores.data?.weights;
  const sCols = useMemo(() => scoreColumns(t, weights), [t, weights, lang]);
  const withGroup = kind === 'partnerInChannelType' || kind === 'partnerInOrgUnit';
  const rCols = useMemo(() => rankingColumns(t, withGroup), [t, withGroup, lang]);
  const cCols = useMemo(() => cardColumns(t), [t, lang]);
  const sRows = useMemo<ScoreGridRow[]>(() => (scores.data?.rows ?? []).map((r) => ({ ...r, id: r.partner.id ?? 0 })), [scores.data]);
  const rRows = useMemo<RankingGridRow[]>(() => (ranking.data?.rows ?? []).map((r, i) => ({ ...r, id: i + 1 })), [ranking.data]);
  const cRows = useMemo<CardGridRow[]>(() => (cards.data ?? []).map((r, i) => ({ ...r, id: i + 1 })), [cards.data]);
  const title = t('analysisUi.partner.title');
  const when = bucketText(t, month);
  const fetching = tab === 'scores' ? scores.isFetching : tab === 'rankings' ? ranking.isFetching : cards.isFetching;
  const doExport = () =>
    tab === 'scores'
      ? exportView('scores', scoresInput, `${title} ${when}`)
      : tab === 'rankings'
        ? exportView('rankings', rankingInput, `${title} ${t(`analysisUi.partner.ranking.${kind}`)} ${when}`)
        : exportView('yellowCards', cardsInput, `${t('analysisUi.partner.history')} ${when}`);

  return (
    <div className="page analysis-page" data-testid="partner-evaluation">
      <div className="page-head">
        <h2>{title}</h2>
        <span className="inline-field">
          <span className="muted">{t('analysisUi.partner.month')}</span>
          <MonthPicker name="month" value={month} label={t('analysisUi.partner.month')} onChange={setMonth} />
        </span>
        <select name="orgUnitId" value={orgUnitId ?? ''} aria-label={t('analysisUi.filter.dims.orgUnit')} onChange={(e) => setOrgUnitId(e.target.value ? Number(e.target.value) : null)}>
          <option value="">{t('analysisUi.filter.allUnits')}</option>
          {treeOptions(lk.units.filter((u) => lk.scopeUnits.has(u.id)), lk.orgUnits).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <select name="channelType" value={channelType ?? ''} aria-label={t('analysisUi.filter.dims.channelType')} onChange={(e) => setChannelType(e.target.value ? Number(e.target.value) : null)}>
          <option value="">{t('analysisUi.filter.allChannelTypes')}</option>
          {lk.channelTypes.choices().map((id) => (
            <option key={id} value={id}>
              {lk.channelTypes.label(id)}
            </option>
          ))}
        </select>
        <span className="spacer" />
        <button type="button" onClick={doExport}>
          {t('action.export')}
        </button>
      </div>
      <WeightsPanel weights={weights} month={month} />
      <div className="panel-head">
        <div className="tabs" role="tablist">
          {TABS.map((k) => (
            <button key={k} type="button" role="tab" aria-selected={tab === k} onClick={() => setTab(k)} data-testid={`tab-${k}`}>
              {t(`analysisUi.partner.${k}`)}
            </button>
          ))}
        </div>
        {tab === 'scores' && (
          <label className="toggle">
            <input type="checkbox" name="yellowOnly" checked={yellowOnly} onChange={(e) => setYellowOnly(e.target.checked)} />
            {t('analysisUi.partner.yellowOnly')}
          </label>
        )}
        {tab === 'rankings' && (
          <select name="kind" value={kind} aria-label={t('analysisUi.partner.rankings')} onChange={(e) => setKind(e.target.value as RankingKind)}>
            {RANKINGS.map((k) => (
              <option key={k} value={k}>
                {t(`analysisUi.partner.ranking.${k}`)}
              </option>
            ))}
          </select>
        )}
        <span className="muted small formula-note" title={t('analysisFormulas.yellowCard')}>
          {tab === 'history' ? `${bucketText(t, cardsInput.from)} – ${when}` : t('analysisFormulas.yellowCard')}
        </span>
        <div className={fetching ? 'progress indeterminate' : 'progress idle'} style={{ width: 120 }} />
      </div>
      {tab === 'scores' && (
        <DataGrid<ScoreGridRow> key="scores" gridId="partner-scores" columns={sCols} rows={sRows} loading={scores.isFetching && !scores.data} loadError={scores.error} readOnly fitColumns={false} emptyText={t('analysisUi.partner.noScores')} />
      )}
      {tab === 'rankings' && (
        <DataGrid<RankingGridRow> key={`ranking-${kind}`} gridId={`partner-ranking-${withGroup ? 'grouped' : 'flat'}`} columns={rCols} rows={rRows} loading={ranking.isFetching && !ranking.data} loadError={ranking.error} readOnly fitColumns={false} />
      )}
      {tab === 'history' && (
        <DataGrid<CardGridRow> key="history" gridId="partner-yellow-cards" columns={cCols} rows={cRows} loading={cards.isFetching && !cards.data} loadError={cards.error} readOnly fitColumns={false} emptyText={t('analysisUi.partner.historyEmpty')} />
      )}
    </div>
  );
}
