import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';
import { ConsoleShell } from './console-shell';

export interface ListQuery {
  /** A region code, or `all` for the All regions view. */
  region: string;
  filter?: string;
  sort?: 'name' | 'type' | 'status' | 'region';
  desc?: boolean;
}

/** "Verified identities": the identities table, its filter, sorting, selection and the delete flow. */
export class IdentitiesPage {
  readonly shell: ConsoleShell;
  readonly table: Locator;
  readonly heading: Locator;
  readonly filterInput: Locator;
  readonly createButton: Locator;
  readonly deleteButton: Locator;
  readonly sendTestEmailButton: Locator;
  readonly refreshButton: Locator;
  readonly downloadCsvButton: Locator;

  constructor(readonly page: Page) {
    this.shell = new ConsoleShell(page);
    this.table = page.getByRole('table', { name: 'Identities' });
    this.heading = page.getByRole('heading', { name: /^Identities/ });
    this.filterInput = page.getByRole('searchbox', { name: 'Filter identities' });
    this.createButton = page.getByRole('button', { name: 'Create identity' });
    this.deleteButton = page.getByRole('button', { name: 'Delete', exact: true });
    this.sendTestEmailButton = page.getByRole('button', { name: 'Send test email' });
    this.refreshButton = page.getByRole('button', { name: 'Refresh identities' });
    this.downloadCsvButton = page.getByRole('button', { name: 'Download CSV' });
  }

  async goto(query: ListQuery): Promise<void> {
    const params = new URLSearchParams({ region: query.region });
    if (query.filter) params.set('filter', query.filter);
    if (query.sort) params.set('sort', query.sort);
    if (query.desc) params.set('desc', '1');
    await this.page.goto(`/identities?${params}`);
    await expect(this.heading).toBeVisible();
    await expect(this.table.getByText('Loading identities')).toHaveCount(0);
  }

  async filter(text: string): Promise<void> {
    await this.filterInput.fill(text);
  }

  /** A row by identity name; in the All regions view, pass the region to tell same names apart. */
  row(identity: string, region?: string): Locator {
    const rows = this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('link', { name: identity, exact: true }) });
    return region ? rows.filter({ hasText: region }) : rows;
  }

  /** The texts of one column (by its header, e.g. `Status`, `Account`), in table order. */
  async columnTexts(header: 'Status' | 'Region' | 'Account'): Promise<string[]> {
    const th = this.table.getByRole('columnheader', { name: new RegExp(`^${header}`) });
    const index = await th.evaluate((cell) => Array.from(cell.parentElement?.children ?? []).indexOf(cell));
    const rows = this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader') });
    return rows.evaluateAll(
      (trs, i) => trs.map((tr) => (tr.children[i as number]?.textContent ?? '').trim()),
      index,
    );
  }

  /** The All regions warning about a region whose identities could not be loaded. */
  regionWarning(region: string): Locator {
    return this.page.getByText(`Could not load identities in ${region}`);
  }

  /** Clicks "Download CSV" and returns the saved file's name and text. */
  async downloadCsv(): Promise<{ fileName: string; text: string }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.downloadCsvButton.click(),
    ]);
    const path = await download.path();
    return { fileName: download.suggestedFilename(), text: await readFile(path, 'utf8') };
  }

  link(identity: string): Locator {
    return this.table.getByRole('link', { name: identity, exact: true });
  }

  /** The identity names in the order the table shows them. */
  async names(): Promise<string[]> {
    return this.table
      .getByRole('rowheader')
      .allInnerTexts()
      .then((t) => t.map((s) => s.trim()));
  }

  /** The status text of each shown row, in table order. */
  async statuses(): Promise<string[]> {
    const rows = this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader') });
    return rows.evaluateAll((trs) => trs.map((tr) => (tr.lastElementChild?.textContent ?? '').trim()));
  }

  async sortBy(column: 'Identity' | 'Identity type' | 'Status' | 'Region' | 'Account'): Promise<void> {
    await this.table.getByRole('columnheader', { name: column, exact: false }).first().click();
  }

  /** Sets the page size through the table's Preferences (kept in localStorage). */
  async setPageSize(size: 10 | 25 | 50 | 100): Promise<void> {
    await this.page.getByRole('button', { name: 'Preferences' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Preferences' });
    await dialog.getByRole('radio', { name: `${size} identities` }).check({ force: true });
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await expect(dialog).toBeHidden();
  }

  checkbox(identity: string): Locator {
    return this.page.getByRole('checkbox', { name: `Select ${identity}` });
  }

  async select(...identities: string[]): Promise<void> {
    for (const identity of identities) await this.checkbox(identity).check();
  }

  async open(identity: string): Promise<void> {
    await this.link(identity).click();
  }

  /** Deletes the selected identities through the confirmation modal (typing `delete` when asked). */
  async deleteSelected(): Promise<Locator> {
    await this.deleteButton.click();
    const dialog = this.page.getByRole('dialog');
    const typed = dialog.getByRole('textbox', { name: /^To confirm deletion/ });
    if (await typed.isVisible()) await typed.fill('delete');
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    return dialog;
  }
}
