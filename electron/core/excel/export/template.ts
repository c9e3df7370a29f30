import ExcelJS from 'exceljs';
import type { Locale } from '../../../../shared/api/areas/common';
import type { FileRef } from '../../../../shared/api/areas/excel';
import type { OrgCtx } from '../../context';
import { visibleUserIds } from '../../master/partners';
import { fileRef, newFile } from '../files';
import { getKind } from '../kinds';
import { loadRefs, type RefTables } from '../kinds/refs';
import type { ColumnDef, KindDef } from '../kinds/types';
import { requireWrite, resolveTarget } from '../import/engine';
import { T, tr } from '../texts';
import { cellOut, numFmtOf, widthOf } from './cells';

/**
 * An import template: the data sheet first (header row in the caller's language; either language
 * is accepted on import), dropdowns for coded columns (org unit, channel type, cost type, owner,
 * status, stars, yes/no …) that point at a visible "Lists" sheet, and an "Instructions" sheet that
 * describes every column and shows one example row. The example sits on the instructions sheet, not
 * in the data sheet, so a template sent back unchanged imports nothing by accident. No hidden
 * sheets, no formulas (list validations reference cell ranges, which are not formulas).
 */
const DATA_ROWS = 5000;

function listValues(col: ColumnDef, refs: RefTables, locale: Locale, visibleUsers: Set<number>): (string | number)[] {
  if (col.list === 'choices') {
    return (col.choices ?? []).map((c) => (col.type === 'int' ? Number(c.value) : (c.labels[locale === 'en' ? 1 : 0] ?? c.value)));
  }
  if (!col.list) return [];
  const table = refs[col.list];
  return table.recs
    .filter((r) => r.active && (col.list !== 'orgUnits' || refs.scope.has(r.id)) && (col.list !== 'users' || visibleUsers.has(r.id)))
    .map((r) => table.display(r.id, locale));
}

export async function buildTemplate(ctx: OrgCtx, kindName: string, localeIn?: Locale, target?: Record<string, unknown>): Promise<FileRef> {
  const kind: KindDef = getKind(ctx, kindName);
  requireWrite(ctx, kind);
  // a template is the same for every target (a budget version's lines come with an export); one given is checked all the same
  resolveTarget(ctx, kind, target, 'read', true);
  const locale = localeIn ?? ctx.user.locale;
  const refs = loadRefs(ctx, [...new Set([...kind.refTables, ...kind.columns.flatMap((c) => (c.list && c.list !== 'choices' ? [c.list] : []))])]);
  const cols = kind.columns.filter((c) => c.importable !== false && c.key !== 'id');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Channel Cost Desk';
  const data = wb.addWorksheet(kind.sheet[locale], { views: [{ state: 'frozen', ySplit: 1 }] });
  const help = wb.addWorksheet(tr(T.instructions, locale));
  const lists = wb.addWorksheet(tr(T.lists, locale));

  const example = kind.example(refs, locale);
  const exampleCells = cols.map((c) => cellOut(c, example[c.key], refs, locale));
  data.columns = cols.map((c, k) => {
    const fmt = numFmtOf(c);
    return { key: c.key, width: widthOf(c, c.header[locale], [exampleCells[k] ?? null]), ...(fmt ? { style: { numFmt: fmt } } : {}) };
  });
  const head = data.getRow(1);
  cols.forEach((c, k) => {
    const cell = head.getCell(k + 1);
    cell.value = c.required ? `${c.header[locale]}*` : c.header[locale];
    cell.numFmt = 'General';
    cell.font = { bold: true, color: c.required ? { argb: 'FFB00020' } : undefined };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } };
  });
  data.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: cols.length } };

  // dropdowns: one list per coded column on the Lists sheet
  const visible = visibleUserIds(ctx);
  const listSheet = tr(T.lists, locale).replace(/'/g, "''");
  let listCol = 0;
  cols.forEach((c, k) => {
    const values = listValues(c, refs, locale, visible);
    if (values.length === 0) return;
    listCol++;
    const lc = lists.getColumn(listCol);
    lc.width = Math.min(40, Math.max(12, ...values.map((v) => String(v).length + 4)));
    lists.getCell(1, listCol).value = c.header[locale];
    lists.getCell(1, listCol).font = { bold: true };
    values.forEach((v, r) => (lists.getCell(r + 2, listCol).value = v));
    const letter = lc.letter;
    const dataLetter = data.getColumn(k + 1).letter;
    // worksheet.dataValidations exists at runtime (lib/doc/worksheet.js) but is missing from exceljs's typings
    (data as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${dataLetter}2:${dataLetter}${DATA_ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`'${listSheet}'!$${letter}$2:$${letter}$${values.length + 1}`],
      showErrorMessage: true,
      // a warning, not a stop: typing just the code (or a new value) stays possible
      errorStyle: 'warning',
      error: locale === 'en' ? 'Not in the list; the import will check it.' : '不在列表中，导入时会检查。',
    });
  });

  // instructions
  help.columns = [{ width: 22 }, { width: 8 }, { width: 70 }, { width: 28 }];
  help.getCell('A1').value = `${kind.label[locale]} — ${tr(T.template, locale)}`;
  help.getCell('A1').font = { bold: true, size: 14 };
  help.getCell('A2').value = kind.intro[locale];
  help.getCell('A3').value = tr(T.general, locale);
  for (const a of ['A2', 'A3']) help.getCell(a).alignment = { wrapText: true, vertical: 'top' };
  help.mergeCells('A2:D2');
  help.mergeCells('A3:D3');
  help.getRow(2).height = 30;
  help.getRow(3).height = 45;
  const th = help.getRow(5);
  th.values = [tr(T.column, locale), tr(T.required, locale), tr(T.description, locale), tr(T.example, locale)];
  th.font = { bold: true };
  cols.forEach((c, k) => {
    const r = help.getRow(6 + k);
    const other = locale === 'en' ? c.header['zh-CN'] : c.header.en;
    const ex = exampleCells[k];
    r.values = [`${c.header[locale]} (${other})`, c.required ? tr(T.yes, locale) : '', c.help[locale], ex instanceof Date ? ex.toISOString().slice(0, 10) : (ex ?? '')];
    r.getCell(3).alignment = { wrapText: true, vertical: 'top' };
  });
  const exTitle = 7 + cols.length;
  help.getCell(exTitle, 1).value = tr(T.exampleRow, locale);
  help.getCell(exTitle, 1).font = { bold: true };
  cols.forEach((c, k) => {
    help.getCell(exTitle + 1, k + 1).value = c.header[locale];
    help.getCell(exTitle + 1, k + 1).font = { bold: true };
    const cell = help.getCell(exTitle + 2, k + 1);
    cell.value = exampleCells[k] ?? null;
    const fmt = numFmtOf(c);
    if (fmt) cell.numFmt = fmt;
  });

  const out = newFile(ctx, ctx.user.id, `${kind.label[locale]}_${tr(T.template, locale)}.xlsx`);
  await wb.xlsx.writeFile(out.path);
  return fileRef(out.done());
}
