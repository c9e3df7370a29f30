import type { BudgetPreview } from '@shared/api/areas/documents';
import { money } from '../../../format';
import { errorText, useTranslation } from '../../../i18n';

const pct = (bp: number) => `${(bp / 100).toFixed(1)}%`;

/**
 * The budget line a document draws on: allocated / committed / actual / available, what this
 * document would leave, and the control rule's verdict (ok / warn / block) in colour and words.
 * No line: the key that is missing, so the user knows what to ask finance for.
 */
export function BudgetBox({ preview, amount, loading, error, idle }: { preview?: BudgetPreview | null; amount: number; loading?: boolean; error?: unknown; idle?: boolean }) {
  const { t } = useTranslation();
  const head = <h3>{t('docs.budget.title')}</h3>;
  if (idle)
    return (
      <section className="panel budget-box" data-testid="budget-box">
        {head}
        <p className="hint">{t('docs.budget.fill')}</p>
      </section>
    );
  if (error)
    return (
      <section className="panel budget-box block" data-testid="budget-box">
        {head}
        <p className="field-error">{errorText(error)}</p>
      </section>
    );
  if (!preview)
    return (
      <section className="panel budget-box" data-testid="budget-box">
        {head}
        <p className="hint">{loading ? t('docs.budget.loading') : t('docs.budget.fill')}</p>
      </section>
    );
  if (!preview.line) {
    const m = preview.missing;
    return (
      <section className="panel budget-box block" data-testid="budget-box" data-result="missing">
        {head}
        <p className="budget-result block" data-testid="budget-missing">
          {m ? t('docs.budget.missing', { unit: m.orgUnitName, channel: m.channelTypeName, cost: m.costTypeName, periods: m.periods.join(', ') }) : t('docs.budget.fill')}
        </p>
      </section>
    );
  }
  const line = preview.line;
  const usedBp = preview.allocated > 0 ? Math.round(((preview.allocated - preview.availableAfter) * 10000) / preview.allocated) : null;
  return (
    <section className={`panel budget-box ${preview.result}`} data-testid="budget-box" data-result={preview.result}>
      {head}
      <div className="hint">
        {t('docs.budget.line', { unit: line.orgUnitName, control: t(`docs.budget.control.${line.control}`), tolerance: pct(line.toleranceBp) })}
        {line.partnerId !== null ? ` · ${t('docs.budget.partnerLine')}` : ''}
        {preview.months.length > 0 ? ` · ${preview.months[0]!.period}${preview.months.length > 1 ? ` – ${preview.months.at(-1)!.period}` : ''}` : ''}
      </div>
      <dl className="figures">
        <dt>{t('docs.budget.allocated')}</dt>
        <dd data-testid="bb-allocated">{money(preview.allocated)}</dd>
        <dt>{t('docs.budget.committed')}</dt>
        <dd data-testid="bb-committed">{money(preview.committed)}</dd>
        <dt>{t('docs.budget.actual')}</dt>
        <dd data-testid="bb-actual">{money(preview.actual)}</dd>
        <dt>{t('docs.budget.available')}</dt>
        <dd className="strong" data-testid="bb-available">
          {money(preview.available)}
        </dd>
        <dt>{t('docs.budget.amount')}</dt>
        <dd>{money(amount)}</dd>
        <dt>{t('docs.budget.after')}</dt>
        <dd className={preview.availableAfter < 0 ? 'neg' : 'strong'} data-testid="bb-after">
          {money(preview.availableAfter)}
        </dd>
      </dl>
      {usedBp !== null && (
        <div title={t('docs.budget.used', { pct: pct(usedBp) })}>
          <div className={`usebar ${preview.result === 'ok' && usedBp >= 9000 ? 'warn' : preview.result}`}>
            <span style={{ width: `${Math.min(100, Math.max(0, usedBp / 100))}%` }} />
          </div>
          <span className="hint">{t('docs.budget.used', { pct: pct(usedBp) })}</span>
        </div>
      )}
      <div className={`budget-result ${preview.result}`} data-testid="budget-result">
        {t(`docs.budget.result.${preview.result}`)}
      </div>
      {preview.months.length > 1 && (
        <table className="mini-table">
          <thead>
            <tr>
              <th>{t('docs.budget.period')}</th>
              <th className="num">{t('docs.budget.amount')}</th>
              <th className="num">{t('docs.budget.available')}</th>
              <th className="num">{t('docs.budget.after')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.months.map((m) => (
              <tr key={m.period}>
                <td>
                  <span className={`budget-result ${m.result}`}>●</span> {m.period}
                </td>
                <td className="num">{money(m.amount)}</td>
                <td className="num">{money(m.available)}</td>
                <td className="num">{money(m.availableAfter)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
