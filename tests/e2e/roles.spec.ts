import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';
import { PartnersPage } from './pages/PartnersPage';
import { Api } from './support/api';

/**
 * Each demo user sees what their role and org-unit scope allow: the partner grid holds exactly the
 * partners of their units (counted independently through the administrator's API), admin-only
 * pages are absent, and roles that may not write get read-only grids without add buttons.
 */
interface Unit {
  id: number;
  pathIds: number[];
}

async function partnersUnder(api: Api, unitId: number | null): Promise<number> {
  if (unitId === null) return (await api.call<{ total: number }>('partners.list', { limit: 1 })).total;
  const units = await api.call<Unit[]>('orgUnits.list', {});
  const ids = units.filter((u) => u.pathIds.includes(unitId)).map((u) => u.id);
  return (await api.call<{ total: number }>('partners.list', { limit: 1, filter: { orgUnitId: { filterType: 'set', values: ids } } })).total;
}

const cases = [
  { user: 'admin', unit: null, scope: '云岭通信有限公司', writes: true, handover: true, admin: true, imports: true },
  { user: 'zhangwei', unit: 3, scope: '五华区', writes: true, handover: false, admin: false, imports: true },
  { user: 'lina', unit: 2, scope: '昆明分公司', writes: false, handover: true, admin: false, imports: false },
  { user: 'chenjie', unit: null, scope: '云岭通信有限公司', writes: false, handover: true, admin: false, imports: false },
  { user: 'wangfang', unit: null, scope: '云岭通信有限公司', writes: false, handover: false, admin: false, imports: true },
] as const;

for (const c of cases) {
  test(`${c.user} sees the partners of their scope and only what their role allows`, async ({ page, request, baseURL }) => {
    const api = await new Api(request, baseURL!).signIn('admin');
    const expected = await partnersUnder(api, c.unit);

    const app = await (await new AppPage(page).open()).signIn(c.user);
    await expect(app.scope).toHaveText(c.scope);
    const nav = await app.navLabels();
    const master = ['渠道合作伙伴', '组织', '渠道类型', '费用类型', ...(c.admin ? ['用户'] : []), ...(c.imports ? ['Excel 导入'] : [])];
    expect(nav).toEqual(['工作台', '预算编制', '预算执行', '预算调拨', '费用申请', '费用核销', '待我审批', '费用效益分析', '事后评估', '渠道评价', '经营结果', ...master, '代理审批', ...(c.admin ? ['审批流设置', '备份与恢复'] : [])]);

    await app.go('渠道合作伙伴', 'partners');
    const grid = new PartnersPage(page);
    expect(await grid.count()).toBe(expected);
    if (c.unit === 3) {
      for (const unit of await grid.columnTexts('orgUnitId')) expect(unit).toMatch(/^五华/);
    }
    await expect(grid.addButton).toHaveCount(c.writes ? 1 : 0);
    await expect(grid.toggleActive).toHaveCount(c.writes ? 1 : 0);
    await expect(grid.handoverButton).toHaveCount(c.handover ? 1 : 0);
    await expect(app.readOnlyBadge).toHaveCount(c.writes ? 0 : 1);
    // a read-only page says who can change it and what this role can do instead
    const note = page.getByTestId('read-only-note');
    await expect(note).toHaveCount(c.writes ? 0 : 1);
    if (!c.writes) {
      await expect(note).toContainText('渠道经理（在其负责的组织范围内）和管理员可以新增和修改合作伙伴');
      await expect(note).toContainText(c.user === 'wangfang' ? '“导出 Excel”导出所看到的合作伙伴' : '用“移交”把它们交给另一位渠道经理');
    }
    if (!c.writes) {
      const first = (await grid.renderedRowIds())[0]!;
      await grid.cell(first, 'contactName').dblclick();
      expect(await grid.isEditing()).toBe(false);
    }

    const types = await app.go('渠道类型', 'channel-types');
    await expect(types.addButton).toHaveCount(c.admin ? 1 : 0);
    await expect(app.readOnlyBadge).toHaveCount(c.admin ? 0 : 1);

    if (c.admin) await expect(page.getByTestId('read-only-note')).toHaveCount(0);
    else await expect(page.getByTestId('read-only-note')).toContainText('只有管理员可以修改此数据');

    if (c.user === 'wangfang') {
      // finance imports the results data here (经营结果), and is told where budget lines go
      await app.navItems.filter({ hasText: 'Excel 导入' }).click();
      await expect(page.getByTestId('import-page')).toContainText('经营结果');
      await expect(page.getByTestId('import-page')).toContainText('“预算编制”页面表格上方的“从 Excel 导入”');
      await page.screenshot({ path: 'tests/.artifacts/import-finance-zh-CN.png' });
    }

    if (!c.admin) {
      await page.goto('/#/master/users');
      await expect(app.pageTitle).toHaveText('工作台'); // redirected to the start page
    }
  });
}

test('zhangwei’s org tree holds only 五华区 and the units below it', async ({ page }) => {
  const app = await (await new AppPage(page).open()).signIn('zhangwei');
  const units = await app.go('组织', 'org-units');
  expect(await units.count()).toBe(5);
  expect(await units.columnTexts('code')).toEqual(['KM-WH', 'KM-WH-01', 'KM-WH-02', 'KM-WH-03', 'KM-WH-04']);
});
