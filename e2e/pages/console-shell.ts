import type { Locator, Page } from '@playwright/test';

/**
 * The chrome around every page: account selector (ACCOUNTS only), region selector, side navigation,
 * breadcrumbs and notifications.
 */
export class ConsoleShell {
  readonly sideNavigation: Locator;
  readonly breadcrumbs: Locator;
  readonly notifications: Locator;
  readonly regionSelector: Locator;
  readonly accountSelector: Locator;

  constructor(readonly page: Page) {
    this.sideNavigation = page.getByRole('navigation', { name: 'Side navigation' });
    this.breadcrumbs = page.getByRole('navigation', { name: 'Breadcrumbs' });
    this.notifications = page.getByRole('region', { name: 'Notifications' });
    this.regionSelector = page.getByRole('button', { name: /, Region$/ });
    this.accountSelector = page.getByRole('button', { name: /, Account$/ });
  }

  /** Picks an account from the top navigation by its name, e.g. `staging`. */
  async selectAccount(name: string): Promise<void> {
    await this.accountSelector.click();
    await this.page.getByRole('menuitemcheckbox', { name: new RegExp(`^${name}`) }).click();
  }

  /** Picks "All accounts" (the identities list of every account). */
  async selectAllAccounts(): Promise<void> {
    await this.accountSelector.click();
    await this.page.getByRole('menuitemcheckbox', { name: /^All accounts/ }).click();
  }

  /** Picks a Region from the top navigation by its code, e.g. `eu-west-1`. */
  async selectRegion(code: string): Promise<void> {
    await this.regionSelector.click();
    await this.page.getByRole('menuitemcheckbox', { name: new RegExp(code) }).click();
  }

  /** Picks "All regions" (the identities list of every Region). */
  async selectAllRegions(): Promise<void> {
    await this.regionSelector.click();
    await this.page.getByRole('menuitemcheckbox', { name: /^All regions/ }).click();
  }

  /** The top navigation's user menu ("<name> (signed in)"). */
  userMenu(name: string): Locator {
    return this.page.getByRole('button', { name: `${name} (signed in)` });
  }

  async signOut(name: string): Promise<void> {
    await this.userMenu(name).click();
    await this.page.getByRole('menuitem', { name: 'Sign out' }).click();
  }

  /** A Flashbar message containing `text`. */
  flash(text: string | RegExp): Locator {
    return this.notifications.getByText(text);
  }
}
