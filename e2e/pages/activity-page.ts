import { expect, type Locator, type Page } from '@playwright/test';
import { ConsoleShell } from './console-shell';

/** "Activity": the audit log table, its filters and the CSV export. */
export class ActivityPage {
  readonly shell: ConsoleShell;
  readonly table: Locator;
  readonly identityFilter: Locator;
  readonly exportButton: Locator;

  constructor(readonly page: Page) {
    this.shell = new ConsoleShell(page);
    this.table = page.getByRole('table', { name: 'Activity' });
    this.identityFilter = page.getByRole('searchbox', { name: 'Identity filter' });
    this.exportButton = page.getByRole('link', { name: 'Export CSV' });
  }

  async openFromNavigation(): Promise<void> {
    await this.shell.sideNavigation.getByRole('link', { name: 'Activity' }).click();
    await expect(this.page.getByRole('heading', { name: /^Activity/ })).toBeVisible();
  }

  /** The Account filter (ACCOUNTS only): entries of the account with this name. */
  async filterByAccount(name: string): Promise<void> {
    await this.page.getByRole('button', { name: /^Account Any/ }).click();
    await this.page.getByRole('option', { name: new RegExp(`^${name}`) }).click();
  }

  async filterByIdentity(identity: string): Promise<void> {
    await this.identityFilter.fill(identity);
    await this.identityFilter.press('Enter');
  }

  /** Rows whose text contains every one of `texts`. */
  rowWith(...texts: string[]): Locator {
    let rows = this.table.getByRole('row');
    for (const text of texts) rows = rows.filter({ hasText: text });
    return rows;
  }
}
