import { expect, type Locator, type Page } from '@playwright/test';
import { GridModel } from './GridModel';

/**
 * An amount as the plan grid shows it: grouped yuan without the currency (the unit is said once,
 * above the grid), with fen only in a column where some cell has them.
 */
export const planAmount = (fen: number, withFen = fen % 100 !== 0) => {
  const s = (Math.abs(fen) / 100).toLocaleString('en-US', { minimumFractionDigits: withFen ? 2 : 0, maximumFractionDigits: withFen ? 2 : 0 });
  return fen < 0 ? `-${s}` : s;
};

/** The browser's clipboard, as seen from a page script (tests compile without the DOM library). */
type Clip = { navigator: { clipboard: { writeText(text: string): Promise<void> } } };

/**
 * The budget pages as a finance user meets them: planning (plans, versions and their actions, the
 * spreadsheet-like entry grid with paste, undo and save) and budget vs actual with its drill-down.
 */
export class BudgetPlanPage extends GridModel {
  readonly versions: Locator;
  readonly entryMessage: Locator;
  readonly pending: Locator;
  readonly invalid: Locator;
  readonly reasonDialog: Locator;
  /** the list of cells that need a change (refused on save, invalid, below their floor) */
  readonly issues: Locator;
  /** the status line's explanation of the focused cell's problem */
  readonly focusedIssue: Locator;

  constructor(page: Page) {
    super(page, 'budget-lines');
    this.issues = page.getByTestId('issue-panel');
    this.focusedIssue = page.getByTestId('focused-issue');
    this.versions = page.getByTestId('version-list');
    this.entryMessage = page.getByTestId('entry-message');
    this.pending = page.getByTestId('pending-count');
    this.invalid = page.getByTestId('invalid-count');
    this.reasonDialog = page.getByTestId('reason-dialog');
  }

  /** Creates the next fiscal year's plan with the suggested name; its draft v1 is shown. */
  async createPlan(year: number): Promise<void> {
    await this.page.getByTestId('create-plan-open').click();
    const d = this.page.getByTestId('create-plan');
    await d.locator('input[name=fiscalYear]').fill(String(year));
    await d.locator('button[type=submit]').click();
    await expect(d).toBeHidden();
    await expect(this.page.getByTestId('plan-select').locator('option:checked')).toContainText(String(year));
  }

  async selectPlan(year: number): Promise<void> {
    const select = this.page.getByTestId('plan-select');
    const label = await select.locator('option', { hasText: String(year) }).first().textContent();
    await select.selectOption({ label: label ?? '' });
  }

  /** Adds a line by the pickers; the new (unsaved) line gets the next negative row id. */
  async addLine(keys: { orgUnit: string; channelType: string; costType: string }): Promise<void> {
    await this.root.locator('.toolbar button', { hasText: /新增预算行|Add line/ }).click();
    const d = this.page.getByTestId('add-line');
    // org units are listed as a tree (indented); pick by the unit's name
    const unit = d.locator('select[name=orgUnitId] option', { hasText: keys.orgUnit }).first();
    await d.locator('select[name=orgUnitId]').selectOption((await unit.getAttribute('value')) ?? '');
    await d.locator('select[name=channelTypeId]').selectOption({ label: keys.channelType });
    await d.locator('select[name=costTypeId]').selectOption({ label: keys.costType });
    await d.locator('button[type=submit]').click();
    await expect(d).toBeHidden();
  }

  /**
   * Puts tab-separated text on the system clipboard (as Excel or WPS do), focuses the cell and
   * presses Ctrl+V — the browser's own paste, as in the desktop app.
   */
  async pasteAt(rowId: number | string, colId: string, tsv: string): Promise<void> {
    await this.page.evaluate((text) => (globalThis as unknown as Clip).navigator.clipboard.writeText(text), tsv);
    await this.cell(rowId, colId).click();
    await this.page.keyboard.press('Control+V');
  }

  async save(): Promise<void> {
    await this.root.getByTestId('save-lines').click();
  }

