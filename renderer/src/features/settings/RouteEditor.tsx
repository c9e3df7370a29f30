import { useState } from 'react';
import { ROLES } from '@shared/api/define';
import { APPROVABLE_TYPES, ORG_LEVELS, type ApprovableType, type RouteRow, type RouteStep } from '@shared/api/areas/workflow';
import { formatFenPlain } from '@shared/domain/money';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { errorText, useTranslation } from '../../i18n';
import { Banner, type Message } from '../../ui/Banner';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/form';
import type { BudgetLookups } from '../budgets/lookups';
import { fenOf } from '../requests/draft';

const newStep = (): RouteStep => ({ kind: 'role', name: '', role: 'approver', level: 'own', mode: 'any', slaHours: 48 });

/** Edits a route's conditions and ordered steps; saving makes a new version (documents keep the version they started under). */
export function RouteEditor({ route, lk, onClose, onSaved }: { route: RouteRow | null; lk: BudgetLookups; onClose: () => void; onSaved: (r: RouteRow) => void }) {
  const { t } = useTranslation();
  const users = useApiQuery('users.list', {});
  const [docType, setDocType] = useState<ApprovableType>(route?.docType ?? 'cost_request');
  const [name, setName] = useState(route?.name ?? '');
  const [priority, setPriority] = useState(String(route?.priority ?? 100));
  const [minAmount, setMin] = useState(route?.conditions.minAmount != null ? formatFenPlain(route.conditions.minAmount) : '');
  const [maxAmount, setMax] = useState(route?.conditions.maxAmount != null ? formatFenPlain(route.conditions.maxAmount) : '');
  const [costTypeIds, setCostTypes] = useState<number[]>(route?.conditions.costTypeIds ?? []);
  const [channelTypeIds, setChannelTypes] = useState<number[]>(route?.conditions.channelTypeIds ?? []);
  const [orgUnitId, setOrgUnit] = useState<number | null>(route?.conditions.orgUnitId ?? null);
  const [steps, setSteps] = useState<RouteStep[]>(route?.steps ?? [newStep()]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const r = (k: string) => t(`wf.routes.${k}`);
  const setStep = (i: number, s: RouteStep) => setSteps(steps.map((x, k) => (k === i ? s : x)));
  const move = (i: number, d: number) => {
    const next = [...steps];
    const [s] = next.splice(i, 1);
    next.splice(i + d, 0, s!);
    setSteps(next);
  };
  const money = (s: string) => {
    const v = fenOf(s);
    return typeof v === 'number' ? v : null;
  };
  const toggle = (list: number[], id: number, on: boolean) => (on ? [...list, id] : list.filter((x) => x !== id));

  return (
    <Dialog
      title={route ? t('wf.routes.editTitle', { name: route.name }) : r('addTitle')}
      onClose={onClose}
      submitLabel={r('save')}
      submitDisabled={!name.trim() || steps.length === 0 || steps.some((s) => !s.name.trim())}
      busy={busy}
      wide
      className="route-dialog"
      testId="route-editor"
      onSubmit={() => {
        setBusy(true);
        call('routes.save', {
          ...(route ? { id: route.id } : {}),
          docType,
          name: name.trim(),
          priority: Number(priority) || 0,
          conditions: { minAmount: money(minAmount), maxAmount: money(maxAmount), costTypeIds, channelTypeIds, orgUnitId },
          steps,
        }).then(onSaved, (e: unknown) => {
          setMessage({ kind: 'error', text: errorText(e) });
          setBusy(false);
        });
      }}
    >
      <div className="form-grid">
        <Field label={r('docType')}>
          <select value={docType} disabled={!!route} onChange={(e) => setDocType(e.target.value as ApprovableType)}>
            {APPROVABLE_TYPES.map((k) => (
              <option key={k} value={k}>
                {t(`docs.type.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={r('name')}>
          <input name="name" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label={r('priority')}>
          <input name="priority" className="money-input" value={priority} onChange={(e) => setPriority(e.target.value)} />
        </Field>
        <Field label={r('orgUnit')}>
          <select value={orgUnitId ?? ''} onChange={(e) => setOrgUnit(Number(e.target.value) || null)}>
            <option value="">{r('any')}</option>
            {lk.orgUnits.options.filter((o) => o.active !== false).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label={r('minAmount')}>
          <input name="minAmount" className="money-input" value={minAmount} placeholder={r('any')} onChange={(e) => setMin(e.target.value)} />
        </Field>
        <Field label={r('maxAmount')}>
          <input name="maxAmount" className="money-input" value={maxAmount} placeholder={r('any')} onChange={(e) => setMax(e.target.value)} />
        </Field>
        <Field label={`${r('costTypes')} (${r('any')}: —)`} wide>
          <div className="check-list">
            {lk.costTypes.options.filter((o) => o.active !== false).map((o) => (
              <label key={o.value}>
                <input type="checkbox" checked={costTypeIds.includes(o.value)} onChange={(e) => setCostTypes(toggle(costTypeIds, o.value, e.target.checked))} />
                {o.label}
              </label>
            ))}
          </div>
        </Field>
        <Field label={`${r('channelTypes')} (${r('any')}: —)`} wide>
          <div className="check-list">
            {lk.channelTypes.options.filter((o) => o.active !== false).map((o) => (
              <label key={o.value}>
                <input type="checkbox" checked={channelTypeIds.includes(o.value)} onChange={(e) => setChannelTypes(toggle(channelTypeIds, o.value, e.target.checked))} />
                {o.label}
              </label>
            ))}
          </div>
        </Field>
      </div>
      <h4>{r('steps')}</h4>
      {steps.map((s, i) => (
        <div key={i} className="step-row" data-testid="route-step">
          <Field label={`${i + 1}. ${r('stepName')}`}>
            <input value={s.name} maxLength={60} onChange={(e) => setStep(i, { ...s, name: e.target.value })} />
          </Field>
          <Field label={r('kind')}>
            <select
              value={s.kind}
              onChange={(e) => {
                const k = e.target.value as RouteStep['kind'];
                const base = { name: s.name, mode: s.mode, slaHours: s.slaHours };
                setStep(i, k === 'role' ? { ...base, kind: 'role', role: 'approver', level: 'own' } : k === 'user' ? { ...base, kind: 'user', userId: users.data?.[0]?.id ?? 1 } : { ...base, kind: 'manager' });
              }}
            >
              {(['role', 'user', 'manager'] as const).map((k) => (
                <option key={k} value={k}>
                  {r(`kinds.${k}`)}
                </option>
              ))}
            </select>
          </Field>
          {s.kind === 'role' ? (
            <>
              <Field label={r('role')}>
                <select value={s.role} onChange={(e) => setStep(i, { ...s, role: e.target.value as (typeof ROLES)[number] })}>
                  {ROLES.map((k) => (
                    <option key={k} value={k}>
                      {t(`role.${k}`)}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label={r('level')}>
                <select value={s.level} onChange={(e) => setStep(i, { ...s, level: e.target.value as (typeof ORG_LEVELS)[number] })}>
                  {ORG_LEVELS.map((k) => (
                    <option key={k} value={k}>
                      {r(`levels.${k}`)}
                    </option>
                  ))}
                </select>
              </Field>
            </>
          ) : s.kind === 'user' ? (
            <Field label={r('user')}>
              <select value={s.userId} onChange={(e) => setStep(i, { ...s, userId: Number(e.target.value) })}>
                {(users.data ?? []).filter((u) => u.active).map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.displayName}
                  </option>
                ))}
              </select>
            </Field>
          ) : null}
          <Field label={r('mode')}>
            <select value={s.mode} onChange={(e) => setStep(i, { ...s, mode: e.target.value as 'any' | 'all' })}>
              <option value="any">{r('modes.any')}</option>
              <option value="all">{r('modes.all')}</option>
            </select>
          </Field>
          <Field label={r('sla')}>
            <input className="money-input" value={s.slaHours} onChange={(e) => setStep(i, { ...s, slaHours: Math.max(1, Number(e.target.value) || 1) })} />
          </Field>
          <span className="inline-field">
            <button type="button" disabled={i === 0} onClick={() => move(i, -1)} title={r('up')} aria-label={r('up')}>
              ↑
            </button>
            <button type="button" disabled={i === steps.length - 1} onClick={() => move(i, 1)} title={r('down')} aria-label={r('down')}>
              ↓
            </button>
            <button type="button" disabled={steps.length === 1} onClick={() => setSteps(steps.filter((_, k) => k !== i))}>
              {r('removeStep')}
            </button>
          </span>
        </div>
      ))}
      <div>
        <button type="button" disabled={steps.length >= 10} onClick={() => setSteps([...steps, newStep()])}>
          {r('addStep')}
        </button>
      </div>
      <Banner message={message} />
    </Dialog>
  );
}
