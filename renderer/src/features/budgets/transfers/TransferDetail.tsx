import type { BudgetTransfer } from '@shared/api/areas/budgets';
import { useApiQuery } from '../../../api/hooks';
import { money } from '../../../format';
import { useTranslation } from '../../../i18n';
import { DocProgress } from '../../requests/common/ProgressView';
import { StateBadge } from '../StateBadge';

/**
 * The selected transfer as an approver needs it: from and to (line and month), the amount, and
 * both cells' balances as they are now — and, while the transfer is not yet approved, what each
 * cell's available balance becomes when it is; and its approval route's steps (who decides, who did).
 */
export function TransferDetail(p: { transfer: BudgetTransfer; lineLabel: (id: number) => string }) {
  const { t } = useTranslation();
  const x = p.transfer;
  const pending = x.state !== 'approved' && x.state !== 'rejected' && x.state !== 'cancelled';
  const month = (period: string) => `${period.slice(0, 4)} ${t(`budgets.grid.months.${Number(period.slice(5, 7)) - 1}`)}`;
  return (
    <section className="transfer-detail" data-testid="transfer-detail" aria-label={x.number}>
      <header className="transfer-detail-head">
        <strong>{x.number}</strong> <StateBadge state={x.state} />
        <span className="transfer-amount" data-testid="detail-amount">
          {t('budgets.transfer.amount')}: {money(x.amount)}
        </span>
        <span className="muted">{x.reason}</span>
      </header>
      <div className="transfer-sides">
        <Side testId="detail-from" label={t('budgets.transfer.from')} line={p.lineLabel(x.fromLineId)} month={month(x.fromPeriod)} lineId={x.fromLineId} period={x.fromPeriod} delta={pending ? -x.amount : 0} />
        <Side testId="detail-to" label={t('budgets.transfer.to')} line={p.lineLabel(x.toLineId)} month={month(x.toPeriod)} lineId={x.toLineId} period={x.toPeriod} delta={pending ? x.amount : 0} />
      </div>
      {x.submittedAt !== null && <DocProgress key={`${x.id}:${x.version}`} docType="budget_transfer" docId={x.id} />}
    </section>
  );
}

function Side(p: { testId: string; label: string; line: string; month: string; lineId: number; period: string; delta: number }) {
  const { t } = useTranslation();
  const a = useApiQuery('budgets.checkAvailability', { cell: { lineId: p.lineId, period: p.period }, amount: 0 }).data;
  return (
    <div className="transfer-side" data-testid={p.testId}>
      <div className="muted small">{p.label}</div>
      <div>
        <strong>{p.line}</strong> · {p.month}
      </div>
      {a && (
        <dl className="balances">
          <dt>{t('budgets.bva.measure.allocated')}</dt>
          <dd>{money(a.allocated)}</dd>
          <dt>{t('budgets.bva.measure.committed')}</dt>
          <dd>{money(a.committed)}</dd>
          <dt>{t('budgets.bva.measure.actual')}</dt>
          <dd>{money(a.actual)}</dd>
          <dt>{t('budgets.bva.measure.available')}</dt>
          <dd data-testid="available-now">{money(a.available)}</dd>
          {p.delta !== 0 && (
            <>
              <dt>{t('budgets.transfer.availableAfter')}</dt>
              <dd data-testid="available-after" className={a.available + p.delta < 0 ? 'field-error' : undefined}>
                {money(a.available + p.delta)}
              </dd>
            </>
          )}
        </dl>
      )}
    </div>
  );
}
