import { useEffect, useRef, useState } from 'react';
import type { BvaDimension, LedgerEntriesPage, LedgerEntryRow } from '@shared/api/areas/budgets';
import type { Input } from '@shared/api/contract';
import { bucketRange, figuresOf } from '@shared/domain/budget';
import { call } from '../../../api/client';
import { dateTime, localDate, money } from '../../../format';
import { useTranslation } from '../../../i18n';
import { useGridExport } from '../../excel/useGridExport';
import type { BudgetLookups } from '../lookups';
import { budgetErrorText } from '../text';
import { figureOf, kindsOf, type Measure } from './bva';
import { drillReport } from './drillExport';

/**
 * The ledger entries behind one figure of budget vs actual: the row's keys, the bucket's months
 * and the kinds the figure sums, within the same filter; newest first (posting order), 100 at a
 * time. Its total — the core's sums over every entry, not the loaded page — equals the figure
 * clicked. Each entry shows its date, kind, amount, period, the line it is booked on, the source
 * document, who posted it. Export writes all of them to Excel. The pane takes the focus when it
 * opens; Esc (or ×) closes it and the page gives the focus back to the figure's cell.
 */
export interface DrillTarget {
  title: string;
  fiscalYear: number;
  keys: Partial<Record<BvaDimension, number | null>>;
  filter: Input<'budgets.entries'>['filter'];
  bucket: string;
  measure: Measure;
}

export function DrillPane({ target, lk, onClose }: { target: DrillTarget; lk: BudgetLookups; onClose: () => void }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<LedgerEntryRow[]>([]);
  const [page, setPage] = useState<LedgerEntriesPage | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const pane = useRef<HTMLElement>(null);
  const exportGrid = useGridExport(`${t('budgets.drill.title')} ${target.title}`);
  const range = target.bucket === 'total' ? {} : bucketRange(target.bucket);
  const kinds = kindsOf(target.measure);
  const query = { fiscalYear: target.fiscalYear, keys: target.keys, filter: target.filter, ...range, ...(kinds ? { kinds } : {}) };

  const load = async (after: string | null, replace: boolean) => {
    setBusy(true);
    try {
      const next = await call('budgets.entries', { ...query, limit: 100, ...(after ? { cursor: after } : {}) });
      setRows((prev) => (replace ? next.rows : [...prev, ...next.rows]));
      setPage(next);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    setRows([]);
    setPage(null);
    void load(null, true);
    pane.current?.focus();
  }, [target]);

  const figure = page ? figureOf(figuresOf(page.sums), target.measure) : null;
  const figureText = figure === null ? '—' : target.measure === 'execution' ? `${(figure / 100).toFixed(2)}%` : money(figure);
  const docType = (type: string) => t(`budgets.drill.docTypes.${type}`, { defaultValue: type });
  const docOf = (e: LedgerEntryRow) => `${docType(e.sourceType)} ${e.sourceRef || `#${e.sourceId}`}`;
  const lineOf = (e: LedgerEntryRow) =>
    [lk.orgUnits.label(e.orgUnitId), lk.channelTypes.label(e.channelTypeId), lk.costTypes.label(e.costTypeId), e.partnerName ?? ''].filter(Boolean).join(' / ');
  const measureName = t(`budgets.bva.measure.${target.measure}`);
  const totalLabel = t('budgets.drill.totalRow', { measure: measureName });
  const exportAll = async () => {
    try {
      exportGrid(await drillReport(t, query, lineOf, docOf, { label: totalLabel, fen: target.measure === 'execution' ? null : figure }));
    } catch (e) {
      setError(e);
    }
  };

  return (
    <aside
      className="drill-pane"
      data-testid="drill-pane"
      ref={pane}
      tabIndex={-1}
      aria-label={`${t('budgets.drill.title')}: ${target.title}`}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        onClose();
      }}
    >
      <header className="drill-head">
        <div>
          <h3>{t('budgets.drill.title')}</h3>
          <div className="muted small">{target.title}</div>
        </div>
        <button type="button" onClick={onClose} aria-label={t('budgets.drill.close')} title={t('budgets.drill.closeKey')}>
          ×
        </button>
      </header>
      {error !== null && <p className="field-error">{budgetErrorText(error)}</p>}
      <div className="drill-summary">
        <span className="muted small" data-testid="drill-count">
          {page === null ? t('common.loading') : t('budgets.drill.count', { count: page.total })}
        </span>
        <strong data-testid="drill-total">
          {t('budgets.drill.total', { measure: measureName, figure: figureText })}
        </strong>
        <button type="button" onClick={() => void exportAll()} disabled={!page || page.total === 0} data-testid="drill-export">
          {t('action.export')}
        </button>
      </div>
      <div className="drill-list">
        <table className="mini-table">
          <thead>
            <tr>
              <th>{t('budgets.drill.at')}</th>
              <th>{t('budgets.drill.kind')}</th>
              <th className="num">{t('budgets.drill.amount')}</th>
              <th>{t('budgets.drill.period')}</th>
              <th>{t('budgets.drill.line')}</th>
              <th>{t('budgets.drill.source')}</th>
              <th>{t('budgets.drill.user')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr key={e.id} title={e.note || undefined}>
                <td className="num" title={dateTime(e.at)}>
                  {localDate(e.at)}
                </td>
                <td>
                  <span className={`kind kind-${e.kind}`}>{t(`budgets.drill.kinds.${e.kind}`)}</span>
                </td>
                <td className={`num${e.amount < 0 ? ' negative' : ''}`}>{money(e.amount)}</td>
                <td className="num">{e.period}</td>
                <td className="line" data-testid="drill-line">
                  {lineOf(e)}
                </td>
                <td className="source">{docOf(e)}</td>
                <td>{e.userName}</td>
              </tr>
            ))}
            {page?.total === 0 && (
              <tr>
                <td colSpan={7} className="muted">
                  {t('budgets.drill.empty')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {page?.nextCursor && (
        <button type="button" disabled={busy} onClick={() => void load(page.nextCursor, false)}>
          {t('budgets.drill.more')}
        </button>
      )}
    </aside>
  );
}
