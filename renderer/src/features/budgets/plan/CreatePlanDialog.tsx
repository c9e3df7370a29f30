import type { BudgetPlan } from '@shared/api/areas/budgets';
import { call } from '../../../api/client';
import { useTranslation } from '../../../i18n';
import { Banner } from '../../../ui/Banner';
import { Dialog } from '../../../ui/Dialog';
import { Field, useForm } from '../../../ui/form';

/** A plan for a fiscal year (finance): the core creates it with an empty draft v1. */
export function CreatePlanDialog(p: { year: number; onCreated: (plan: BudgetPlan) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useForm({ fiscalYear: String(p.year), name: t('budgets.plan.defaultName', { year: p.year }) });
  const submit = async () => {
    const plan = await f.run(() => call('budgetPlans.create', { fiscalYear: Number(f.values.fiscalYear), name: f.values.name }));
    if (plan) p.onCreated(plan);
  };
  return (
    <Dialog title={t('budgets.plan.createTitle')} onClose={p.onClose} onSubmit={() => void submit()} busy={f.busy} testId="create-plan">
      <Field label={t('budgets.plan.fiscalYear')} error={f.issues.fiscalYear}>
        <input
          name="fiscalYear"
          type="number"
          min={2000}
          max={2100}
          value={f.values.fiscalYear}
          aria-invalid={!!f.issues.fiscalYear}
          onChange={(e) => {
            f.set('fiscalYear', e.target.value);
            f.set('name', t('budgets.plan.defaultName', { year: e.target.value }));
          }}
        />
      </Field>
      <Field label={t('budgets.plan.name')} error={f.issues.name}>
        <input name="name" value={f.values.name} aria-invalid={!!f.issues.name} onChange={(e) => f.set('name', e.target.value)} />
      </Field>
      <Banner message={f.message} />
    </Dialog>
  );
}
