import { ANALYSIS_DIMENSIONS, ANALYSIS_GRAINS, BASELINES } from '@shared/api/areas/analysisTypes';
import { useTranslation } from '../../../i18n';
import type { BudgetLookups } from '../../budgets/lookups';
import { treeOptions } from '../../budgets/treeOptions';
import { PartnerPicker } from '../../requests/common/PartnerPicker';
import '../../requests/common/docs.css';
import { MonthPicker } from './MonthPicker';
import { defaultFilter, PRESETS, presetRange, validRange, type AnalysisFilter, type Preset } from './filter';

/**
 * The analysis filter bar, one dense row like budget vs actual's controls: period (a quick
 * period, from, to, grain), the metrics table's dimension, filters (org unit subtree, channel
 * type, cost type, partner) and the baseline. Every control is a native input — Tab moves
 * through them, arrows change a select, the month fields take typing. Pages hide the controls
 * that do not apply to them.
 */
export interface FilterBarShow {
  grain?: boolean;
  dimension?: boolean;
  baseline?: boolean;
  costType?: boolean;
  partner?: boolean;
}

export function FilterBar({ f, set, lk, show = {} }: { f: AnalysisFilter; set: (f: AnalysisFilter) => void; lk: BudgetLookups; show?: FilterBarShow }) {
  const { t } = useTranslation();
  const on = (k: keyof FilterBarShow) => show[k] !== false;
  const num = (v: string) => (v ? Number(v) : null);
  const label = (k: string) => t(`analysisUi.filter.${k}`);
  const bad = !validRange(f);
  return (
    <div className="bva-controls analysis-filter" data-testid="analysis-filter" role="group" aria-label={label('filters')}>
      <div className="control-group">
        <span className="muted">{label('period')}</span>
        <select
          name="preset"
          value=""
          aria-label={label('preset')}
          onChange={(e) => e.target.value && set({ ...f, ...presetRange(e.target.value as Preset, new Date()) })}
        >
          <option value="">{label('preset')}</option>
          {PRESETS.map((p) => (
            <option key={p} value={p}>
              {label(`preset${p[0]!.toUpperCase()}${p.slice(1)}`)}
            </option>
          ))}
        </select>
        <MonthPicker name="from" value={f.from} label={label('from')} invalid={bad} onChange={(v) => set({ ...f, from: v })} />
        <span className="muted">–</span>
        <MonthPicker name="to" value={f.to} label={label('to')} invalid={bad} onChange={(v) => set({ ...f, to: v })} />
        {on('grain') && (
          <select name="grain" value={f.grain} aria-label={label('grain')} onChange={(e) => set({ ...f, grain: e.target.value as AnalysisFilter['grain'] })}>
            {ANALYSIS_GRAINS.map((g) => (
              <option key={g} value={g}>
                {t(`analysisUi.filter.grains.${g}`)}
              </option>
            ))}
          </select>
        )}
        {bad && <span className="field-error">{label('badRange')}</span>}
      </div>
      {on('dimension') && (
        <div className="control-group">
          <span className="muted">{label('dimension')}</span>
          <select name="dimension" value={f.dimension} aria-label={label('dimension')} onChange={(e) => set({ ...f, dimension: e.target.value as AnalysisFilter['dimension'] })}>
            {ANALYSIS_DIMENSIONS.map((d) => (
              <option key={d} value={d}>
                {t(`analysisUi.filter.dims.${d}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="control-group">
        <span className="muted">{label('filters')}</span>
        <select name="subtreeOf" value={f.subtreeOf ?? ''} aria-label={t('analysisUi.filter.dims.orgUnit')} onChange={(e) => set({ ...f, subtreeOf: num(e.target.value) })}>
          <option value="">{label('allUnits')}</option>
          {treeOptions(lk.units.filter((u) => lk.scopeUnits.has(u.id)), lk.orgUnits).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <select name="channelType" value={f.channelType ?? ''} aria-label={t('analysisUi.filter.dims.channelType')} onChange={(e) => set({ ...f, channelType: num(e.target.value) })}>
          <option value="">{label('allChannelTypes')}</option>
          {lk.channelTypes.choices().map((id) => (
            <option key={id} value={id}>
              {lk.channelTypes.label(id)}
            </option>
          ))}
        </select>
        {on('costType') && (
          <select name="costType" value={f.costType ?? ''} aria-label={t('analysisUi.filter.dims.costType')} onChange={(e) => set({ ...f, costType: num(e.target.value) })}>
            <option value="">{label('allCostTypes')}</option>
            {lk.costTypes.choices().map((id) => (
              <option key={id} value={id}>
                {lk.costTypes.label(id)}
              </option>
            ))}
          </select>
        )}
        {on('partner') && (
          <span className="inline-field partner-filter" title={label('partner')}>
            <PartnerPicker label={f.partner?.label ?? ''} placeholder={label('partnerSearch')} onPick={(p) => set({ ...f, partner: { id: p.id, label: `${p.code} ${p.name}` } })} />
            {f.partner && (
              <button type="button" className="chip-btn" aria-label={label('clearPartner')} title={label('clearPartner')} onClick={() => set({ ...f, partner: null })}>
                ×
              </button>
            )}
          </span>
        )}
      </div>
      {on('baseline') && (
        <div className="control-group" title={label('baselineHint')}>
          <span className="muted">{label('baseline')}</span>
          <select name="baseline" value={f.baseline} aria-label={label('baseline')} onChange={(e) => set({ ...f, baseline: e.target.value as AnalysisFilter['baseline'] })}>
            {BASELINES.map((b) => (
              <option key={b} value={b}>
                {t(`analysisUi.filter.baselines.${b}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      <button type="button" className="small-btn" onClick={() => set(defaultFilter())}>
        {label('reset')}
      </button>
    </div>
  );
}
