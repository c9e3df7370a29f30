import type { CostRequestRow } from '@shared/api/areas/documents';
import { money } from '../../format';
import { issueText, useTranslation } from '../../i18n';
import { Field } from '../../ui/form';
import type { BudgetLookups } from '../budgets/lookups';
import { PartnerPicker } from '../requests/common/PartnerPicker';
import { DateField } from '../../ui/DateField';

export interface ClaimHead {
  requestId: number | null;
  requestLabel: string;
  partnerId: number | null;
  partnerLabel: string;
  orgUnitId: number | null;
  channelTypeId: number | null;
  costTypeId: number | null;
  title: string;
  description: string;
  activityStart: string;
  activityEnd: string;
}

/**
 * The claim's head: the approved request it settles (partner, unit, types and dates follow it), or
 * — for cost types that need no pre-approval — its own partner, cost type and activity dates.
 */
export function ClaimForm(p: {
  head: ClaimHead;
  set: (patch: Partial<ClaimHead>) => void;
  issues: Record<string, string>;
  lk: BudgetLookups;
  disabled: boolean;
  requests: CostRequestRow[];
  remaining: number | null;
}) {
  const { t } = useTranslation();
  const { head: h, set, lk, disabled } = p;
  const f = (k: string) => t(`docs.field.${k}`);
  const err = (k: string) => (p.issues[k] ? issueText({ path: k, reason: p.issues[k] }) : undefined);
  const standalone = h.requestId === null;
  const free = lk.costTypes.options.filter((o) => !lk.costTypeRows.get(o.value)?.requiresPreapproval && (o.active !== false || o.value === h.costTypeId));
  const choices = p.requests.some((r) => r.id === h.requestId) || h.requestId === null ? p.requests : [...p.requests];
  return (
    <div className="doc-form" data-testid="claim-form">
      <Field label={t('docs.claim.fromRequest')} error={err('requestId')} wide>
        <select
          name="requestId"
          value={h.requestId ?? ''}
          disabled={disabled}
          onChange={(e) => {
            const r = p.requests.find((x) => x.id === Number(e.target.value));
            if (!r) return set({ requestId: null, requestLabel: '' });
            set({
              requestId: r.id,
              requestLabel: `${r.number} ${r.title}`,
              partnerId: r.partnerId,
              partnerLabel: `${r.partnerCode} ${r.partnerName}`,
              orgUnitId: r.orgUnitId,
              channelTypeId: r.channelTypeId,
              costTypeId: r.costTypeId,
              activityStart: r.activityStart,
              activityEnd: r.activityEnd,
              title: h.title || r.title,
            });
          }}
        >
          <option value="">{t('docs.claim.standalone')}</option>
          {h.requestId !== null && !choices.some((r) => r.id === h.requestId) && <option value={h.requestId}>{h.requestLabel}</option>}
          {choices.map((r) => (
            <option key={r.id} value={r.id}>
              {r.number} · {r.title} · {r.partnerName} · {money(r.remaining)}
            </option>
          ))}
        </select>
      </Field>
      {standalone && !disabled && <p className="hint field wide">{t('docs.claim.standaloneHint')}</p>}
      {!standalone && p.remaining !== null && <p className="hint field wide">{t('docs.claim.remainingOf', { amount: money(p.remaining) })}</p>}
      <Field label={f('partner')} error={err('partnerId')} wide>
        <PartnerPicker
          label={h.partnerLabel}
          disabled={disabled || !standalone}
          invalid={!!p.issues.partnerId}
          onPick={(x) => set({ partnerId: x.id, partnerLabel: `${x.code} ${x.name}`, orgUnitId: x.orgUnitId, channelTypeId: x.channelTypeId })}
        />
      </Field>
      <Field label={f('orgUnit')}>
        <input value={lk.orgUnits.label(h.orgUnitId)} disabled readOnly />
      </Field>
      <Field label={f('channelType')}>
        <input value={lk.channelTypes.label(h.channelTypeId)} disabled readOnly />
      </Field>
      <Field label={f('costType')} error={err('costTypeId')}>
        {standalone ? (
          <select name="costTypeId" value={h.costTypeId ?? ''} disabled={disabled} onChange={(e) => set({ costTypeId: Number(e.target.value) || null })}>
            <option value="">—</option>
            {free.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        ) : (
          <input value={lk.costTypes.label(h.costTypeId)} disabled readOnly />
        )}
      </Field>
      <Field label={f('title')} error={err('title')} wide>
        <input name="title" value={h.title} maxLength={100} disabled={disabled} aria-invalid={!!p.issues.title} onChange={(e) => set({ title: e.target.value })} />
      </Field>
      <Field label={f('activityStart')} error={err('activityStart')}>
        <DateField name="activityStart" value={h.activityStart} disabled={disabled || !standalone} onChange={(v) => set({ activityStart: v })} />
      </Field>
      <Field label={f('activityEnd')} error={err('activityEnd')}>
        <DateField name="activityEnd" value={h.activityEnd} disabled={disabled || !standalone} onChange={(v) => set({ activityEnd: v })} />
      </Field>
      <Field label={f('description')} wide>
        <textarea name="description" rows={2} maxLength={2000} value={h.description} disabled={disabled} onChange={(e) => set({ description: e.target.value })} />
      </Field>
    </div>
  );
}
