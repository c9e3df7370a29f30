import { ORG_KINDS, type OrgUnit } from '@shared/api/areas/master';
import { call } from '../../../api/client';
import { useTranslation } from '../../../i18n';
import { Banner } from '../../../ui/Banner';
import { Dialog } from '../../../ui/Dialog';
import { Field, Select, useForm } from '../../../ui/form';
import type { MasterLookups } from '../lookups';

/** A child unit under the selected one; only kinds below the parent's are offered. */
export function AddOrgUnitDialog({ parent, lk, onClose, onCreated }: { parent: OrgUnit; lk: MasterLookups; onClose: () => void; onCreated: (u: OrgUnit) => void }) {
  const { t } = useTranslation();
  const kinds = ORG_KINDS.slice(ORG_KINDS.indexOf(parent.kind) + 1);
  const f = useForm({ code: `${parent.code}-`, nameZh: '', nameEn: '', kind: kinds[0] ?? 'grid', managerUserId: '' });
  const v = f.values;
  const h = (k: string) => t(`master.col.${k}`);
  const text = (k: 'code' | 'nameZh' | 'nameEn') => (
    <Field label={h(k)} error={f.issues[k]}>
      <input name={k} value={v[k]} aria-invalid={!!f.issues[k]} onChange={(e) => f.set(k, e.target.value)} />
    </Field>
  );
  const submit = async () => {
    const u = await f.run(() =>
      call('orgUnits.create', {
        code: v.code,
        nameZh: v.nameZh,
        nameEn: v.nameEn,
        kind: v.kind,
        parentId: parent.id,
        managerUserId: v.managerUserId ? Number(v.managerUserId) : null,
      }),
    );
    if (u) onCreated(u);
  };
  return (
    <Dialog title={t('master.orgUnit.addTitle', { parent: lk.orgUnits.label(parent.id) })} onClose={onClose} onSubmit={() => void submit()} busy={f.busy} testId="add-org-unit">
      <div className="form-grid">
        {text('code')}
        <Field label={h('kind')} error={f.issues.kind}>
          <Select name="kind" value={v.kind} choices={kinds.map((k) => ({ value: k, label: t(`master.orgKind.${k}`) }))} onChange={(x) => f.set('kind', x as typeof v.kind)} />
        </Field>
        {text('nameZh')}
        {text('nameEn')}
        <Field label={h('manager')} error={f.issues.managerUserId}>
          <Select
            name="managerUserId"
            value={v.managerUserId}
            choices={lk.users.choices().map((id) => ({ value: id, label: lk.users.label(id) }))}
            empty={t('master.noOwner')}
            onChange={(x) => f.set('managerUserId', x)}
          />
        </Field>
      </div>
      <Banner message={f.message} />
    </Dialog>
  );
}
