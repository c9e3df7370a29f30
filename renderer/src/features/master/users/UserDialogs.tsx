import { ROLES } from '@shared/api/define';
import type { UserRow } from '@shared/api/areas/master';
import { call } from '../../../api/client';
import { useTranslation } from '../../../i18n';
import { Banner } from '../../../ui/Banner';
import { Dialog } from '../../../ui/Dialog';
import { Field, Select, useForm } from '../../../ui/form';
import type { MasterLookups } from '../lookups';
import { UnitPicker } from './UnitPicker';

/** New user with role, language, org units and an initial password. */
export function AddUserDialog({ lk, onClose, onCreated }: { lk: MasterLookups; onClose: () => void; onCreated: (u: UserRow) => void }) {
  const { t } = useTranslation();
  const f = useForm({ username: '', displayName: '', role: 'channel_staff', locale: 'zh-CN', orgUnitIds: [] as number[], password: '' });
  const v = f.values;
  const submit = async () => {
    const u = await f.run(() =>
      call('users.create', { ...v, role: v.role as UserRow['role'], locale: v.locale as UserRow['locale'] }),
    );
    if (u) onCreated(u);
  };
  return (
    <Dialog title={t('master.user.add')} onClose={onClose} onSubmit={() => void submit()} busy={f.busy} wide testId="add-user">
      <div className="form-grid">
        <Field label={t('master.col.username')} error={f.issues.username}>
          <input name="username" value={v.username} aria-invalid={!!f.issues.username} onChange={(e) => f.set('username', e.target.value)} />
        </Field>
        <Field label={t('master.col.displayName')} error={f.issues.displayName}>
          <input name="displayName" value={v.displayName} aria-invalid={!!f.issues.displayName} onChange={(e) => f.set('displayName', e.target.value)} />
        </Field>
        <Field label={t('master.col.role')} error={f.issues.role}>
          <Select name="role" value={v.role} choices={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} onChange={(x) => f.set('role', x)} />
        </Field>
        <Field label={t('master.col.locale')} error={f.issues.locale}>
          <Select name="locale" value={v.locale} choices={(['zh-CN', 'en'] as const).map((l) => ({ value: l, label: t(`master.localeName.${l}`) }))} onChange={(x) => f.set('locale', x)} />
        </Field>
        <Field label={t('master.user.password')} error={f.issues.password} wide>
          <input name="password" type="password" autoComplete="new-password" value={v.password} aria-invalid={!!f.issues.password} onChange={(e) => f.set('password', e.target.value)} />
        </Field>
        <Field label={t('master.col.orgUnits')} error={f.issues.orgUnitIds} wide>
          <UnitPicker units={lk.units} value={v.orgUnitIds} onChange={(ids) => f.set('orgUnitIds', ids)} />
        </Field>
      </div>
      <Banner message={f.message} />
    </Dialog>
  );
}

/** Sets a new password; the user's sessions end. */
export function ResetPasswordDialog({ user, onClose, onDone }: { user: UserRow; onClose: () => void; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const f = useForm({ password: '' });
  const submit = async () => {
    const ok = await f.run(() => call('users.resetPassword', { id: user.id, password: f.values.password }));
    if (ok) onDone(t('master.user.resetDone', { name: user.displayName }));
  };
  return (
    <Dialog title={t('master.user.resetTitle', { name: user.displayName })} onClose={onClose} onSubmit={() => void submit()} busy={f.busy} testId="reset-password">
      <Field label={t('master.user.newPassword')} error={f.issues.password}>
        <input name="password" type="password" autoComplete="new-password" value={f.values.password} onChange={(e) => f.set('password', e.target.value)} />
      </Field>
      <Banner message={f.message} />
    </Dialog>
  );
}

/** The org units a user is assigned to (their scope is those and everything below). */
export function AssignUnitsDialog({ user, lk, onClose, onDone }: { user: UserRow; lk: MasterLookups; onClose: () => void; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const f = useForm({ orgUnitIds: user.orgUnitIds });
  const submit = async () => {
    const ok = await f.run(() => call('users.update', { id: user.id, version: user.version, patch: { orgUnitIds: f.values.orgUnitIds } }));
    if (ok) onDone(t('master.user.assigned', { name: user.displayName }));
  };
  return (
    <Dialog title={t('master.user.assignTitle', { name: user.displayName })} onClose={onClose} onSubmit={() => void submit()} busy={f.busy} testId="assign-units">
      <Field label={t('master.col.orgUnits')} error={f.issues.orgUnitIds}>
        <UnitPicker units={lk.units} value={f.values.orgUnitIds} onChange={(ids) => f.set('orgUnitIds', ids)} />
      </Field>
      <Banner message={f.message} />
    </Dialog>
  );
}
