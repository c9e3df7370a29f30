import { formatFenPlain } from '@shared/domain/money';
import type { BudgetLookups } from '../budgets/lookups';
import { useTranslation, issueText } from '../../i18n';
import { Field } from '../../ui/form';
import { PartnerPicker } from './common/PartnerPicker';
import { fenOf, type RequestDraft } from './draft';
import { DateField } from '../../ui/DateField';

/** On leaving a money field, a valid amount is shown as 10,000.00. */
const tidy = (v: string) => {
  const f = fenOf(v);
  return typeof f === 'number' ? formatFenPlain(f) : v;
};

/** The request's fields: partner (org unit and channel type follow), cost type, activity, amount in ¥, expected benefit. */
export function RequestForm(p: {
  draft: RequestDraft;
  set: (patch: Partial<RequestDraft>) => void;
  issues: Record<string, string>;
  lk: BudgetLookups;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const { draft: d, set, lk, disabled } = p;
  const f = (k: string) => t(`docs.field.${k}`);
  const err = (k: string) => (p.issues[k] ? issueText({ path: k, reason: p.issues[k] }) : undefined);
  const costTypes = lk.costTypes.options.filter((o) => o.active !== false || o.value === d.costTypeId);
  const units = lk.scopeUnits.options.some((o) => o.value === d.orgUnitId) ? lk.scopeUnits.options : [...lk.scopeUnits.options, ...lk.orgUnits.options.filter((o) => o.value === d.orgUnitId)];
  return (
    <div className="doc-form" data-testid="request-form">
      <Field label={f('partner')} error={err('partnerId')} wide>
        <PartnerPicker
          label={d.partnerLabel}
          disabled={disabled}
          invalid={!!p.issues.partnerId}
          onPick={(x) => set({ partnerId: x.id, partnerLabel: `${x.code} ${x.name}`, orgUnitId: x.orgUnitId, channelTypeId: x.channelTypeId })}
        />
      </Field>
      <Field label={f('orgUnit')}>
        <select name="orgUnitId" value={d.orgUnitId ?? ''} disabled={disabled} onChange={(e) => set({ orgUnitId: Number(e.target.value) || null })}>
          <option value="">—</option>
          {units.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </Field>
      <Field label={f('channelType')}>
        <select name="channelTypeId" value={d.channelTypeId ?? ''} disabled={disabled} onChange={(e) => set({ channelTypeId: Number(e.target.value) || null })}>
          <option value="">—</option>
          {lk.channelTypes.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </Field>
      <Field label={f('costType')} error={err('costTypeId')}>
        <select name="costTypeId" value={d.costTypeId ?? ''} disabled={disabled} aria-invalid={!!p.issues.costTypeId} onChange={(e) => set({ costTypeId: Number(e.target.value) || null })}>
          <option value="">—</option>
          {costTypes.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </Field>
      <Field label={f('title')} error={err('title')} wide>
        <input name="title" value={d.title} maxLength={100} disabled={disabled} aria-invalid={!!p.issues.title} onChange={(e) => set({ title: e.target.value })} />
      </Field>
      <Field label={f('activityStart')} error={err('activityStart')}>
        <DateField name="activityStart" value={d.activityStart} disabled={disabled} invalid={!!p.issues.activityStart} onChange={(v) => set({ activityStart: v })} />
      </Field>
      <Field label={f('activityEnd')} error={err('activityEnd')}>
        <DateField name="activityEnd" value={d.activityEnd} disabled={disabled} invalid={!!p.issues.activityEnd} onChange={(v) => set({ activityEnd: v })} />
      </Field>
      <Field label={f('amount')} error={err('amount')}>
        <input name="amount" className="money-input" inputMode="decimal" value={d.amount} disabled={disabled} aria-invalid={!!p.issues.amount} placeholder="0.00" onChange={(e) => set({ amount: e.target.value })} onBlur={(e) => tidy(e.target.value) !== e.target.value && set({ amount: tidy(e.target.value) })} />
      </Field>
      <Field label={f('expectedRevenue')} error={err('expectedRevenue')}>
        <input name="expectedRevenue" className="money-input" inputMode="decimal" value={d.expectedRevenue} disabled={disabled} placeholder="0.00" onChange={(e) => set({ expectedRevenue: e.target.value })} onBlur={(e) => tidy(e.target.value) !== e.target.value && set({ expectedRevenue: tidy(e.target.value) })} />
      </Field>
      <Field label={f('expectedSubscribers')} error={err('expectedSubscribers')}>
        <input name="expectedSubscribers" className="money-input" inputMode="numeric" value={d.expectedSubscribers} disabled={disabled} placeholder="0" onChange={(e) => set({ expectedSubscribers: e.target.value })} />
      </Field>
      <Field label={f('description')} wide>
        <textarea name="description" rows={2} maxLength={2000} value={d.description} disabled={disabled} onChange={(e) => set({ description: e.target.value })} />
      </Field>
    </div>
  );
}

/** What the manager promised the partner (text, amount); it moves with a handover. */
export function PromisesEditor(p: { draft: RequestDraft; set: (patch: Partial<RequestDraft>) => void; issues: Record<string, string>; disabled: boolean }) {
  const { t } = useTranslation();
  const list = p.draft.promises;
  const update = (i: number, patch: Partial<{ text: string; amount: string }>) => p.set({ promises: list.map((x, k) => (k === i ? { ...x, ...patch } : x)) });
  return (
    <section className="panel" data-testid="promises">
      <h3>
        {t('docs.field.promises')}
        <span className="spacer" />
        {!p.disabled && (
          <button type="button" onClick={() => p.set({ promises: [...list, { text: '', amount: '' }] })}>
            {t('docs.request.addPromise')}
          </button>
        )}
      </h3>
      {list.length === 0 && <p className="hint">{t('docs.request.noPromises')}</p>}
      {list.map((x, i) => (
        <div key={i} className="inline-field">
          <input
            name={`promise-${i}-text`}
            style={{ flex: 1 }}
            aria-label={t('docs.field.promiseText')}
            placeholder={t('docs.field.promiseText')}
            value={x.text}
            maxLength={500}
            disabled={p.disabled}
            aria-invalid={!!p.issues[`promises.${i}.text`]}
            onChange={(e) => update(i, { text: e.target.value })}
          />
          <input
            name={`promise-${i}-amount`}
            className="money-input"
            style={{ width: 140 }}
            aria-label={t('docs.field.promiseAmount')}
            placeholder={t('docs.field.promiseAmount')}
            value={x.amount}
            disabled={p.disabled}
            aria-invalid={!!p.issues[`promises.${i}.amount`]}
            onChange={(e) => update(i, { amount: e.target.value })}
          />
          {!p.disabled && (
            <button type="button" onClick={() => p.set({ promises: list.filter((_, k) => k !== i) })}>
              {t('docs.request.removePromise')}
            </button>
          )}
        </div>
      ))}
    </section>
  );
}