  /** Runs a version action from the toolbar, with a reason or comment when given, and confirms. */
  async versionAction(action: 'submit' | 'approve' | 'reject' | 'return' | 'cancel' | 'revise', text = ''): Promise<void> {
    await this.page.getByTestId(`version-${action}`).click();
    await expect(this.reasonDialog).toBeVisible();
    if (text) await this.reasonDialog.locator('textarea[name=reason]').fill(text);
    await this.reasonDialog.locator('button[type=submit]').click();
  }

  /** the toolbar's switch of the partner column (aria-pressed: shown) */
  get partnerToggle(): Locator {
    return this.root.getByTestId('partner-column');
  }

  /**
   * Where the plan grid's columns are: whether December and the year total lie inside the grid
   * with the body not scrolled sideways, and which header labels or totals are cut (wider than
   * their cell).
   */
  async fit(): Promise<{ decemberInside: boolean; yearInside: boolean; scrolled: number; cutHeaders: string[]; cutTotals: string[] }> {
    return this.root.evaluate((el) => {
      const box = (s: string) => el.querySelector(s)!.getBoundingClientRect();
      const wrap = box('.ag-root-wrapper');
      const year = box('.ag-header-cell[col-id="year"]');
      const dec = box('.ag-header-cell[col-id="m12"]');
      const pinnedLeft = Math.max(...[...el.querySelectorAll('.ag-pinned-left-header .ag-header-cell')].map((h) => h.getBoundingClientRect().right));
      const cut = (sel: string) => [...el.querySelectorAll(sel)].filter((n) => n.scrollWidth > n.clientWidth + 0.5);
      return {
        decemberInside: dec.width > 0 && dec.left >= pinnedLeft - 0.5 && dec.right <= year.left + 0.5,
        yearInside: year.left >= wrap.left && year.right <= wrap.right + 0.5,
        scrolled: el.querySelector('.ag-body-horizontal-scroll-viewport')?.scrollLeft ?? 0,
        cutHeaders: cut('.ag-header-cell-text').map((n) => n.textContent ?? ''),
        cutTotals: cut('.ag-row-pinned .ag-cell.money-tight').map((n) => n.getAttribute('col-id') ?? ''),
      };
    });
  }

  versionState(number: number): Locator {
    return this.versions.getByTestId(`version-${number}`).locator('.status');
  }
}

export class BudgetVsActualPage extends GridModel {
  readonly drill: Locator;

  constructor(page: Page) {
    super(page, 'budget-vs-actual');
    this.drill = page.getByTestId('drill-pane');
  }

  async show(opts: { year?: number; granularity?: 'month' | 'quarter' | 'year' | 'ytd' }): Promise<void> {
    if (opts.year) await this.page.getByTestId('bva-year').selectOption(String(opts.year));
    if (opts.granularity) await this.page.getByTestId('bva-controls').locator('select[name=granularity]').selectOption(opts.granularity);
  }

  /** Replaces the dimensions by these (labels), in this order. */
  async setDimensions(labels: string[]): Promise<void> {
    const controls = this.page.getByTestId('bva-controls');
    const remove = controls.locator('.chip .chip-btn[aria-label^="移除"], .chip .chip-btn[aria-label^="Remove"]');
    while ((await remove.count()) > 0) await remove.first().click();
    for (const label of labels) await controls.locator('select[name=addDimension]').selectOption({ label });
  }

  async onlyOverBudget(on = true): Promise<void> {
    await this.page.getByTestId('bva-controls').locator('input[name=onlyOver]').setChecked(on);
  }

  /** A figure of the pinned grand-total row, e.g. ('2027', 'allocated'). */
  grandTotal(bucket: string, measure: string): Locator {
    return this.root.locator(`.ag-row-pinned .ag-cell[col-id="${bucket}|${measure}"]`);
  }
}

/** Budget transfers: the list, the dialog (create-transfer) and the selected transfer's detail. */
export class BudgetTransfersPage extends GridModel {
  readonly detail: Locator;
  readonly create: Locator;

  constructor(page: Page) {
    super(page, 'budget-transfers');
    this.detail = page.getByTestId('transfer-detail');
    this.create = this.root.getByRole('button', { name: /新建调拨|New transfer/ });
  }
}
