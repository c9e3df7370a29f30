import type { ColDef } from 'ag-grid-community';
import { useMemo } from 'react';
import type { ImportLogEntry, KindInfo } from '@shared/api/areas/excel';
import type { AppLocale } from '@shared/i18n';
import { useApiQuery } from '../../api/hooks';
import { dateTimeCol, DataGrid, Lookup, numberCol, refCol, textCol } from '../../grid';
import { useTranslation } from '../../i18n';

/**
 * Recent imports (administrators see everyone's, others their own): when, what, which file, by
 * whom, with what result. `kind`: only that kind's (the wizard opened for one kind).
 */
export function ImportHistory({ kinds, kind }: { kinds: KindInfo[]; kind?: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as AppLocale;
  const list = useApiQuery('excel.imports', { limit: 200, ...(kind ? { kind } : {}) });
  const columns = useMemo((): ColDef<ImportLogEntry>[] => {
    const h = (k: string) => t(`excel.h.${k}`);
    const c = (k: string) => t(`excel.counts.${k}`);
    const kindLabels = new Lookup<string>(kinds.map((k) => ({ value: k.kind, label: k.label[locale] })));
    const modes = new Lookup<string>((['all_or_nothing', 'skip_rejected'] as const).map((m) => ({ value: m, label: t(`excel.modeShort.${m}`) })));
    const count = (field: 'totalRows' | 'created' | 'updated' | 'unchanged' | 'rejected', header: string) =>
      numberCol<ImportLogEntry>(field, header, { width: 96 });
    return [
      dateTimeCol<ImportLogEntry>('at', h('at'), { width: 140, sort: 'desc' }),
      refCol<ImportLogEntry>('kind', h('kind'), kindLabels, { width: 120 }),
      textCol<ImportLogEntry>('fileName', h('file'), {
        flex: 1,
        minWidth: 200,
        tooltipValueGetter: (p) => (p.data ? `${p.data.fileName}\n${h('sha')}: ${p.data.sha256}` : ''),
      }),
      textCol<ImportLogEntry>('username', h('user'), { width: 100 }),
      refCol<ImportLogEntry>('mode', h('mode'), modes, { width: 120 }),
      count('totalRows', h('total')),
      count('created', c('create')),
      count('updated', c('update')),
      count('unchanged', c('unchanged')),
      count('rejected', c('rejected')),
    ];
  }, [t, kinds, locale]);

  return (
    <section className="xl-section xl-history" data-testid="import-history">
      <h3>{t('excel.history')}</h3>
      <DataGrid<ImportLogEntry> gridId="import-history" columns={columns} rows={list.data} loading={list.isLoading} loadError={list.error} readOnly />
    </section>
  );
}
