import type { ColDef } from 'ag-grid-community';
import { useMemo, useState } from 'react';
import type { DryRunReport, KindInfo, PlannedChange } from '@shared/api/areas/excel';
import type { AppLocale } from '@shared/i18n';
import { useApiQuery } from '../../api/hooks';
import { DataGrid, Lookup, numberCol, statusCol, textCol } from '../../grid';
import { useTranslation } from '../../i18n';
import { changesText } from './display';

type Op = PlannedChange['op'];
type ChangeRow = PlannedChange & { id: number; text: string };

const SHOWN = 5000;
const grouped = new Intl.NumberFormat('en-US');
const OPS: Op[] = ['update', 'create', 'unchanged'];

/**
 * What the dry run will write, one list per action (update, create, unchanged): the row of the
 * file, the record's code and name and, for updates, each changed field before → after; for
 * creates, the values written.
 */
export function ChangesGrid({ report, kind }: { report: DryRunReport; kind: KindInfo | undefined }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as AppLocale;
  const [op, setOp] = useState<Op>(() => OPS.find((o) => report.counts[o] > 0) ?? 'update');
  const list = useApiQuery('excel.changes', { jobId: report.jobId, op, limit: SHOWN }, { enabled: report.counts[op] > 0 });

  const colsByKey = useMemo(() => new Map((kind?.columns ?? []).map((c) => [c.key, c])), [kind]);
  const rows = useMemo<ChangeRow[]>(
    () => (list.data?.rows ?? []).map((c, i) => ({ ...c, id: i + 1, text: changesText(t, (k) => i18n.exists(k), colsByKey, locale, c.changes, c.op) })),
    [list.data, t, i18n, colsByKey, locale],
  );
  const columns = useMemo((): ColDef<ChangeRow>[] => {
    const h = (k: string) => t(`excel.col.${k}`);
    const opLabels = new Lookup<string>(OPS.map((o) => ({ value: o, label: t(`excel.op.${o}`) })));
    const keyHeader = kind?.columns.find((c) => c.key === 'code' || c.key === 'username')?.header[locale] ?? h('key');
    return [
      numberCol<ChangeRow>('row', h('row'), { width: 84, valueFormatter: (p) => (p.value ? String(p.value) : '') }),
      statusCol<ChangeRow>('op', h('op'), opLabels, { width: 90 }),
      textCol<ChangeRow>('key', keyHeader, { width: 130, cellClass: 'num' }),
      textCol<ChangeRow>('name', h('name'), { width: 180, tooltipField: 'name' }),
      textCol<ChangeRow>('text', h('changes'), { flex: 1, minWidth: 320, tooltipField: 'text' }),
    ];
  }, [t, kind, locale]);

  return (
    <section className="xl-section" data-testid="changes">
      <div className="xl-section-head">
        <h3>{t('excel.changesTitle')}</h3>
        <div className="xl-tabs" role="tablist">
          {OPS.map((o) => (
            <button
              key={o}
              type="button"
              role="tab"
              aria-selected={op === o}
              className={op === o ? 'on' : ''}
              disabled={report.counts[o] === 0}
              onClick={() => setOp(o)}
              data-testid={`changes-${o}`}
            >
              {t(`excel.op.${o}`)} {report.counts[o].toLocaleString('en-US')}
            </button>
          ))}
        </div>
      </div>
      {list.data && list.data.total > list.data.rows.length && (
        <div className="muted small">{t('excel.moreChanges', { shown: grouped.format(list.data.rows.length), total: grouped.format(list.data.total) })}</div>
      )}
      {report.counts.create + report.counts.update + report.counts.unchanged === 0 ? (
        <div className="muted">{t('excel.noChanges')}</div>
      ) : (
        <DataGrid<ChangeRow> key={op} gridId={`import-changes-${op}`} columns={columns} rows={rows} loading={list.isLoading} loadError={list.error} readOnly />
      )}
    </section>
  );
}
