import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './pages/AppPage';
import { ImportWizard } from './pages/importWizard';
import { PartnersPage } from './pages/PartnersPage';
import { Api, type PartnerDto } from './support/api';
import { startServer, type TestServer } from './support/server';
import { bufferOf, gridDate, makeXlsx, readDownload, XLSX_MIME, type Cell } from './support/xlsx';

/**
 * Excel exchange in the UI, as zhangwei (channel staff, 五华区) on an own demo company: export the
 * partner grid filtered, sorted and with two columns hidden — the file holds exactly what the
 * grid showed; edit three cells and add a row with exceljs and import it through the wizard —
 * exactly those changes are reported and written; import the same file again — nothing changes;
 * bad files are refused with a translated message; invalid rows are named by row, column, value
 * and reason, and "only if there are no errors" writes nothing.
 */
let server: TestServer;
test.beforeAll(async () => {
  server = await startServer({ demo: true });
});
test.afterAll(async () => {
  await server?.stop();
});

type Page1<T> = { rows: T[]; total: number };
const listAll = (api: Api, quick = '') => api.call<Page1<PartnerDto>>('partners.list', { quick, limit: 500, includeInactive: true });

async function signIn(page: Page, user = 'zhangwei'): Promise<AppPage> {
  return (await new AppPage(page, server.url).open()).signIn(user);
}

