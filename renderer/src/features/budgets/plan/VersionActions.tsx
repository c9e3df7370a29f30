import { useState } from 'react';
import type { BudgetPlan, BudgetVersion } from '@shared/api/areas/budgets';
import { canTransition, type ApprovalAction } from '@shared/domain/approval';
import { DocProgress } from '../../requests/common/ProgressView';
import { useBudgetApproval } from '../useBudgetApproval';
import { call } from '../../../api/client';
import { useSession } from '../../../app/session';
import { useTranslation } from '../../../i18n';
import type { Message } from '../../../ui/Banner';
import { HistoryDialog } from '../HistoryDialog';
import { ReasonDialog } from '../ReasonDialog';

/**
 * What can be done with the selected version: its author submits (and withdraws before the first
 * decision); approve, reject and return (with a reason) are offered to whoever the approval engine
 * says has the version waiting — through the same calls as the approver's queue; cancel a draft,
 * start a revision, compare, history; and the route's steps of a submitted or decided version.
 * Submitting waits until the grid has no unsaved changes.
 */
type Act = ApprovalAction | 'revise' | 'withdraw';

export function VersionActions(p: {
  plan: BudgetPlan;
  version: BudgetVersion;
  pending: number;
  onDone: (text: string, selectId?: number) => void;
  onMessage: (m: Message) => void;
  onCompare: () => void;
}) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [act, setAct] = useState<Act | null>(null);
  const [history, setHistory] = useState(false);
  const finance = user.role === 'finance';
  const v = p.version;
  const label = t('budgets.version.label', { number: v.number });
  const engine = useBudgetApproval('budget_version', v);
  const can = (a: ApprovalAction) => finance && canTransition(v.state, a);
  const open = (a: Act) => () => (a === 'submit' && p.pending > 0 ? p.onMessage({ kind: 'warn', text: t('budgets.act.saveFirst') }) : setAct(a));

  const run = async (a: Act, text: string) => {
    if (a === 'revise') {
      const draft = await call('budgetVersions.revise', { planId: p.plan.id, note: text });
      return p.onDone(t('budgets.act.done.revise', { version: t('budgets.version.label', { number: draft.number }) }), draft.id);
    }
    if (a === 'approve' || a === 'reject' || a === 'return' || a === 'withdraw') await engine.decide(a, text);
    else await call(`budgetVersions.${a}`, { id: v.id, version: v.version, comment: text });
    p.onDone(t(`budgets.act.done.${a}`, { version: label }));
  };

  const dialogProps = (a: Act) => {
    switch (a) {
      case 'submit':
        return { title: t('budgets.act.submit'), text: t('budgets.act.confirmSubmit', { version: label }), label: t('budgets.act.comment') };
      case 'approve':
        return { title: t('budgets.act.approve'), text: t('budgets.act.confirmApprove', { version: label }), label: t('budgets.act.comment') };
      case 'reject':
        return { title: t('budgets.act.rejectTitle', { version: label }), label: t('budgets.act.reason'), required: true, danger: true };
      case 'return':
        return { title: t('budgets.act.returnTitle', { version: label }), label: t('budgets.act.reason'), required: true };
      case 'withdraw':
        return { title: t('budgets.act.withdraw'), text: t('budgets.act.confirmWithdraw', { version: label }), label: t('budgets.act.comment') };
      case 'cancel':
        return { title: t('budgets.act.cancel'), text: t('budgets.act.confirmCancel', { version: label }), label: t('budgets.act.comment'), danger: true };
      case 'revise':
        return { title: t('budgets.act.reviseTitle', { year: p.plan.fiscalYear }), label: t('budgets.act.reviseNote') };
    }
  };

  const button = (a: Act, show: boolean, primary = false) =>
    show && (
      <button type="button" className={primary ? 'primary' : undefined} onClick={open(a)} data-testid={`version-${a}`}>
        {t(`budgets.act.${a}`)}
      </button>
    );

  return (
    <div className="toolbar version-actions" role="toolbar">
      {button('submit', engine.canSubmit, true)}
      {button('approve', engine.canDecide, true)}
      {button('reject', engine.canDecide)}
      {button('return', engine.canDecide)}
      {engine.canDecide && engine.forUser && <span className="muted small">{t('budgets.act.forUser', { name: engine.forUser.name })}</span>}
      {button('withdraw', engine.canWithdraw)}
      {button('cancel', can('cancel'))}
      {button('revise', finance && p.plan.openVersionId === null)}
      <div className="spacer" />
      {p.plan.versions.length > 1 && (
        <button type="button" onClick={p.onCompare} data-testid="open-compare">
          {t('budgets.act.compare')}
        </button>
      )}
      <button type="button" onClick={() => setHistory(true)} data-testid="version-history">
        {t('budgets.act.history')}
      </button>
      {act && (
        <ReasonDialog
          {...dialogProps(act)}
          confirmLabel={t(`budgets.act.${act}`)}
          onConfirm={(text) => run(act, text)}
          onClose={() => setAct(null)}
        />
      )}
      {history && <HistoryDialog documentType="budget_version" documentId={v.id} doc={`${p.plan.fiscalYear} ${label}`} onClose={() => setHistory(false)} />}
      {v.state !== 'draft' && v.state !== 'cancelled' && (
        <details className="version-route" data-testid="version-route" open={v.state === 'submitted'}>
          <summary>{t('docs.progress.title')}</summary>
          <DocProgress key={`${v.id}:${v.version}`} docType="budget_version" docId={v.id} />
        </details>
      )}
    </div>
  );
}
