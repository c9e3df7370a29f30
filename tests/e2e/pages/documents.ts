import { expect, type Locator, type Page } from '@playwright/test';
import { GridModel } from './GridModel';

/** A cost request or claim page (renderer/src/features/requests, claims): form, budget box, actions, lines, attachments. */
export class DocumentPage {
  readonly number: Locator;
  readonly message: Locator;
  readonly budget: Locator;
  readonly lines: GridModel;

  constructor(readonly page: Page) {
    this.number = page.getByTestId('doc-number');
    this.message = page.getByTestId('page-message');
    this.budget = page.getByTestId('budget-box');
    this.lines = new GridModel(page, 'claim-lines');
  }

  field(name: string): Locator {
    return this.page.locator(`.doc-form [name="${name}"]`);
  }

  async pickPartner(code: string): Promise<void> {
    await this.field('partner').fill(code);
    await this.page.getByTestId('partner-options').getByRole('option', { name: new RegExp(code) }).first().click();
  }

  status(): Locator {
    return this.page.locator('.doc-head .status').first();
  }

  /** Saves the draft (Ctrl+S) and waits for its number. */
  async save(): Promise<string> {
    await this.page.keyboard.press('Control+s');
    await expect(this.number).toHaveText(/(SQ|HX|BX|CL)[-\w]*\d{6}/);
    return ((await this.number.textContent()) ?? '').replace(/^.*?\s(\S+)$/, '$1');
  }

  async submit(reason?: string): Promise<void> {
    await this.page.getByTestId('doc-submit').click();
    if (reason !== undefined) {
      const dialog = this.page.getByTestId('reason-dialog');
      await dialog.locator('textarea').fill(reason);
      await dialog.locator('button[type=submit]').click();
    } else {
      await this.page.getByTestId('confirm-dialog').locator('button[type=submit]').click();
    }
    await expect(this.status()).toHaveAttribute('data-status', 'submitted');
  }
}

/** The approver's queue (审批) with its detail pane. */
export class QueuePage extends GridModel {
  readonly detail: Locator;
  readonly pageMessage: Locator;

  constructor(page: Page) {
    super(page, 'approvals');
    this.detail = page.getByTestId('detail-pane');
    this.pageMessage = page.getByTestId('page-message');
  }

  /** The number cell of a document's row. */
  row(number: string): Locator {
    return this.root.locator('.ag-cell[col-id="number"]', { hasText: number });
  }

  /** Puts the keyboard on a document's row (a click on its number), then the queue's shortcuts act on it. */
  async focus(number: string): Promise<void> {
    await this.row(number).click();
    await expect(this.detail).toContainText(number);
  }
}
