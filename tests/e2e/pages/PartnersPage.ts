import { expect, type Locator, type Page } from '@playwright/test';
import { GridModel } from './GridModel';

/** The partner grid with its page actions: deactivate/activate and the handover dialog. */
export class PartnersPage extends GridModel {
  readonly handoverButton: Locator;
  readonly confirm: Locator;

  constructor(page: Page) {
    super(page, 'partners');
    this.handoverButton = this.root.getByTestId('open-handover');
    this.confirm = page.getByTestId('confirm-dialog');
  }

  /** Deactivates or activates the selected partner, confirming once. */
  async toggleSelected(): Promise<void> {
    await this.toggleActive.click();
    await expect(this.confirm).toBeVisible();
    await this.confirm.locator('button[type=submit]').click();
    await expect(this.confirm).toBeHidden();
  }

  async openHandover(): Promise<HandoverDialog> {
    await this.handoverButton.click();
    const d = new HandoverDialog(this.page);
    await expect(d.root).toBeVisible();
    return d;
  }
}

export class HandoverDialog {
  readonly root: Locator;
  readonly from: Locator;
  readonly to: Locator;
  readonly note: Locator;
  readonly count: Locator;
  readonly submit: Locator;
  readonly history: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('handover');
    this.from = this.root.locator('select[name=fromUserId]');
    this.to = this.root.locator('select[name=toUserId]');
    this.note = this.root.locator('input[name=note]');
    this.count = this.root.getByTestId('handover-count');
    this.submit = this.root.locator('button[type=submit]');
    this.history = this.root.getByTestId('handover-history');
  }
}
