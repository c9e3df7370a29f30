import { useCallback } from 'react';
import type { PageQuery } from '@shared/api/areas/common';
import type { ExcelTarget } from '@shared/api/areas/excel';
import type { AppLocale } from '@shared/i18n';
import type { ExportHandler } from '../../grid';
import { useTranslation } from '../../i18n';
import { runExport } from './exportJobs';
import { exportColumnKeys } from './columnKeys';
import { useExcelKinds } from './kinds';

/**
 * The export button of a master-data grid: `excel.export` with exactly what the grid shows — the
 * visible columns in their order, and the rows as the grid has them (a paged grid's quick search,
 * filters and sort, which the core runs as the grid's own list call does; a client-side grid's
 * row ids in display order) — with headers in the user's language. Undefined while the kinds are
 * loading or when the role may not export the kind, so the grid offers no button.
 * `target`: for kinds that belong to a parent record (budget lines: `{ versionId }` of the version
 * the grid shows). Rows the grid holds that are not saved yet (negative ids: new budget lines)
 * are not records and are left out.
 */
export function useExcelExport(kind: string, target?: ExcelTarget): ExportHandler | undefined {
  const { i18n } = useTranslation();
  const kinds = useExcelKinds();
  const info = kinds.data?.find((k) => k.kind === kind);
  const locale = i18n.language as AppLocale;

  const handler = useCallback<ExportHandler>(
    (visible, sort, filter, quick, shown) => {
      if (!info) return;
      const query = {
        quick,
        filter: filter as NonNullable<PageQuery['filter']>,
        sort: sort.map(({ colId, sort: dir }) => ({ colId, sort: dir })),
      };
      void runExport(
        {
          kind,
          locale,
          columns: exportColumnKeys(visible, info, locale),
          includeInactive: shown.includeInactive,
          ...(shown.rowIds ? { rowIds: shown.rowIds.filter((id) => id > 0) } : { query }),
          ...(target ? { target } : {}),
        },
        info.label[locale],
        shown.count,
      );
    },
    [info, kind, locale, target],
  );
  return info?.canExport ? handler : undefined;
}
