import { useState } from 'react';
import { rowTotals, spreadByWeights, spreadEven } from '@shared/domain/budget';
import { formatFenPlain } from '@shared/domain/money';
import { money } from '../../../format';
import { isInvalid, parseMoneyText } from '../../../grid/parse';
import { issueText, useTranslation } from '../../../i18n';
import { Dialog } from '../../../ui/Dialog';
import { Field } from '../../../ui/form';
import { parseWeights } from './fill';

/**
 * Fill a line's twelve months from an annual amount, evenly or by twelve typed weights, with the
 * shared remainder rule (shared/domain/money.ts `spread`): the months always add up exactly.
 * Applying it is one undoable change of the line's months.
 */
export function FillDialog(p: { line: string; amounts: readonly number[]; onApply: (amounts: number[]) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const [annual, setAnnual] = useState(formatFenPlain(rowTotals(p.amounts).year));
  const [method, setMethod] = useState<'even' | 'weights'>('even');
  const [weights, setWeights] = useState('1,1,1,1,1,1,1,1,1,1,1,1');
  const total = parseMoneyText(annual);
  const w = method === 'weights' ? parseWeights(weights) : null;
  const amountError = isInvalid(total) ? issueText({ path: 'annual', reason: total.reason }) : typeof total === 'number' && total < 0 ? t('v.non_negative') : null;
  const weightError = method === 'weights' && !w ? t('budgets.fill.badWeights') : null;
  const result = !amountError && !weightError && typeof total === 'number' ? (w ? spreadByWeights(total, w) : spreadEven(total)) : null;

  return (
    <Dialog
      title={t('budgets.fill.title', { line: p.line })}
      onClose={p.onClose}
      onSubmit={() => result && p.onApply(result)}
      submitLabel={t('budgets.fill.apply')}
      submitDisabled={!result}
      wide
      testId="fill-dialog"
    >
      <div className="form-grid">
        <Field label={t('budgets.fill.annual')} error={amountError ?? undefined}>
          <input name="annual" value={annual} autoFocus aria-invalid={!!amountError} onChange={(e) => setAnnual(e.target.value)} />
        </Field>
        <Field label={t('budgets.fill.method')}>
          <div className="radio-row">
            {(['even', 'weights'] as const).map((m) => (
              <label key={m}>
                <input type="radio" name="method" value={m} checked={method === m} onChange={() => setMethod(m)} /> {t(`budgets.fill.${m}`)}
              </label>
            ))}
          </div>
        </Field>
        {method === 'weights' && (
          <Field label={t('budgets.fill.weightsHint')} error={weightError ?? undefined} wide>
            <input name="weights" value={weights} aria-invalid={!!weightError} onChange={(e) => setWeights(e.target.value)} />
          </Field>
        )}
      </div>
      <p className="muted small">{t('budgets.fill.rule')}</p>
      {result && (
        <table className="mini-table" data-testid="fill-preview">
          <tbody>
            {[0, 6].map((start) => (
              <tr key={start}>
                {result.slice(start, start + 6).map((a, i) => (
                  <td key={i} className="num">
                    <span className="muted">{t(`budgets.grid.months.${start + i}`)}</span> {money(a)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Dialog>
  );
}
