import type { ColDef } from 'ag-grid-community';
import { useCallback, useMemo } from 'react';
import { CONTROL_MODES, type CostType } from '@shared/api/areas/master';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { useSession } from '../../app/session';
import { activeCol, DataGrid, Lookup, moneyCol, percentBpCol, refCol, textCol } from '../../grid';
import { useTranslation } from '../../i18n';
import { useExcelExport } from '../excel/useExcelExport';
import { ActiveToggle } from './ActiveToggle';
import { AddCatalogDialog } from './catalogs/AddCatalogDialog';
import { PageFrame } from './PageFrame';
import { masterPermissions } from './permissions';
import { useListPage } from './useListPage';

/**
 * Cost types (费用类型): what money is for, whether a pre-approval is needed, from which amount a
 * receipt is required, and the budget control new budget lines start with.
 */
export function CostTypesPage() {
  const { t, i18n } = useTranslation();
  const onExport = useExcelExport('costTypes');
  const admin = masterPermissions(useSession().user.role).admin;
  const page = useListPage<CostType, 'add'>(['costTypes']);
  const list = useApiQuery('costTypes.list', { includeInactive: page.showInactive });
  const columns = useMemo((): ColDef<CostType>[] => {
    const h = (k: string) => t(`master.col.${k}`);
    const yesNo = new Lookup<boolean>([
      { value: true, label: t('master.yesNo.yes') },
      { value: false, label: t('master.yesNo.no') },
    ]);
    const control = new Lookup<string>(CONTROL_MODES.map((c) => ({ value: c, label: t(`master.control.${c}`) })));
    return [
      textCol<CostType>('code', h('code'), { width: 130, lockVisible: true, cellClass: 'num' }),
      textCol<CostType>('nameZh', h('nameZh'), { flex: 1, minWidth: 130 }),
      textCol<CostType>('nameEn', h('nameEn'), { flex: 1, minWidth: 150 }),
      refCol<CostType>('requiresPreapproval', h('requiresPreapproval'), yesNo, { width: 110 }),
      moneyCol<CostType>('receiptThresholdFen', h('receiptThreshold'), { width: 130 }),
      refCol<CostType>('defaultControl', h('defaultControl'), control, { width: 110 }),
      percentBpCol<CostType>('defaultToleranceBp', h('defaultTolerance'), { width: 130 }),
      activeCol<CostType>({ active: t('common.active'), inactive: t('common.inactive') }, h('active')),
    ];
  }, [t]);
  const save = useCallback(
    (row: CostType, field: string, value: unknown) => call('costTypes.update', { id: row.id, version: row.version, patch: { [field]: value } }),
    [],
  );
  const name = (r: CostType | null) => (r ? (i18n.language === 'zh-CN' ? r.nameZh : r.nameEn) : '');

  return (
    <PageFrame title={t('nav.costTypes')} readOnly={!admin} message={page.message} onMessageClose={() => page.setMessage(null)}>
      <DataGrid<CostType>
        gridId="cost-types"
        onExport={onExport}
        columns={columns}
        rows={list.data}
        loading={list.isLoading}
        loadError={list.error}
        readOnly={!admin}
        save={save}
        showInactive={page.showInactive}
        onShowInactive={page.setShowInactive}
        onAdd={admin ? () => page.setDialog('add') : undefined}
        addLabel={t('master.costType.add')}
        onSelect={page.setSelected}
        actions={
          admin && (
            <ActiveToggle<CostType>
              row={page.selected}
              name={name(page.selected)}
              setActive={(r, active) => call('costTypes.setActive', { id: r.id, version: r.version, active })}
              onDone={page.done}
            />
          )
        }
      />
      {page.dialog === 'add' && (
        <AddCatalogDialog kind="costType" onClose={() => page.setDialog(null)} onCreated={(n) => page.done(t('master.created', { name: n }))} />
      )}
    </PageFrame>
  );
}
