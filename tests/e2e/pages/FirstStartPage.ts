import { expect, type Locator, type Page } from '@playwright/test';

/** First start on an empty data folder: demo company, or an empty one with its first administrator. */
export class FirstStartPage {
  readonly demo: Locator;
  readonly empty: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    const choices = page.locator('.choices');
    this.demo = choices.locator('button.choice').nth(0);
    this.empty = choices.locator('button.choice').nth(1);
    this.error = page.locator('.first-start [role=alert]');
  }

  field(name: 'companyName' | 'adminUsername' | 'adminDisplayName' | 'adminPassword'): Locator {
    return this.page.locator(`.first-start input[name=${name}]`);
  }

  fieldError(name: string): Locator {
    return this.field(name as 'companyName').locator('xpath=following-sibling::span[contains(@class,"field-error")]');
  }

  async createEmptyCompany(v: { company: string; username: string; name: string; password: string }): Promise<void> {
    await this.empty.click();
    await this.field('companyName').fill(v.company);
    await this.field('adminUsername').fill(v.username);
    await this.field('adminDisplayName').fill(v.name);
    await this.field('adminPassword').fill(v.password);
    await this.page.locator('.first-start button[type=submit]').click();
  }

  async expectShown(): Promise<void> {
    await expect(this.demo).toBeVisible();
    await expect(this.empty).toBeVisible();
  }
}