test('export the filtered, sorted grid, edit it, import it back, and import it again', async ({ page, request }) => {
  const api = await new Api(request, server.url).signIn('zhangwei');
  const app = await signIn(page);
  await app.go('渠道合作伙伴', 'partners');
  const grid = new PartnersPage(page);

  // filter, sort (star rating, descending) and hide two columns, as a user would
  await grid.search('城东');
  const expected = await api.call<Page1<PartnerDto>>('partners.list', { quick: '城东', sort: [{ colId: 'starRating', sort: 'desc' }], limit: 100 });
  await expect(grid.rowCount).toHaveText(`${expected.total} 行`);
  const star = grid.root.locator('.ag-header-cell[col-id="starRating"] .ag-header-cell-label');
  await star.click();
  await star.click();
  await expect.poll(() => grid.renderedRowIds()).toEqual(expected.rows.map((r) => String(r.id)));
  await grid.columnChooser.click();
  await page.getByRole('menu').getByLabel('联系电话').uncheck();
  await page.getByRole('menu').getByLabel('更新时间').uncheck();
  await page.keyboard.press('Escape');
  const headers = await grid.headers();
  expect(headers).not.toContain('联系电话');

  const download = page.waitForEvent('download');
  await grid.root.locator('.toolbar button', { hasText: '导出 Excel' }).click();
  const file = await readDownload(await download);
  expect(file.header).toEqual(['ID', ...headers]);
  const col = (h: string) => file.header.indexOf(h);
  const ids = await grid.renderedRowIds();
  expect(file.rows.map((r) => String(r[0]))).toEqual(ids);
  for (const [i, id] of ids.entries()) {
    const r = file.rows[i]!;
    expect(r[col('编码')]).toBe(await grid.cell(id, 'code').innerText());
    expect(r[col('名称')]).toBe(await grid.cell(id, 'name').innerText());
    expect(String(r[col('星级')])).toBe(await grid.cell(id, 'starRating').locator('.stars').getAttribute('aria-label'));
    expect(gridDate(r[col('合同结束')] ?? null)).toBe(await grid.cell(id, 'contractEnd').innerText());
    expect(String(r[col('渠道类型')])).toContain(await grid.cell(id, 'channelTypeId').innerText());
  }

  // three cells changed and one row added, in the exported workbook
  const ws = file.sheet;
  const cellOf = (row: number, h: string) => ws.getRow(row).getCell(col(h) + 1);
  const [idA, idB, idC] = ids.map(Number) as [number, number, number];
  const starB = Number(cellOf(3, '星级').value);
  cellOf(2, '名称').value = '城东改名测试店';
  cellOf(3, '星级').value = starB === 5 ? 1 : starB + 1;
  cellOf(4, '合同结束').value = new Date(Date.UTC(2031, 11, 31));
  const added = ws.getRow(file.rows.length + 2);
  const put = (h: string, v: Cell) => (added.getCell(col(h) + 1).value = v);
  put('编码', 'P990001');
  put('名称', '城东新开通讯店');
  put('渠道类型', cellOf(2, '渠道类型').value as string);
  put('所属组织', cellOf(2, '所属组织').value as string);
  put('星级', 4);
  put('合同开始', '2026/1/1');
  added.commit();
  const edited = { name: 'partners-edited.xlsx', mimeType: XLSX_MIME, buffer: await bufferOf(file.workbook) };

  const wizard = await new ImportWizard(page).open('Excel 导入', '渠道合作伙伴');
  await wizard.choose(edited);
  const n = ids.length;
  expect(await wizard.counts()).toEqual({ total: n + 1, create: 1, update: 3, unchanged: n - 3, rejected: 0 });
  await expect(wizard.root.getByTestId('no-issues')).toBeVisible();
  const updates = wizard.changes('update');
  await expect(updates.rowCount).toHaveText('3 行');
  await expect(updates.root).toContainText('名称：');
  await expect(updates.root).toContainText('城东改名测试店');
  await expect(updates.root).toContainText('2031-12-31');
  await expect(updates.root.locator('.ag-row[row-id] .ag-cell[col-id="name"]')).toContainText(['城东改名测试店']);
  await wizard.changesTab('create').click();
  const creates = wizard.changes('create');
  await expect(creates.root).toContainText('P990001');
  // a create names its record and lists the values it writes
  await expect(creates.root.locator('.ag-row[row-id] .ag-cell[col-id="name"]')).toHaveText(['城东新开通讯店']);
  await expect(creates.root.locator('.ag-row[row-id] .ag-cell[col-id="text"]')).toContainText('星级：4');
  await expect(creates.root.locator('.ag-row[row-id] .ag-cell[col-id="text"]')).toContainText('合同开始：2026-01-01');
  expect((await listAll(api, 'P990001')).total).toBe(0); // the dry run wrote nothing

  await wizard.commit();
  await expect(wizard.resultSummary).toHaveText(`新增 1 条，更新 3 条，${n - 3} 条不变，0 行被拒绝。`);
  await wizard.root.getByTestId('open-grid').click();
  const after = new PartnersPage(page);
  await after.waitLoaded();
  await expect(after.cell(idA, 'name')).toHaveText('城东改名测试店');
  await expect(after.cell(idB, 'starRating').locator('.stars')).toHaveAttribute('aria-label', String(starB === 5 ? 1 : starB + 1));
  await expect(after.cell(idC, 'contractEnd')).toHaveText('2031/12/31');
  await after.search('P990001');
  await expect(after.rowCount).toHaveText('1 行');
  await expect(after.root.locator('.ag-row[row-id] .ag-cell[col-id="name"]').first()).toHaveText('城东新开通讯店');

  // the same file again: everything unchanged, nothing written
  const before = await listAll(api);
  await wizard.open('Excel 导入', '渠道合作伙伴');
  await wizard.choose(edited);
  expect(await wizard.counts()).toEqual({ total: n + 1, create: 0, update: 0, unchanged: n + 1, rejected: 0 });
  await expect(wizard.previousImport).toContainText('已于');
  await expect(wizard.changesTab('update')).toBeDisabled();
  await wizard.commit();
  await expect(wizard.resultSummary).toHaveText('所有记录均无变化，未写入任何数据。');
  expect(await listAll(api)).toEqual(before);
  await expect(wizard.history.root.locator('.ag-row[row-id]')).toHaveCount(2);
  await expect(wizard.history.root).toContainText('partners-edited.xlsx');
});

