import { expect, type Locator, type Page } from '@playwright/test';

/**
 * One grid of the wrapper (renderer/src/grid): toolbar, headers, cells by row id and column id,
 * inline editing through AG Grid's editors, the feedback banner and the empty state.
 */
export class GridModel {
  readonly root: Locator;
  readonly quick: Locator;
  readonly rowCount: Locator;
  readonly message: Locator;
  readonly empty: Locator;
  readonly showInactive: Locator;
  readonly addButton: Locator;
  readonly toggleActive: Locator;
  readonly columnChooser: Locator;

  constructor(
    readonly page: Page,
    readonly id: string,
  ) {
    this.root = page.getByTestId(`grid-${id}`);
    this.quick = this.root.locator('input.quick');
    this.rowCount = this.root.getByTestId('row-count');
    this.message = this.root.getByTestId('grid-message');
    this.empty = this.root.getByTestId('grid-empty');
    this.showInactive = this.root.locator('.toolbar label.toggle input');
    this.addButton = this.root.locator('.toolbar button.primary');
    this.toggleActive = this.root.getByTestId('toggle-active');
    this.columnChooser = this.root.getByTestId('column-chooser');
  }

  async waitLoaded(): Promise<void> {
    await expect(this.rowCount).toHaveText(/\d/);
  }

  async count(): Promise<number> {
    await this.waitLoaded();
    return Number((await this.rowCount.textContent())?.replace(/\D/g, ''));
  }

  async headers(): Promise<string[]> {
    return (await this.root.locator('.ag-header-cell .ag-header-cell-text').allTextContents()).map((s) => s.trim());
  }

  cell(rowId: number | string, colId: string): Locator {
    return this.root.locator(`.ag-row[row-id="${rowId}"] .ag-cell[col-id="${colId}"]`);
  }

  /** Texts of a column in the rendered rows, top to bottom. */
  async columnTexts(colId: string): Promise<string[]> {
    await expect(this.root.locator('.ag-row[row-id]').first()).toBeVisible();
    const cells = this.root.locator(`.ag-row[row-id] .ag-cell[col-id="${colId}"]`);
    const found = await cells.evaluateAll((els) =>
      els.map((el) => ({ index: Number(el.closest('.ag-row')?.getAttribute('row-index')), text: (el.textContent ?? '').trim() })),
    );
    return found.sort((a, b) => a.index - b.index).map((c) => c.text);
  }

  async renderedRowIds(): Promise<string[]> {
    const ids = await this.root.locator('.ag-row[row-id]').evaluateAll((rows) =>
      rows.map((r) => ({ index: Number(r.getAttribute('row-index')), id: r.getAttribute('row-id') ?? '' })).sort((a, b) => a.index - b.index).map((r) => r.id),
    );
    return ids.filter(Boolean);
  }

  async search(text: string): Promise<void> {
    await this.quick.fill(text);
  }

  async select(rowId: number | string, colId = 'code'): Promise<void> {
    await this.cell(rowId, colId).click();
    await expect(this.root.locator(`.ag-row[row-id="${rowId}"]`).first()).toHaveClass(/ag-row-selected/);
  }

  /** Starts editing with F2, types the text and commits with Enter. */
  async typeInto(rowId: number | string, colId: string, text: string): Promise<void> {
    const cell = this.cell(rowId, colId);
    await cell.click();
    await cell.press('F2');
    const input = this.root.locator('.ag-cell-inline-editing input, .ag-popup-editor input').first();
    await expect(input).toBeVisible();
    await input.fill(text);
    await input.press('Enter');
    await expect(this.root.locator('.ag-cell-inline-editing')).toHaveCount(0);
  }

  /** Picks a value in a list editor (references, statuses) by its label. */
  async choose(rowId: number | string, colId: string, label: string): Promise<void> {
    const cell = this.cell(rowId, colId);
    await cell.click();
    await cell.press('Enter');
    await this.page.locator('.ag-select-list .ag-list-item', { hasText: label }).first().click();
    await expect(this.root.locator('.ag-cell-inline-editing')).toHaveCount(0);
  }

  async isEditing(): Promise<boolean> {
    return (await this.root.locator('.ag-cell-inline-editing').count()) > 0;
  }
}
