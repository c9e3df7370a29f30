import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { BudgetPlan, BudgetVersion } from '@shared/api/areas/budgets';
import { EDITABLE_STATES } from '@shared/domain/approval';
import { useApiQuery } from '../../api/hooks';
import { guardLeave } from '../../app/leaveGuard';
import { useSession } from '../../app/session';
import { useTranslation } from '../../i18n';
import { Banner, type Message } from '../../ui/Banner';
import { useBudgetLookups } from './lookups';
import { CreatePlanDialog } from './plan/CreatePlanDialog';
import { useFirstPage, usePlanViews } from './plan/usePlanLoading';
import { VersionActions } from './plan/VersionActions';
import { VersionList } from './plan/VersionList';
import { StateBadge } from './StateBadge';
import { ProposalDialog } from '../results/ProposalDialog';

/**
 * Budget planning (预算编制): a plan per fiscal year, its versions with their states, and the
 * lines of the chosen version in the entry grid — editable while it is a draft (or returned) and
 * the user is in finance. Finance creates next year's plan here; a revision starts a new draft
 * from the version in force; two versions can be compared side by side.
 */

const pickVersion = (plan: BudgetPlan, prefer?: number | null): BudgetVersion | undefined =>
  plan.versions.find((v) => v.id === prefer) ??
  plan.versions.find((v) => v.id === plan.openVersionId) ??
  plan.versions.find((v) => v.id === plan.inForceVersionId) ??
  plan.versions.at(-1);

export function BudgetPlanPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const qc = useQueryClient();
  const lk = useBudgetLookups();
  const plans = useApiQuery('budgetPlans.list', {});
  const [planId, setPlanId] = useState<number | null>(null);
  const [versionId, setVersionId] = useState<number | null>(null);
  const [mode, setMode] = useState<'grid' | 'compare'>('grid');
  const [creating, setCreating] = useState(false);
  const [proposing, setProposing] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const [pending, setPending] = useState(0);
  const finance = user.role === 'finance';
  const views = usePlanViews();

  const list = plans.data ?? [];
  // a plan or version just created is chosen before the list is fetched again: wait for it
  const plan = planId === null ? list[0] : list.find((p) => p.id === planId);
  const version = plan ? pickVersion(plan, versionId) : undefined;
  const firstPage = useFirstPage(user.id, version?.id);
  // a warning or error belongs to the version and its unsaved changes as they were: when the
  // version or its state changes (voided, approved …) or the changes are saved or discarded, it goes
  useEffect(() => setMessage((m) => (m?.kind === 'ok' ? m : null)), [version?.id, version?.state, pending === 0]);

  const refresh = () => qc.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('budget') });
  const choose = (pid: number, vid: number | null) =>
    guardLeave(() => {
      setPlanId(pid);
      setVersionId(vid);
      setMode('grid');
    });
  const nextYear = Math.max(new Date().getFullYear(), ...list.map((p) => p.fiscalYear)) + 1;
  const editable = !!version && finance && EDITABLE_STATES.includes(version.state);

  return (
    <div className="page budget-plan" data-testid="budget-plan">
      <div className="page-head">
        <h2>{t('budgets.plan.title')}</h2>
        {list.length > 0 && (
          <label className="inline-field">
            <span className="muted">{t('budgets.plan.year')}</span>
            <select name="plan" value={plan?.id ?? ''} onChange={(e) => choose(Number(e.target.value), null)} data-testid="plan-select">
              {list.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.fiscalYear} · {p.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {version && (
          <span className="muted">
            {t('budgets.version.label', { number: version.number })} <StateBadge state={version.state} />
            {!editable && <span className="badge">{finance ? t('grid.readOnly') : t('budgets.plan.readOnlyRole')}</span>}
          </span>
        )}
        <div className="spacer" />
        {finance && (
          <button type="button" onClick={() => setCreating(true)} data-testid="create-plan-open">
            {t('budgets.plan.create', { year: nextYear })}
          </button>
        )}
        {finance && (
          <button type="button" onClick={() => setProposing(true)} title={t('results.proposal.ruleTip')} data-testid="plan-open-proposal">
            {t('results.proposal.open')}
          </button>
        )}
      </div>
      <Banner message={message} onClose={() => setMessage(null)} testId="page-message" />
      {plans.error && <Banner message={{ kind: 'error', text: String(plans.error.message) }} />}
      {plans.data && list.length === 0 && (
        <div className="empty-state">
          <strong>{t('budgets.plan.noPlan')}</strong>
          <span className="muted">{t('budgets.plan.noPlanHint')}</span>
        </div>
      )}
      {plan && <VersionList versions={plan.versions} selectedId={version?.id ?? null} lk={lk} onSelect={(v) => choose(plan.id, v.id)} />}
      {plan && version && (
        <VersionActions
          plan={plan}
          version={version}
          pending={pending}
          onMessage={setMessage}
          onCompare={() => guardLeave(() => setMode('compare'))}
          onDone={(text, selectId) => {
            setMessage({ kind: 'ok', text });
            if (selectId) setVersionId(selectId);
            void refresh();
          }}
        />
      )}
      {!views && <div className="muted pad">{t('common.loading')}</div>}
      {views && (
        <>
          {plan && version && lk.ready && mode === 'compare' && <views.CompareView plan={plan} lk={lk} initialB={version.id} onBack={() => setMode('grid')} />}
          {plan && version && lk.ready && firstPage && mode === 'grid' && (
            <views.EntryGrid key={version.id} version={version} editable={editable} lk={lk} onSaved={() => void refresh()} onPending={setPending} />
          )}
        </>
      )}
      {proposing && (
        <ProposalDialog
          onClose={() => setProposing(false)}
          onSaved={(text) => {
            setMessage({ kind: 'ok', text });
            void refresh();
          }}
        />
      )}
      {creating && (
        <CreatePlanDialog
          year={nextYear}
          onClose={() => setCreating(false)}
          onCreated={(p) => {
            setCreating(false);
            setMessage({ kind: 'ok', text: t('budgets.plan.created', { year: p.fiscalYear }) });
            void refresh();
            choose(p.id, p.openVersionId);
          }}
        />
      )}
    </div>
  );
}
