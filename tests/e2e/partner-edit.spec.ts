import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './pages/AppPage';
import { PartnersPage } from './pages/PartnersPage';
import { Api, type PartnerDto } from './support/api';

/**
 * Inline editing of partners as zhangwei (channel staff, 五华区): a saved edit survives a reload;
 * an edit the core or the column refuses shows its reason on the cell and in the banner and
 * changes nothing; a record someone else saved meanwhile is reloaded and the user is told.
 */
async function openPartners(page: Page): Promise<PartnersPage> {
  const app = await (await new AppPage(page).open()).signIn('zhangwei');
  await app.go('渠道合作伙伴', 'partners');
  return new PartnersPage(page);
}

const get = (api: Api, id: number) => api.call<PartnerDto>('partners.get', { id });

test('a saved edit is still there after a reload', async ({ page, request, baseURL }) => {
  const api = await new Api(request, baseURL!).signIn('zhangwei');
  const before = await get(api, 13);
  const grid = await openPartners(page);
  await grid.typeInto(13, 'contactName', '王小明');
  await expect(grid.message).toContainText('已保存');
  await expect(grid.cell(13, 'contactName')).toHaveText('王小明');

  await page.reload();
  const again = new PartnersPage(page);
  await again.waitLoaded();
  await expect(again.cell(13, 'contactName')).toHaveText('王小明');
  const after = await get(api, 13);
  expect(after.contactName).toBe('王小明');
  expect(after.version).toBe(before.version + 1);
});

test('a star rating of 9 is refused with the reason and changes nothing', async ({ page, request, baseURL }) => {
  const api = await new Api(request, baseURL!).signIn('zhangwei');
  const before = await get(api, 25);
  const grid = await openPartners(page);
  await grid.typeInto(25, 'starRating', '9');
  await expect(grid.message).toContainText('星级必须是 1 到 5 的整数');
  await expect(grid.cell(25, 'starRating')).toHaveClass(/cell-invalid/);
  await expect(grid.cell(25, 'starRating').locator('.stars')).toHaveAttribute('aria-label', String(before.starRating));

  await page.reload();
  await new PartnersPage(page).waitLoaded();
  await expect(new PartnersPage(page).cell(25, 'starRating').locator('.stars')).toHaveAttribute('aria-label', String(before.starRating));
  expect(await get(api, 25)).toEqual(before);
});

test('a contract end before its start, or a date that is not one, is refused', async ({ page, request, baseURL }) => {
  const api = await new Api(request, baseURL!).signIn('zhangwei');
  const before = await get(api, 37);
  const grid = await openPartners(page);
  const shownEnd = await grid.cell(37, 'contractEnd').textContent();

  await grid.typeInto(37, 'contractEnd', '2000-01-01');
  await expect(grid.message).toContainText('合同结束日期不能早于开始日期');
  await expect(grid.cell(37, 'contractEnd')).toHaveText(shownEnd!);
  await expect(grid.cell(37, 'contractEnd')).toHaveClass(/cell-invalid/);

  await grid.typeInto(37, 'contractStart', '下个月');
  await expect(grid.message).toContainText('日期格式应为 YYYY-MM-DD');
  expect(await get(api, 37)).toEqual(before);
});

test('dates typed the Chinese way and picks from a list are saved', async ({ page, request, baseURL }) => {
  const api = await new Api(request, baseURL!).signIn('zhangwei');
  const grid = await openPartners(page);
  await grid.typeInto(61, 'contractEnd', '2030年6月30日');
  await expect(grid.cell(61, 'contractEnd')).toHaveText('2030/06/30');
  await grid.choose(61, 'channelTypeId', '电商');
  await expect(grid.cell(61, 'channelTypeId')).toHaveText('电商');
  await grid.choose(61, 'status', '暂停');
  await expect(grid.cell(61, 'status')).toHaveText('暂停');
  const saved = await get(api, 61);
  expect(saved.contractEnd).toBe('2030-06-30');
  expect(saved).toMatchObject({ channelTypeId: 4, status: 'suspended' });
});

test('an edit of a record someone else saved meanwhile reloads it and says so', async ({ page, request, baseURL }) => {
  const api = await new Api(request, baseURL!).signIn('admin');
  const grid = await openPartners(page);
  await expect(grid.cell(49, 'contactName')).not.toHaveText('');
  const current = await get(api, 49);
  await api.call('partners.update', { id: 49, version: current.version, patch: { contactName: '李四' } });

  await grid.typeInto(49, 'contactName', '赵六');
  await expect(grid.message).toContainText('该记录已被他人修改');
  await expect(grid.cell(49, 'contactName')).toHaveText('李四');
  expect((await get(api, 49)).contactName).toBe('李四');
});

test('a block pasted from a spreadsheet is saved cell by cell', async ({ page, request, baseURL }) => {
  const api = await new Api(request, baseURL!).signIn('zhangwei');
  const grid = await openPartners(page);
  const ids = await grid.renderedRowIds();
  const start = ids.indexOf('73');
  const second = Number(ids[start + 1]);
  await grid.cell(73, 'contactName').click();
  // what a browser fires for Ctrl+V with text copied from Excel (tsconfig here has no DOM types)
  await grid.cell(73, 'contactName').evaluate((el, text) => {
    const w = globalThis as unknown as {
      DataTransfer: new () => { setData(type: string, value: string): void };
      ClipboardEvent: new (type: string, init: object) => Parameters<typeof el.dispatchEvent>[0];
    };
    const data = new w.DataTransfer();
    data.setData('text/plain', text);
    el.dispatchEvent(new w.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, '周一\t13800000001\r\n周二\t13800000002\r\n');
  await expect(grid.message).toContainText('已粘贴 4 个单元格');
  await expect(grid.cell(second, 'contactPhone')).toHaveText('13800000002');
  expect(await get(api, 73)).toMatchObject({ contactName: '周一', contactPhone: '13800000001' });
  expect(await get(api, second)).toMatchObject({ contactName: '周二', contactPhone: '13800000002' });
});
