import { expect, type Locator, type Page } from '@playwright/test';
import { FirstStartPage } from './FirstStartPage';
import { GridModel } from './GridModel';

/** The application as a user meets it: sign-in, the shell (navigation, scope, language, user). */
export class AppPage {
  readonly currentUser: Locator;
  readonly scope: Locator;
  readonly navItems: Locator;
  readonly pageTitle: Locator;
  readonly readOnlyBadge: Locator;
  readonly pageMessage: Locator;

  constructor(
    readonly page: Page,
    readonly base = '/',
  ) {
    this.currentUser = page.getByTestId('current-user');
    this.scope = page.getByTestId('scope');
    this.navItems = page.locator('nav.sidebar .nav-item');
    this.pageTitle = page.locator('.page-head h2');
    this.readOnlyBadge = page.getByTestId('read-only');
    this.pageMessage = page.getByTestId('page-message');
  }

  async open(): Promise<this> {
    await this.page.goto(this.base);
    return this;
  }

  firstStart(): FirstStartPage {
    return new FirstStartPage(this.page);
  }

  async signIn(username: string, password = 'demo1234'): Promise<this> {
    const form = this.page.locator('form.sign-in');
    await form.locator('input[name=username]').fill(username);
    await form.locator('input[name=password]').fill(password);
    await form.locator('button[type=submit]').click();
    await expect(this.currentUser).toBeVisible();
    return this;
  }

  async signOut(): Promise<void> {
    await this.page.locator('header.topbar > button').last().click();
    await expect(this.page.locator('form.sign-in')).toBeVisible();
  }

  async navLabels(): Promise<string[]> {
    return (await this.navItems.allTextContents()).map((s) => s.trim());
  }

  /** Opens a page from the left navigation by its label and returns its grid. */
  async go(label: string, gridId: string): Promise<GridModel> {
    await this.navItems.filter({ hasText: label }).first().click();
    await expect(this.pageTitle).toHaveText(label);
    const grid = new GridModel(this.page, gridId);
    await grid.waitLoaded();
    return grid;
  }

  async switchLanguage(locale: 'zh-CN' | 'en'): Promise<void> {
    const button = this.page.locator('.lang-switch button', { hasText: locale === 'en' ? 'English' : '中文' }).first();
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
    await expect(this.page.locator('html')).toHaveAttribute('lang', locale);
  }
}