test('bad files are refused with a clear message and write nothing', async ({ page, request }) => {
  const api = await new Api(request, server.url).signIn('zhangwei');
  const before = await listAll(api);
  const imports = (await api.call<unknown[]>('excel.imports', {})).length;
  await signIn(page);
  const wizard = await new ImportWizard(page).open('Excel 导入', '渠道合作伙伴');
  const good = await makeXlsx([['编码', '名称'], ['P000001', '随便']]);

  await wizard.choose({ name: 'truncated.xlsx', buffer: good.subarray(0, Math.floor(good.length / 2)) });
  await expect(wizard.message).toHaveText('文件已损坏或不完整，无法读取。请在 Excel 中重新保存为 .xlsx 后再试。');
  await wizard.choose({ name: 'scan.xlsx', buffer: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(512, 7)]) });
  await expect(wizard.message).toHaveText('这不是 Excel 工作簿（.xlsx）或 CSV 文件。');
  await wizard.choose({ name: 'notes.xlsx', buffer: Buffer.from('会议纪要\n下周二讨论渠道费用预算。\n') });
  await expect(wizard.message).toContainText('找不到表头行');
  await expect(wizard.report).toBeHidden();
  expect(await listAll(api)).toEqual(before);
  expect(await api.call<unknown[]>('excel.imports', {})).toHaveLength(imports);
});

test('invalid rows are named by row, column, value and reason; "only if no errors" writes nothing', async ({ page, request }) => {
  const api = await new Api(request, server.url).signIn('zhangwei');
  const p1 = (await listAll(api, 'P000001')).rows[0]! as PartnerDto & { channelTypeId: number };
  const types = await api.call<{ id: number; code: string }[]>('channelTypes.list', {});
  const units = await api.call<{ id: number; code: string }[]>('orgUnits.list', {});
  const ct = types.find((t) => t.id === p1.channelTypeId)!.code;
  const unit = units.find((u) => u.id === p1.orgUnitId)!.code;
  const buffer = await makeXlsx(
    [
      ['编码', '名称', '渠道类型', '所属组织', '星级', '合同开始'],
      ['P000001', `${p1.name}（旗舰店）`, ct, unit, p1.starRating, p1.contractStart],
      ['P990101', '五华新开便利店', ct, unit, 3, '2026-02-01'],
      ['P990102', '星级不对的店', ct, unit, 9, '2026-02-01'],
      ['P990103', '三处不对的店', 'TERMINL', 'KM-GD', 3, '2024-13-45'], // three faults, all reported in one round
      ['P990104', '组织不对的店', ct, 'XX-999', 3, '2026年2月1日'],
    ],
    '渠道合作伙伴',
  );
  const before = await listAll(api);

  await signIn(page);
  const wizard = await new ImportWizard(page).open('Excel 导入', '渠道合作伙伴');
  await wizard.choose({ name: '新增伙伴.xlsx', mimeType: XLSX_MIME, buffer });
  expect(await wizard.counts()).toEqual({ total: 5, create: 1, update: 1, unchanged: 0, rejected: 3 });
  await expect(wizard.issues.rowCount).toHaveText('5 行');
  const DATE = ['5', '合同开始', '2024-13-45', '不是有效日期（如 2024-03-01、2024/3/1 或 2024年3月1日）'];
  const TYPE = ['5', '渠道类型', 'TERMINL', '找不到“TERMINL”，最接近的是：TERMINAL 终端渠道'];
  const SCOPE = ['5', '所属组织', 'KM-GD', '该记录或组织不在您的权限范围内（您的范围：五华区）'];
  const rows = await wizard.issueRows();
  expect(rows[0]).toEqual(['4', '星级', '9', '星级必须是 1 到 5 的整数']);
  expect(rows.slice(1, 4).map((r) => r.slice(0, 3))).toEqual(expect.arrayContaining([DATE, TYPE, SCOPE].map((r) => r.slice(0, 3))));
  expect(rows.find((r) => r[1] === '渠道类型')![3]).toMatch(/^找不到“TERMINL”，最接近的是：TERMINAL 终端渠道/);
  expect(rows.find((r) => r[1] === '所属组织' && r[0] === '5')).toEqual(SCOPE);
  expect(rows[4]).toEqual(['6', '所属组织', 'XX-999', '找不到“XX-999”']);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: 'tests/.artifacts/import-dry-run-zh-CN.png' });

  const report = page.waitForEvent('download');
  await wizard.root.getByTestId('error-report').click();
  const errors = await readDownload(await report);
  expect(errors.header.slice(0, 4)).toEqual(['行号', '列', '值', '原因']);
  expect(errors.rows.map((r) => r.slice(0, 2).join(' '))).toEqual(rows.map((r) => r.slice(0, 2).join(' ')));
  expect(errors.rows.map((r) => r[3])).toEqual(rows.map((r) => r[3]));

  await wizard.commit();
  await expect(wizard.message).toHaveText('有 3 行被拒绝，按“仅在没有错误时写入”未写入任何数据。');
  expect(await listAll(api)).toEqual(before);

  await wizard.chooseMode('skip_rejected');
  await wizard.commit();
  await expect(wizard.resultSummary).toHaveText('新增 1 条，更新 1 条，0 条不变，3 行被拒绝。');
  expect((await listAll(api, 'P990101')).total).toBe(1);
  expect((await listAll(api, 'P000001')).rows[0]!.name).toBe(`${p1.name}（旗舰店）`);
});

