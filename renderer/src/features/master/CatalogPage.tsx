import type { ColDef } from 'ag-grid-community';
import { useCallback, useMemo } from 'react';
import type { Output } from '@shared/api/contract';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { useSession } from '../../app/session';
import { DataGrid } from '../../grid';
import { useTranslation } from '../../i18n';
import { useExcelExport } from '../excel/useExcelExport';
import { ActiveToggle } from './ActiveToggle';
import { AddCatalogDialog } from './catalogs/AddCatalogDialog';
import { PageFrame } from './PageFrame';
import { masterPermissions } from './permissions';
import { useListPage } from './useListPage';

/** The API areas of the small catalogues (each serves `<area>.list`, `.create`, `.update`, `.setActive`) and their record kinds. */
interface CatalogKinds {
  channelTypes: 'channelType';
  costTypes: 'costType';
}
export type CatalogArea = keyof CatalogKinds;
/** A catalogue row as `<area>.list` returns it. */
export type CatalogRow<A extends CatalogArea> = Output<`${A}.list`>[number];

export interface CatalogPageProps<A extends CatalogArea> {
  /** the API area (methods `<area>.list` / `.update` / `.setActive`), also the Excel export kind and the title `nav.<area>` */
  area: A;
  /** the add dialog's form (`AddCatalogDialog`) and its label `master.<kind>.add` */
  kind: CatalogKinds[A];
  /** the grid's id: its saved column state and the e2e tests' handle */
  gridId: string;
  /** the grid's columns, in the current language (a module-level function, so its identity is stable) */
  columns: (t: (key: string) => string) => ColDef<CatalogRow<A>>[];
}

/**
 * One small catalogue maintained by administrators (channel types, cost types): the list with
 * show inactive, inline editing, Excel export, the add dialog and deactivate/activate. Each
 * catalogue page declares only its area, form kind, grid id and columns.
 */
export function CatalogPage<A extends CatalogArea>({ area, kind, gridId, columns: columnsFor }: CatalogPageProps<A>) {
  type Row = CatalogRow<A>;
  const { t, i18n } = useTranslation();
  const onExport = useExcelExport(area);
  const admin = masterPermissions(useSession().user.role).admin;
  const page = useListPage<Row, 'add'>([area]);
  // the areas' methods take the same inputs and differ only in the row type they return
  const list = useApiQuery(`${area}.list` as `${CatalogArea}.list`, { includeInactive: page.showInactive });
  const columns = useMemo(() => columnsFor((k) => t(k)), [columnsFor, t]);
  const save = useCallback(
    (row: Row, field: string, value: unknown) =>
      call(`${area}.update` as `${CatalogArea}.update`, { id: row.id, version: row.version, patch: { [field]: value } }) as Promise<Row>,
    [area],
  );
  const name = (r: Row | null) => (r ? (i18n.language === 'zh-CN' ? r.nameZh : r.nameEn) : '');

  return (
    <PageFrame title={t(`nav.${area}`)} readOnly={!admin} message={page.message} onMessageClose={() => page.setMessage(null)}>
      <DataGrid<Row>
        gridId={gridId}
        onExport={onExport}
        columns={columns}
        rows={list.data as Row[] | undefined}
        loading={list.isLoading}
        loadError={list.error}
        readOnly={!admin}
        save={save}
        showInactive={page.showInactive}
        onShowInactive={page.setShowInactive}
        onAdd={admin ? () => page.setDialog('add') : undefined}
        addLabel={t(`master.${kind}.add`)}
        onSelect={page.setSelected}
        actions={
          admin && (
            <ActiveToggle<Row>
              row={page.selected}
              name={name(page.selected)}
              setActive={(r, active) => call(`${area}.setActive` as `${CatalogArea}.setActive`, { id: r.id, version: r.version, active })}
              onDone={page.done}
            />
          )
        }
      />
      {page.dialog === 'add' && <AddCatalogDialog kind={kind} onClose={() => page.setDialog(null)} onCreated={(n) => page.done(t('master.created', { name: n }))} />}
    </PageFrame>
  );
}
