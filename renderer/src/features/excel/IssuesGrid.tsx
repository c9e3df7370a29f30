import type { ColDef } from 'ag-grid-community';
import { useEffect, useMemo, useState } from 'react';
import type { DryRunReport, RowIssue } from '@shared/api/areas/excel';
import { call } from '../../api/client';
import { DataGrid, numberCol, textCol } from '../../grid';
import { useTranslation } from '../../i18n';
import { reasonText } from './display';

type IssueRow = RowIssue & { id: number; reasonText: string };

/** A few issues take a few rows' height (title, toolbar, header, rows); many take at most half the report (CSS). */
const fitHeight = (rows: number) => 110 + Math.max(rows, 3) * 28;

/** As many issues as the screen is for; the rest are in the downloadable error report. */
const MAX_SHOWN = 5000;

/**
 * Every rejected row of a dry run: row number as the spreadsheet shows it, the column's header
 * in the file, the value found and the reason in the user's language.
 */
export function IssuesGrid({ report }: { report: DryRunReport }) {
  const { t, i18n } = useTranslation();
  const [issues, setIssues] = useState<RowIssue[]>(report.issues);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    setIssues(report.issues);
    if (report.issueCount <= report.issues.length) return;
    let live = true;
    call('excel.issues', { jobId: report.jobId, offset: 0, limit: MAX_SHOWN }).then(
      (r) => live && setIssues(r.rows),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [report]);

  const rows = useMemo<IssueRow[]>(
    () => issues.map((x, i) => ({ ...x, id: i + 1, reasonText: reasonText(t, (k) => i18n.exists(k), x) })),
    [issues, t, i18n],
  );
  const columns = useMemo((): ColDef<IssueRow>[] => {
    const h = (k: string) => t(`excel.col.${k}`);
    return [
      numberCol<IssueRow>('row', h('row'), { width: 84, valueFormatter: (p) => (p.value ? String(p.value) : '') }),
      textCol<IssueRow>('column', h('column'), { width: 150 }),
      textCol<IssueRow>('value', h('value'), {
        width: 220,
        cellClass: 'xl-value',
        valueFormatter: (p) => (p.value === '' && p.data?.column ? t('excel.emptyValue') : String(p.value ?? '')),
      }),
      textCol<IssueRow>('reasonText', h('reason'), { flex: 1, minWidth: 280, tooltipField: 'reasonText' }),
    ];
  }, [t]);

  return (
    <section className="xl-section xl-fit" style={{ height: fitHeight(rows.length) }} data-testid="issues">
      <h3>
        {t('excel.issuesTitle')} <span className="muted small">{t('excel.issuesCount', { rows: report.counts.rejected, count: report.issueCount })}</span>
      </h3>
      {report.issueCount > issues.length && <div className="muted small">{t('excel.moreIssues', { shown: issues.length, total: report.issueCount })}</div>}
      <DataGrid<IssueRow> gridId="import-issues" columns={columns} rows={rows} loadError={error} readOnly defaultSort={[{ colId: 'row', sort: 'asc' }]} />
    </section>
  );
}