test('an unknown header is mapped once and remembered for the next import', async ({ page, request }) => {
  const api = await new Api(request, server.url).signIn('zhangwei');
  const p = (await listAll(api, 'P000013')).rows[0]!;
  const csv = (name: string) => Buffer.from(`\uFEFF伙伴编号,名称\r\n${p.code},${name}\r\n`, 'utf8');
  await signIn(page);
  const wizard = await new ImportWizard(page).open('Excel 导入', '渠道合作伙伴');
  await wizard.choose({ name: 'rename.csv', mimeType: 'text/csv', buffer: csv('映射测试一') });
  await expect(wizard.columnsStep.getByTestId('unknown-headers')).toBeVisible();
  await expect(wizard.root.getByTestId('run-dry-run')).toBeDisabled();
  await wizard.mapHeader('伙伴编号', '编码 *');
  await wizard.runDryRun();
  expect(await wizard.counts()).toMatchObject({ update: 1, rejected: 0 });
  await wizard.commit();
  await expect(wizard.resultSummary).toContainText('更新 1 条');

  await wizard.again();
  await wizard.choose({ name: 'rename-2.csv', mimeType: 'text/csv', buffer: csv('映射测试二') });
  expect(await wizard.counts()).toMatchObject({ update: 1, rejected: 0 }); // no columns step: the mapping was remembered
  await wizard.commit();
  await expect(wizard.resultSummary).toContainText('更新 1 条');
  expect((await api.call<PartnerDto>('partners.get', { id: p.id })).name).toBe('映射测试二');
});

test('the template comes in the UI language, and a small grid exports its rows in its order with English headers', async ({ page }) => {
  const app = await signIn(page, 'admin');
  const wizard = await new ImportWizard(page).open('Excel 导入', '费用类型');
  const template = await readDownload(await wizard.downloadTemplate());
  expect(template.header).toEqual(expect.arrayContaining(['编码*', '中文名称*', '英文名称*', '票据门槛'])); // * marks the required columns

  await app.switchLanguage('en');
  const grid = await app.go('Cost types', 'cost-types');
  const sort = grid.root.locator('.ag-header-cell[col-id="nameEn"] .ag-header-cell-label');
  await sort.click();
  await sort.click(); // descending by English name
  const ids = await grid.renderedRowIds();
  const download = page.waitForEvent('download');
  await grid.root.locator('.toolbar button', { hasText: 'Export to Excel' }).click();
  const file = await readDownload(await download);
  expect(file.header).toEqual(['ID', ...(await grid.headers())]);
  expect(file.rows.map((r) => String(r[0]))).toEqual(ids);
  const threshold = file.header.indexOf('Receipt threshold');
  expect(typeof file.rows[0]![threshold]).toBe('number'); // money as a number (yuan, ¥ format), not text
  await expect(page.getByTestId('export-job')).toContainText(`Exported ${ids.length} rows`);
  await app.switchLanguage('zh-CN');
});
