import { BVA_DIMENSIONS, type BvaDimension } from '@shared/api/areas/budgetTypes';
import { GRANULARITIES, type Granularity } from '@shared/domain/budget';
import { useTranslation } from '../../../i18n';
import type { BudgetLookups } from '../lookups';
import { treeOptions } from '../treeOptions';
import { MEASURES, moveDimension, type Measure } from './bva';

/**
 * What budget vs actual shows: the dimensions in order (chips that move left and right, added
 * from a list), the period granularity (year to date with its last month), filters (an org
 * unit's subtree, a channel type, a cost type) and the figures to show.
 */
export interface BvaQuery {
  dims: BvaDimension[];
  granularity: Granularity;
  throughMonth: number;
  subtreeOf: number | null;
  channelType: number | null;
  costType: number | null;
  measures: Measure[];
  /** only rows that are, or contain, over-budget cells */
  onlyOver: boolean;
}

export function Controls({ q, set, lk }: { q: BvaQuery; set: (q: BvaQuery) => void; lk: BudgetLookups }) {
  const { t } = useTranslation();
  const dimName = (d: BvaDimension) => t(`budgets.bva.dim.${d}`);
  const unused = BVA_DIMENSIONS.filter((d) => !q.dims.includes(d));
  const num = (v: string) => (v ? Number(v) : null);
  return (
    <div className="bva-controls" data-testid="bva-controls">
      <div className="control-group" aria-label={t('budgets.bva.dimensions')}>
        <span className="muted">{t('budgets.bva.dimensions')}</span>
        {q.dims.map((d, i) => (
          <span key={d} className="chip" data-testid={`dim-${d}`}>
            <button type="button" className="chip-btn" disabled={i === 0} title={t('budgets.bva.moveLeft')} aria-label={t('budgets.bva.moveLeft')} onClick={() => set({ ...q, dims: moveDimension(q.dims, d, -1) })}>
              ‹
            </button>
            {dimName(d)}
            <button type="button" className="chip-btn" disabled={i === q.dims.length - 1} title={t('budgets.bva.moveRight')} aria-label={t('budgets.bva.moveRight')} onClick={() => set({ ...q, dims: moveDimension(q.dims, d, 1) })}>
              ›
            </button>
            <button type="button" className="chip-btn" title={t('budgets.bva.removeDimension', { dim: dimName(d) })} aria-label={t('budgets.bva.removeDimension', { dim: dimName(d) })} onClick={() => set({ ...q, dims: q.dims.filter((x) => x !== d) })}>
              ×
            </button>
          </span>
        ))}
        {unused.length > 0 && (
          <select name="addDimension" value="" onChange={(e) => set({ ...q, dims: [...q.dims, e.target.value as BvaDimension] })}>
            <option value="">{t('budgets.bva.addDimension')}</option>
            {unused.map((d) => (
              <option key={d} value={d}>
                {dimName(d)}
              </option>
            ))}
          </select>
        )}
      </div>
      <div className="control-group">
        <span className="muted">{t('budgets.bva.granularity')}</span>
        <select name="granularity" value={q.granularity} onChange={(e) => set({ ...q, granularity: e.target.value as Granularity })}>
          {GRANULARITIES.map((g) => (
            <option key={g} value={g}>
              {t(`budgets.bva.gran.${g}`)}
            </option>
          ))}
        </select>
        {q.granularity === 'ytd' && (
          <label className="inline-field">
            <span className="muted">{t('budgets.bva.through')}</span>
            <select name="throughMonth" value={q.throughMonth} onChange={(e) => set({ ...q, throughMonth: Number(e.target.value) })}>
              {Array.from({ length: 12 }, (_, m) => (
                <option key={m} value={m + 1}>
                  {t(`budgets.grid.months.${m}`)}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <div className="control-group">
        <span className="muted">{t('budgets.bva.filters')}</span>
        <select name="subtreeOf" value={q.subtreeOf ?? ''} onChange={(e) => set({ ...q, subtreeOf: num(e.target.value) })} aria-label={t('budgets.bva.orgScope')}>
          <option value="">{t('budgets.bva.allUnits')}</option>
          {treeOptions(lk.units.filter((u) => lk.scopeUnits.has(u.id)), lk.orgUnits).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <select name="channelType" value={q.channelType ?? ''} onChange={(e) => set({ ...q, channelType: num(e.target.value) })} aria-label={t('budgets.bva.channelTypes')}>
          <option value="">{`${t('budgets.bva.channelTypes')}：${t('budgets.bva.all')}`}</option>
          {lk.channelTypes.choices().map((id) => (
            <option key={id} value={id}>
              {lk.channelTypes.label(id)}
            </option>
          ))}
        </select>
        <select name="costType" value={q.costType ?? ''} onChange={(e) => set({ ...q, costType: num(e.target.value) })} aria-label={t('budgets.bva.costTypes')}>
          <option value="">{`${t('budgets.bva.costTypes')}：${t('budgets.bva.all')}`}</option>
          {lk.costTypes.choices().map((id) => (
            <option key={id} value={id}>
              {lk.costTypes.label(id)}
            </option>
          ))}
        </select>
      </div>
      <div className="control-group">
        <span className="muted">{t('budgets.bva.measures')}</span>
        {MEASURES.map((m) => (
          <label key={m} className="toggle">
            <input
              type="checkbox"
              checked={q.measures.includes(m)}
              onChange={(e) => set({ ...q, measures: e.target.checked ? MEASURES.filter((x) => x === m || q.measures.includes(x)) : q.measures.filter((x) => x !== m) })}
            />
            {t(`budgets.bva.measure.${m}`)}
          </label>
        ))}
        <label className="toggle only-over">
          <input type="checkbox" name="onlyOver" checked={q.onlyOver} onChange={(e) => set({ ...q, onlyOver: e.target.checked })} />
          <span className="status over">{t('budgets.bva.onlyOver')}</span>
        </label>
      </div>
    </div>
  );
}
