import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { GridModel } from './GridModel';

/**
 * The Excel import wizard (主数据 › Excel 导入): kind, template, file, the columns step, the dry
 * run's report (counts, rejected rows, planned changes, commit choice), the result and the
 * history.
 */
export interface Counts {
  total: number;
  create: number;
  update: number;
  unchanged: number;
  rejected: number;
}

export class ImportWizard {
  readonly root: Locator;
  readonly kind: Locator;
  readonly fileInput: Locator;
  readonly message: Locator;
  readonly report: Locator;
  readonly columnsStep: Locator;
  readonly result: Locator;
  readonly resultSummary: Locator;
  readonly commitButton: Locator;
  readonly previousImport: Locator;
  readonly issues: GridModel;
  readonly history: GridModel;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('import-page');
    this.kind = this.root.getByTestId('import-kind');
    this.fileInput = this.root.getByTestId('import-file');
    this.message = this.root.getByTestId('import-message').locator('span').first();
    this.report = this.root.getByTestId('dry-run-report');
    this.columnsStep = this.root.getByTestId('columns-step');
    this.result = this.root.getByTestId('import-result');
    this.resultSummary = this.root.getByTestId('result-summary');
    this.commitButton = this.root.getByTestId('commit');
    this.previousImport = this.root.getByTestId('previous-import');
    this.issues = new GridModel(page, 'import-issues');
    this.history = new GridModel(page, 'import-history');
  }

  /** Opens the page from the navigation and picks the kind by its label. */
  async open(navLabel: string, kindLabel: string): Promise<this> {
    await this.page.locator('nav.sidebar .nav-item', { hasText: navLabel }).first().click();
    await expect(this.root).toBeVisible();
    await this.kind.selectOption({ label: kindLabel });
    return this;
  }

  async downloadTemplate(): Promise<Download> {
    const wait = this.page.waitForEvent('download');
    await this.root.getByTestId('download-template').click();
    return wait;
  }

  /** Chooses a file (path or bytes) as the file dialog would. */
  async choose(file: string | { name: string; buffer: Buffer; mimeType?: string }): Promise<void> {
    if (typeof file === 'string') await this.fileInput.setInputFiles(file);
    else await this.fileInput.setInputFiles({ name: file.name, mimeType: file.mimeType ?? 'application/octet-stream', buffer: file.buffer });
  }

  /** Waits for the dry run's report and reads its counts. */
  async counts(): Promise<Counts> {
    await expect(this.report).toBeVisible({ timeout: 30_000 });
    const read = async (k: keyof Counts) => Number(await this.root.getByTestId(`count-${k}`).getAttribute('data-value'));
    return { total: await read('total'), create: await read('create'), update: await read('update'), unchanged: await read('unchanged'), rejected: await read('rejected') };
  }

  /** Rejected rows as [row, column, value, reason], top to bottom. */
  async issueRows(): Promise<string[][]> {
    const ids = await this.issues.renderedRowIds();
    const out: string[][] = [];
    for (const id of ids) {
      const texts = await Promise.all(['row', 'column', 'value', 'reasonText'].map((c) => this.issues.cell(id, c).innerText()));
      out.push(texts.map((s) => s.trim()));
    }
    return out;
  }

  changesTab(op: 'create' | 'update' | 'unchanged'): Locator {
    return this.root.getByTestId(`changes-${op}`);
  }

  changes(op: 'create' | 'update' | 'unchanged'): GridModel {
    return new GridModel(this.page, `import-changes-${op}`);
  }

  async chooseMode(mode: 'all_or_nothing' | 'skip_rejected'): Promise<void> {
    await this.root.locator(`input[name=mode][value=${mode}]`).check();
  }

  async commit(): Promise<void> {
    await this.commitButton.click();
  }

  /** Maps a header of the file to a field (its label) in the columns step. */
  async mapHeader(header: string, fieldLabel: string): Promise<void> {
    await this.columnsStep.locator(`select[data-header="${header}"]`).selectOption({ label: fieldLabel });
  }

  async runDryRun(): Promise<void> {
    await this.root.getByTestId('run-dry-run').click();
  }

  async again(): Promise<void> {
    await this.root.getByTestId('import-again').click();
  }
}
