import ExcelJS from 'exceljs';
import type { Locale } from '../../../../shared/api/areas/common';
import type { FileRef } from '../../../../shared/api/areas/excel';
import type { OrgCtx } from '../../context';
import { neutralise } from '../cells/neutralise';
import { fileRef, newFile } from '../files';
import { allIssues, getDryRun } from '../import/store';
import { getKind } from '../kinds';
import { T, reasonText, tr } from '../texts';

/**
 * The dry run's issues as an xlsx the user can keep next to their file: row, column, the value
 * found, the reason in the caller's language, and the reason's code. Streamed (a bad file can
 * have an issue on every one of 100,000 rows).
 */
export async function errorReport(ctx: OrgCtx, jobId: string, localeIn?: Locale): Promise<FileRef> {
  const d = getDryRun(ctx, jobId);
  const locale = localeIn ?? ctx.user.locale;
  const kind = getKind(ctx, d.kind);
  const out = newFile(ctx, ctx.user.id, `${d.fileName.replace(/\.[^.]*$/, '')}_${tr(T.report, locale)}.xlsx`);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out.path, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(tr(T.errors, locale), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { key: 'row', width: 8 },
    { key: 'column', width: 18 },
    { key: 'value', width: 28, style: { numFmt: '@' } },
    { key: 'reason', width: 60 },
    { key: 'code', width: 24 },
  ];
  const head = ws.addRow([tr(T.row, locale), tr(T.column, locale), tr(T.value, locale), tr(T.reason, locale), tr(T.reasonKey, locale)]);
  head.font = { bold: true };
  head.commit();
  ws.autoFilter = 'A1:E1';
  const colHeader = new Map(kind.columns.map((c) => [c.key, c.header[locale]]));
  let n = 0;
  for (const i of allIssues(d)) {
    const column = i.column || (i.columnKey ? (colHeader.get(i.columnKey) ?? i.columnKey) : '');
    ws.addRow([i.row, neutralise(column), neutralise(i.value), neutralise(reasonText(i.reason, i.params, locale)), i.reason]).commit();
    if (++n % 5000 === 0) await new Promise((r) => setImmediate(r));
  }
  ws.commit();
  await wb.commit();
  return fileRef(out.done());
}
