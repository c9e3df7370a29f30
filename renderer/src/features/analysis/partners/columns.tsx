import type { ColDef, ColGroupDef, ICellRendererParams } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import type { PartnerScore, RankingRow, ScoreWeights, YellowCard } from '@shared/api/areas/analysisTypes';
import { moneyCol, numberCol, starsCol, textCol } from '../../../grid';
import { pctBp } from '../format';
import { bucketText } from '../periods';

/**
 * Columns of the partner evaluation: the score with its four components — each header carries
 * the weight in force (收入 40%) and the formula as its tooltip — the inputs behind them, the
 * ranks within channel type and org unit with the yellow card (黄牌) as a labelled badge, and
 * the suggested star beside the current one (↑/↓ when they differ).
 */
export type ScoreGridRow = PartnerScore & { id: number };
export type RankingGridRow = RankingRow & { id: number };
export type CardGridRow = YellowCard & { id: number };

const who = (k: { code: string; name: string } | null) => (k ? [k.code, k.name].filter(Boolean).join(' ') : '');
const two = (p: { value: unknown }) => (typeof p.value === 'number' ? p.value.toFixed(1) : '—');

export function YellowBadge({ t }: { t: TFunction }) {
  return (
    <span className="yellow-card" title={t('analysisUi.partner.yellowHint')}>
      {t('analysisUi.partner.yellow')}
    </span>
  );
}

function RankCell(p: ICellRendererParams<ScoreGridRow> & { t: TFunction; within: 'ChannelType' | 'OrgUnit' }) {
  const d = p.data;
  if (!d) return null;
  const rank = d[`rankIn${p.within}`];
  const of = d[`ofIn${p.within}`];
  return (
    <span>
      {p.t('analysisUi.partner.of', { rank, of })} {d[`yellowIn${p.within}`] && <YellowBadge t={p.t} />}
    </span>
  );
}

function SuggestCell(p: ICellRendererParams<ScoreGridRow> & { t: TFunction }) {
  const d = p.data;
  if (!d) return null;
  const diff = d.suggestedStar - d.currentStar;
  const stars = '★'.repeat(d.suggestedStar);
  return (
    <span className={diff > 0 ? 'star-suggest up' : diff < 0 ? 'star-suggest down' : 'star-suggest'} title={p.t('analysisFormulas.star')}>
      <span className="stars">{stars}</span> {diff > 0 ? `↑ ${p.t('analysisUi.partner.starUp')}` : diff < 0 ? `↓ ${p.t('analysisUi.partner.starDown')}` : ''}
    </span>
  );
}

const SHORT = { revenueScore: 'revenueShort', costRatioScore: 'costRatioShort', timelinessScore: 'timelinessShort', flagsScore: 'flagsShort' } as const;

