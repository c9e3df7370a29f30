import type { ColDef } from 'ag-grid-community';
import { useCallback, useMemo } from 'react';
import { ORG_KINDS, type OrgUnit } from '@shared/api/areas/master';
import { hasEnglishName, localName } from '@shared/i18n/names';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { useSession } from '../../app/session';
import { activeCol, DataGrid, Lookup, refCol, textCol } from '../../grid';
import { useTranslation } from '../../i18n';
import { useExcelExport } from '../excel/useExcelExport';
import { ActiveToggle } from './ActiveToggle';
import { useMasterLookups } from './lookups';
import { AddOrgUnitDialog } from './orgUnits/AddOrgUnitDialog';
import { treeOrder, type TreeUnit } from './orgUnits/tree';
import { PageFrame } from './PageFrame';
import { masterPermissions } from './permissions';
import { useListPage } from './useListPage';

/** The org tree (组织) as an indented list; administrators add child units, rename, deactivate. */
export function OrgUnitsPage() {
  const { t, i18n } = useTranslation();
  const onExport = useExcelExport('orgUnits');
  const { user } = useSession();
  const admin = masterPermissions(user.role).admin;
  const lk = useMasterLookups();
  const page = useListPage<TreeUnit, 'add'>(['orgUnits']);
  const list = useApiQuery('orgUnits.list', { includeInactive: page.showInactive });
  const rows = useMemo(() => treeOrder(list.data ?? []), [list.data]);
  const zh = i18n.language === 'zh-CN';

  const columns = useMemo((): ColDef<TreeUnit>[] => {
    const h = (k: string) => t(`master.col.${k}`);
    const kinds = new Lookup<string>(ORG_KINDS.map((k) => ({ value: k, label: t(`master.orgKind.${k}`) })));
    return [
      textCol<TreeUnit>(zh ? 'nameZh' : 'nameEn', h('name'), {
        colId: 'name',
        flex: 2,
        minWidth: 240,
        lockVisible: true,
        cellStyle: (p) => ({ paddingLeft: `${8 + (p.data?.depth ?? 0) * 20}px`, fontWeight: p.data?.depth === 0 ? 600 : 400 }),
        // English without an English name: the Chinese one, visibly marked (editing sets the English name)
        ...(zh
          ? {}
          : {
              valueFormatter: (p: { data?: TreeUnit }) => (p.data ? localName(p.data, 'en') : ''),
              getQuickFilterText: (p: { data: TreeUnit }) => localName(p.data, 'en'),
              cellClassRules: { 'name-fallback': (p: { data?: TreeUnit }) => !!p.data && !hasEnglishName(p.data.nameZh, p.data.nameEn) },
            }),
      }),
      textCol<TreeUnit>('code', h('code'), { width: 130, cellClass: 'num' }),
      refCol<TreeUnit>('kind', h('kind'), kinds, { width: 110 }),
      textCol<TreeUnit>(zh ? 'nameEn' : 'nameZh', zh ? h('nameEn') : h('nameZh'), { flex: 1, minWidth: 180 }),
      refCol<TreeUnit>('managerUserId', h('manager'), lk.users, { width: 110 }),
      activeCol<TreeUnit>({ active: t('common.active'), inactive: t('common.inactive') }, h('active')),
    ];
  }, [t, zh, lk.users]);

  const save = useCallback(
    (row: TreeUnit, field: string, value: unknown) =>
      call('orgUnits.update', { id: row.id, version: row.version, patch: { [field]: value } }).then((u) => ({ ...u, depth: row.depth })),
    [],
  );
  const name = page.selected ? lk.orgUnits.label(page.selected.id) : '';

  return (
    <PageFrame title={t('nav.orgUnits')} readOnly={!admin} message={page.message} onMessageClose={() => page.setMessage(null)}>
      <DataGrid<TreeUnit>
        gridId="org-units"
        onExport={onExport}
        columns={columns}
        rows={rows}
        loading={list.isLoading}
        loadError={list.error}
        readOnly={!admin}
        save={save}
        showInactive={page.showInactive}
        onShowInactive={page.setShowInactive}
        onSelect={page.setSelected}
        actions={
          admin && (
            <>
              <button type="button" disabled={!page.selected} title={page.selected ? undefined : t('master.orgUnit.selectParent')} onClick={() => page.setDialog('add')}>
                {t('master.orgUnit.addChild')}
              </button>
              <ActiveToggle<OrgUnit>
                row={page.selected}
                name={name}
                setActive={(r, active) => call('orgUnits.setActive', { id: r.id, version: r.version, active })}
                onDone={page.done}
              />
            </>
          )
        }
      />
      {page.dialog === 'add' && page.selected && (
        <AddOrgUnitDialog
          parent={page.selected}
          lk={lk}
          onClose={() => page.setDialog(null)}
          onCreated={(u) => page.done(t('master.created', { name: zh ? u.nameZh : u.nameEn }))}
        />
      )}
    </PageFrame>
  );
}
