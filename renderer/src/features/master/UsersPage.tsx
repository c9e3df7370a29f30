import type { ColDef } from 'ag-grid-community';
import { useCallback, useMemo } from 'react';
import { ROLES } from '@shared/api/define';
import type { UserRow } from '@shared/api/areas/master';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { useSession } from '../../app/session';
import { activeCol, DataGrid, Lookup, refCol, textCol } from '../../grid';
import { useTranslation } from '../../i18n';
import { useExcelExport } from '../excel/useExcelExport';
import { ActiveToggle } from './ActiveToggle';
import { useMasterLookups } from './lookups';
import { PageFrame } from './PageFrame';
import { masterPermissions } from './permissions';
import { useListPage } from './useListPage';
import { AddUserDialog, AssignUnitsDialog, ResetPasswordDialog } from './users/UserDialogs';

/** Users (administrators only): role, language, assigned org units, active; new users; passwords. */
export function UsersPage() {
  const { t } = useTranslation();
  const onExport = useExcelExport('users');
  const admin = masterPermissions(useSession().user.role).admin;
  const lk = useMasterLookups();
  const page = useListPage<UserRow, 'add' | 'reset' | 'assign'>(['users']);
  const list = useApiQuery('users.list', { includeInactive: page.showInactive });
  const columns = useMemo((): ColDef<UserRow>[] => {
    const h = (k: string) => t(`master.col.${k}`);
    const roles = new Lookup<string>(ROLES.map((r) => ({ value: r, label: t(`role.${r}`) })));
    const locales = new Lookup<string>((['zh-CN', 'en'] as const).map((l) => ({ value: l, label: t(`master.localeName.${l}`) })));
    return [
      textCol<UserRow>('username', h('username'), { width: 130, lockVisible: true, editable: false }),
      textCol<UserRow>('displayName', h('displayName'), { width: 130 }),
      refCol<UserRow>('role', h('role'), roles, { width: 110 }),
      refCol<UserRow>('locale', h('locale'), locales, { width: 90 }),
      {
        colId: 'orgUnits',
        headerName: h('orgUnits'),
        headerTooltip: h('orgUnits'),
        flex: 1,
        minWidth: 200,
        editable: false,
        valueGetter: (p) => (p.data?.orgUnitIds ?? []).map((id) => lk.orgUnits.label(id)).join('、'),
        filter: 'agTextColumnFilter',
      },
      activeCol<UserRow>({ active: t('common.active'), inactive: t('common.inactive') }, h('active')),
    ];
  }, [t, lk.orgUnits]);
  const save = useCallback(
    (row: UserRow, field: string, value: unknown) => call('users.update', { id: row.id, version: row.version, patch: { [field]: value } }),
    [],
  );
  const sel = page.selected;

  return (
    <PageFrame title={t('nav.users')} readOnly={!admin} message={page.message} onMessageClose={() => page.setMessage(null)}>
      <DataGrid<UserRow>
        gridId="users"
        onExport={onExport}
        columns={columns}
        rows={list.data}
        loading={list.isLoading || !lk.ready}
        loadError={list.error}
        readOnly={!admin}
        save={save}
        showInactive={page.showInactive}
        onShowInactive={page.setShowInactive}
        onAdd={admin ? () => page.setDialog('add') : undefined}
        addLabel={t('master.user.add')}
        onSelect={page.setSelected}
        actions={
          admin && (
            <>
              <button type="button" disabled={!sel} onClick={() => page.setDialog('assign')}>
                {t('master.user.assign')}
              </button>
              <button type="button" disabled={!sel} onClick={() => page.setDialog('reset')}>
                {t('master.user.resetPassword')}
              </button>
              <ActiveToggle<UserRow>
                row={sel}
                name={sel?.displayName ?? ''}
                setActive={(r, active) => call('users.setActive', { id: r.id, version: r.version, active })}
                onDone={page.done}
              />
            </>
          )
        }
      />
      {page.dialog === 'add' && <AddUserDialog lk={lk} onClose={() => page.setDialog(null)} onCreated={(u) => page.done(t('master.created', { name: u.displayName }))} />}
      {page.dialog === 'reset' && sel && <ResetPasswordDialog user={sel} onClose={() => page.setDialog(null)} onDone={page.done} />}
      {page.dialog === 'assign' && sel && <AssignUnitsDialog user={sel} lk={lk} onClose={() => page.setDialog(null)} onDone={page.done} />}
    </PageFrame>
  );
}