export function scoreColumns(t: TFunction, w: ScoreWeights | undefined): (ColDef<ScoreGridRow> | ColGroupDef<ScoreGridRow>)[] {
  const h = (k: string) => t(`analysisUi.partner.${k}`);
  const comp = (field: 'revenueScore' | 'costRatioScore' | 'timelinessScore' | 'flagsScore', weight: number | undefined) =>
    numberCol<ScoreGridRow>(field, weight === undefined ? h(SHORT[field]) : `${h(SHORT[field])} ${weight}%`, { width: 136, headerTooltip: `${h(field)}\n${t('analysisFormulas.score')}`, valueFormatter: two });
  return [
    textCol<ScoreGridRow>('partner.name', t('analysisUi.filter.dims.partner'), { colId: 'partner', width: 190, pinned: 'left', valueGetter: (p) => who(p.data?.partner ?? null) }),
    numberCol<ScoreGridRow>('score', h('score'), { width: 80, pinned: 'left', headerTooltip: `${h('score')}\n${t('analysisFormulas.score')}`, valueFormatter: two, cellClass: ['ag-right-aligned-cell', 'num', 'cell-total'] }),
    {
      headerName: h('components'),
      children: [comp('revenueScore', w?.revenue), comp('costRatioScore', w?.costRatio), comp('timelinessScore', w?.timeliness), comp('flagsScore', w?.flags)],
    },
    { colId: 'rankInChannelType', field: 'rankInChannelType', headerName: t('analysisUi.partner.ranking.partnerInChannelType'), headerTooltip: t('analysisFormulas.yellowCard'), width: 140, cellRenderer: RankCell, cellRendererParams: { t, within: 'ChannelType' } },
    { colId: 'rankInOrgUnit', field: 'rankInOrgUnit', headerName: t('analysisUi.partner.ranking.partnerInOrgUnit'), headerTooltip: t('analysisFormulas.yellowCard'), width: 140, cellRenderer: RankCell, cellRendererParams: { t, within: 'OrgUnit' } },
    starsCol<ScoreGridRow>('currentStar', h('currentStar'), { width: 96 }),
    { colId: 'suggestedStar', field: 'suggestedStar', headerName: h('suggestedStar'), headerTooltip: t('analysisFormulas.star'), width: 210, cellRenderer: SuggestCell, cellRendererParams: { t } },
    textCol<ScoreGridRow>('channelType.name', t('analysisUi.filter.dims.channelType'), { colId: 'channelType', width: 100, valueGetter: (p) => p.data?.channelType.name ?? '' }),
    textCol<ScoreGridRow>('orgUnit.name', t('analysisUi.filter.dims.orgUnit'), { colId: 'orgUnit', width: 120, valueGetter: (p) => p.data?.orgUnit.name ?? '' }),
    textCol<ScoreGridRow>('manager.name', t('analysisUi.filter.dims.manager'), { colId: 'manager', width: 90, valueGetter: (p) => p.data?.manager.name ?? '' }),
    moneyCol<ScoreGridRow>('revenue', t('analysisUi.chart.revenueSeries')),
    moneyCol<ScoreGridRow>('actual', t('analysisUi.chart.actual')),
    numberCol<ScoreGridRow>('ratioBp', t('analysisUi.chart.ratioSeries'), { width: 90, valueFormatter: (p) => pctBp(typeof p.value === 'number' ? p.value : null) }),
    textCol<ScoreGridRow>('claimsOnTime', h('claims'), { width: 140, cellClass: 'num', valueGetter: (p) => (p.data ? `${p.data.claimsOnTime} / ${p.data.claimsSubmitted}` : '') }),
    textCol<ScoreGridRow>('duplicateFlags', h('flags'), { width: 150, cellClass: 'num', valueGetter: (p) => (p.data ? `${p.data.duplicateFlags} / ${p.data.rejectedFlags}` : '') }),
  ];
}

function YellowCell(p: ICellRendererParams<RankingGridRow> & { t: TFunction }) {
  return p.data?.yellowCard ? <YellowBadge t={p.t} /> : null;
}

export function rankingColumns(t: TFunction, withGroup: boolean): ColDef<RankingGridRow>[] {
  const h = (k: string) => t(`analysisUi.partner.${k}`);
  return [
    ...(withGroup ? [textCol<RankingGridRow>('group.name', h('group'), { colId: 'group', width: 140, valueGetter: (p) => who(p.data?.group ?? null) })] : []),
    numberCol<RankingGridRow>('rank', h('rank'), { width: 90, valueGetter: (p) => p.data?.rank ?? null, valueFormatter: (p) => (p.data ? t('analysisUi.partner.of', { rank: p.data.rank, of: p.data.of }) : '') }),
    textCol<RankingGridRow>('subject.name', h('subject'), { colId: 'subject', width: 200, valueGetter: (p) => who(p.data?.subject ?? null) }),
    numberCol<RankingGridRow>('score', h('score'), { width: 90, valueFormatter: two, headerTooltip: t('analysisFormulas.ranking') }),
    numberCol<RankingGridRow>('partners', h('partners'), { width: 100 }),
    { colId: 'yellowCard', field: 'yellowCard', headerName: h('yellow'), headerTooltip: t('analysisFormulas.yellowCard'), width: 100, cellRenderer: YellowCell, cellRendererParams: { t }, valueFormatter: (p) => (p.value ? h('yellow') : '') },
  ];
}

export function cardColumns(t: TFunction): ColDef<CardGridRow>[] {
  const h = (k: string) => t(`analysisUi.partner.${k}`);
  return [
    textCol<CardGridRow>('period', h('period'), { width: 110, valueFormatter: (p) => bucketText(t, String(p.value ?? '')) }),
    textCol<CardGridRow>('kind', h('rankings'), { width: 130, valueFormatter: (p) => t(`analysisUi.partner.ranking.${String(p.value)}`) }),
    textCol<CardGridRow>('group.name', h('group'), { colId: 'group', width: 140, valueGetter: (p) => who(p.data?.group ?? null) }),
    textCol<CardGridRow>('subject.name', h('subject'), { colId: 'subject', width: 200, valueGetter: (p) => who(p.data?.subject ?? null) }),
    numberCol<CardGridRow>('score', h('score'), { width: 90, valueFormatter: two }),
    numberCol<CardGridRow>('rank', h('rank'), { width: 90, valueFormatter: (p) => (p.data ? t('analysisUi.partner.of', { rank: p.data.rank, of: p.data.of }) : '') }),
  ];
}
