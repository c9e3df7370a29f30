import { expect, type Locator, type Page } from '@playwright/test';
import { GridModel } from './GridModel';

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
