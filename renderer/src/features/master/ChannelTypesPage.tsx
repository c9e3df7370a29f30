import type { ColDef } from 'ag-grid-community';
import { useCallback, useMemo } from 'react';
import type { ChannelType } from '@shared/api/areas/master';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { useSession } from '../../app/session';
import { activeCol, DataGrid, textCol } from '../../grid';
import { useTranslation } from '../../i18n';
import { useExcelExport } from '../excel/useExcelExport';
import { ActiveToggle } from './ActiveToggle';
import { AddCatalogDialog } from './catalogs/AddCatalogDialog';
import { PageFrame } from './PageFrame';
import { masterPermissions } from './permissions';
import { useListPage } from './useListPage';

/** Channel types (渠道类型): how partners sell. Administrators maintain them. */
export function ChannelTypesPage() {
  const { t, i18n } = useTranslation();
  const onExport = useExcelExport('channelTypes');
  const admin = masterPermissions(useSession().user.role).admin;
  const page = useListPage<ChannelType, 'add'>(['channelTypes']);
  const list = useApiQuery('channelTypes.list', { includeInactive: page.showInactive });
  const columns = useMemo((): ColDef<ChannelType>[] => {
    const h = (k: string) => t(`master.col.${k}`);
    return [
      textCol<ChannelType>('code', h('code'), { width: 150, lockVisible: true, cellClass: 'num' }),
      textCol<ChannelType>('nameZh', h('nameZh'), { flex: 1, minWidth: 160 }),
      textCol<ChannelType>('nameEn', h('nameEn'), { flex: 1, minWidth: 160 }),
      activeCol<ChannelType>({ active: t('common.active'), inactive: t('common.inactive') }, h('active')),
    ];
  }, [t]);
  const save = useCallback(
    (row: ChannelType, field: string, value: unknown) => call('channelTypes.update', { id: row.id, version: row.version, patch: { [field]: value } }),
    [],
  );
  const name = (r: ChannelType | null) => (r ? (i18n.language === 'zh-CN' ? r.nameZh : r.nameEn) : '');

  return (
    <PageFrame title={t('nav.channelTypes')} readOnly={!admin} message={page.message} onMessageClose={() => page.setMessage(null)}>
      <DataGrid<ChannelType>
        gridId="channel-types"
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
        addLabel={t('master.channelType.add')}
        onSelect={page.setSelected}
        actions={
          admin && (
            <ActiveToggle<ChannelType>
              row={page.selected}
              name={name(page.selected)}
              setActive={(r, active) => call('channelTypes.setActive', { id: r.id, version: r.version, active })}
              onDone={page.done}
            />
          )
        }
      />
      {page.dialog === 'add' && (
        <AddCatalogDialog kind="channelType" onClose={() => page.setDialog(null)} onCreated={(n) => page.done(t('master.created', { name: n }))} />
      )}
    </PageFrame>
  );
}
