import { PARTNER_STATUSES, type Partner } from '@shared/api/areas/master';
import { call } from '../../../api/client';
import { useTranslation } from '../../../i18n';
import { Banner } from '../../../ui/Banner';
import { Dialog } from '../../../ui/Dialog';
import { Field, Select, useForm } from '../../../ui/form';
import type { MasterLookups } from '../lookups';

/** New partner: every field with its own message when the core refuses it. */
export function AddPartnerDialog({ lk, ownerId, onClose, onCreated }: { lk: MasterLookups; ownerId: number; onClose: () => void; onCreated: (p: Partner) => void }) {
  const { t } = useTranslation();
  const firstUnit = lk.orgUnits.choices()[0] ?? null;
  const f = useForm({
    code: '',
    name: '',
    channelTypeId: String(lk.channelTypes.choices()[0] ?? ''),
    orgUnitId: String(firstUnit ?? ''),
    ownerUserId: lk.users.has(ownerId) ? String(ownerId) : '',
    starRating: '3',
    contractStart: '',
    contractEnd: '',
    status: 'cooperating',
    contactName: '',
    contactPhone: '',
    bankName: '',
    bankAccount: '',
  });
  const v = f.values;
  const h = (k: string) => t(`master.col.${k}`);
  const opts = (l: typeof lk.users) => l.choices().map((id) => ({ value: id, label: l.label(id) }));
  const text = (k: 'code' | 'name' | 'contactName' | 'contactPhone' | 'bankName' | 'bankAccount' | 'contractStart' | 'contractEnd', type = 'text') => (
    <Field label={h(k)} error={f.issues[k]}>
      <input name={k} type={type} value={v[k]} aria-invalid={!!f.issues[k]} onChange={(e) => f.set(k, e.target.value)} />
    </Field>
  );

  const submit = async () => {
    const created = await f.run(() =>
      call('partners.create', {
        code: v.code,
        name: v.name,
        channelTypeId: Number(v.channelTypeId),
        orgUnitId: Number(v.orgUnitId),
        ownerUserId: v.ownerUserId ? Number(v.ownerUserId) : null,
        starRating: Number(v.starRating),
        contractStart: v.contractStart || null,
        contractEnd: v.contractEnd || null,
        status: v.status as Partner['status'],
        contactName: v.contactName,
        contactPhone: v.contactPhone,
        bankName: v.bankName,
        bankAccount: v.bankAccount,
      }),
    );
    if (created) onCreated(created);
  };

  return (
    <Dialog title={t('master.partner.addTitle')} onClose={onClose} onSubmit={() => void submit()} busy={f.busy} wide testId="add-partner">
      <div className="form-grid">
        {text('code')}
        {text('name')}
        <Field label={h('channelType')} error={f.issues.channelTypeId}>
          <Select name="channelTypeId" value={v.channelTypeId} choices={opts(lk.channelTypes)} onChange={(x) => f.set('channelTypeId', x)} />
        </Field>
        <Field label={h('orgUnit')} error={f.issues.orgUnitId}>
          <Select name="orgUnitId" value={v.orgUnitId} choices={opts(lk.orgUnits)} onChange={(x) => f.set('orgUnitId', x)} />
        </Field>
        <Field label={h('owner')} error={f.issues.ownerUserId}>
          <Select name="ownerUserId" value={v.ownerUserId} choices={opts(lk.users)} empty={t('master.noOwner')} onChange={(x) => f.set('ownerUserId', x)} />
        </Field>
        <Field label={h('starRating')} error={f.issues.starRating}>
          <Select name="starRating" value={v.starRating} choices={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: '★'.repeat(n) }))} onChange={(x) => f.set('starRating', x)} />
        </Field>
        {text('contractStart', 'date')}
        {text('contractEnd', 'date')}
        <Field label={h('status')} error={f.issues.status}>
          <Select name="status" value={v.status} choices={PARTNER_STATUSES.map((s) => ({ value: s, label: t(`master.partnerStatus.${s}`) }))} onChange={(x) => f.set('status', x)} />
        </Field>
        {text('contactName')}
        {text('contactPhone')}
        {text('bankName')}
        {text('bankAccount')}
      </div>
      <Banner message={f.message} />
    </Dialog>
  );
}
