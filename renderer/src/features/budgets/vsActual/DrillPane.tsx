import { useEffect, useState } from 'react';
import type { BvaDimension, LedgerEntryRow } from '@shared/api/areas/budgets';
import type { Input } from '@shared/api/contract';
import { bucketRange } from '@shared/domain/budget';
import { call } from '../../../api/client';
import { dateTime, money } from '../../../format';
import { useTranslation } from '../../../i18n';
import { budgetErrorText } from '../text';
import { kindsOf, type Measure } from './bva';

/**
 * The ledger entries behind one figure of budget vs actual: the row's keys, the bucket's months
 * and the kinds the figure sums, within the same filter; newest first, 100 at a time. Each entry
 * shows its kind, amount, period, the source document (type and number), who posted it and when.
 */
export interface DrillTarget {
  title: string;
  fiscalYear: number;
  keys: Partial<Record<BvaDimension, number | null>>;
  filter: Input<'budgets.entries'>['filter'];
  bucket: string;
  measure: Measure;
}

export function DrillPane({ target, onClose }: { target: DrillTarget; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [rows, setRows] = useState<LedgerEntryRow[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const load = async (after: string | null, replace: boolean) => {
    setBusy(true);
    try {
      const range = target.bucket === 'total' ? {} : bucketRange(target.bucket);
      const kinds = kindsOf(target.measure);
      const page = await call('budgets.entries', {
        fiscalYear: target.fiscalYear,
        keys: target.keys,
        filter: target.filter,
        ...range,
        ...(kinds ? { kinds } : {}),
        limit: 100,
        ...(after ? { cursor: after } : {}),
      });
      setRows((prev) => (replace ? page.rows : [...prev, ...page.rows]));
      setTotal(page.total);
      setCursor(page.nextCursor);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    setRows([]);
    setTotal(null);
    void load(null, true);
  }, [target]);

  const day = new Intl.DateTimeFormat(i18n.language, { year: 'numeric', month: '2-digit', day: '2-digit' });
  const docType = (type: string) => t(`budgets.drill.docTypes.${type}`, { defaultValue: type });
  return (
    <aside className="drill-pane" data-testid="drill-pane" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <header className="drill-head">
        <div>
          <h3>{t('budgets.drill.title')}</h3>
          <div className="muted small">{target.title}</div>
        </div>
        <button type="button" onClick={onClose} aria-label={t('budgets.drill.close')} title="Esc">
          ×
        </button>
      </header>
      {error !== null && <p className="field-error">{budgetErrorText(error)}</p>}
      <div className="muted small" data-testid="drill-count">
        {total === null ? t('common.loading') : t('budgets.drill.count', { count: total })}
      </div>
      <div className="drill-list">
        <table className="mini-table">
          <thead>
            <tr>
              <th>{t('budgets.drill.at')}</th>
              <th>{t('budgets.drill.kind')}</th>
              <th className="num">{t('budgets.drill.amount')}</th>
              <th>{t('budgets.drill.period')}</th>
              <th>{t('budgets.drill.source')}</th>
              <th>{t('budgets.drill.user')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr key={e.id} title={e.note || undefined}>
                <td className="num" title={dateTime(e.at)}>
                  {day.format(new Date(e.at))}
                </td>
                <td>
                  <span className={`kind kind-${e.kind}`}>{t(`budgets.drill.kinds.${e.kind}`)}</span>
                </td>
                <td className={`num${e.amount < 0 ? ' negative' : ''}`}>{money(e.amount)}</td>
                <td className="num">{e.period}</td>
                <td className="source">
                  <span className="muted">{docType(e.sourceType)}</span> {e.sourceRef || `#${e.sourceId}`}
                </td>
                <td>{e.userName}</td>
              </tr>
            ))}
            {total === 0 && (
              <tr>
                <td colSpan={6} className="muted">
                  {t('budgets.drill.empty')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {cursor && (
        <button type="button" disabled={busy} onClick={() => void load(cursor, false)}>
          {t('budgets.drill.more')}
        </button>
      )}
    </aside>
  );
}
