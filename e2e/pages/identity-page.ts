import { expect, type Locator, type Page } from '@playwright/test';
import { ConsoleShell } from './console-shell';

export type IdentityTabName =
  | 'Authentication'
  | 'Authorization'
  | 'Configuration set'
  | 'Notifications'
  | 'Tags';

/** One identity: header actions, Summary, tabs and the editable containers inside them. */
export class IdentityPage {
  readonly shell: ConsoleShell;
  readonly tabs: Locator;
  readonly saveButton: Locator;
  readonly cancelButton: Locator;

  constructor(readonly page: Page) {
    this.shell = new ConsoleShell(page);
    this.tabs = page.getByRole('tablist');
    this.saveButton = page.getByRole('button', { name: 'Save changes' });
    this.cancelButton = page.getByRole('button', { name: 'Cancel' });
  }

  async goto(region: string, identity: string, tab?: string): Promise<void> {
    const params = new URLSearchParams({ region });
    if (tab) params.set('tab', tab);
    await this.page.goto(`/identities/${encodeURIComponent(identity)}?${params}`);
    await expect(this.heading(identity)).toBeVisible();
  }

  heading(identity: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: identity });
  }

  tab(name: IdentityTabName): Locator {
    return this.page.getByRole('tab', { name });
  }

  async openTab(name: IdentityTabName): Promise<void> {
    await this.tab(name).click();
  }

  /** The value shown next to a key-value label (Summary and containers), e.g. "Identity status". */
  value(label: string): Locator {
    return this.page.locator(`xpath=//dt[normalize-space(.)="${label}"]/following-sibling::dd[1]`).first();
  }

  /** Clicks the Edit button of a container by its title, e.g. "Custom MAIL FROM domain". */
  async edit(containerTitle: string, buttonLabel = 'Edit'): Promise<void> {
    await this.page.getByRole('button', { name: `${buttonLabel} ${containerTitle}` }).click();
  }

  async save(): Promise<void> {
    await this.saveButton.click();
    await expect(this.saveButton).toHaveCount(0);
  }

  /** Authentication tab: sets the custom MAIL FROM domain to `<subdomain>.<identity>`. */
  async setMailFromDomain(subdomain: string, onMxFailure?: 'Reject message'): Promise<void> {
    await this.edit('Custom MAIL FROM domain');
    await this.page.getByRole('checkbox', { name: 'Use a custom MAIL FROM domain' }).check();
    await this.page.getByRole('textbox', { name: /^MAIL FROM domain/ }).fill(subdomain);
    if (onMxFailure) await this.page.getByRole('radio', { name: onMxFailure }).check();
    await this.save();
  }

  /** Configuration set tab: assigns `name` as the identity's default configuration set. */
  async assignConfigurationSet(name: string): Promise<void> {
    await this.edit('Default configuration set');
    await this.page.getByRole('checkbox', { name: 'Assign a default configuration set' }).check();
    await this.page.getByRole('button', { name: /Choose a configuration set/ }).click();
    await this.page.getByRole('option', { name }).click();
    await this.save();
  }

  /** Tags tab: adds one tag through "Manage tags". */
  async addTag(key: string, value: string): Promise<void> {
    await this.edit('Tags', 'Manage tags');
    await this.page.getByRole('button', { name: 'Add new tag' }).click();
    await this.page.getByRole('combobox', { name: /Key/ }).last().fill(key);
    await this.page.getByRole('combobox', { name: /Value/ }).last().fill(value);
    await this.save();
  }

  /** The DNS diagnostics table (Authentication tab): what public DNS answers for each record. */
  get dnsDiagnostics(): Locator {
    return this.page.getByRole('table', { name: 'DNS diagnostics' });
  }

  /** The diagnostics rows of a DNS name (MAIL FROM has an MX and a TXT row on one name). */
  dnsCheck(name: string): Locator {
    return this.dnsDiagnostics
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  get checkDnsAgainButton(): Locator {
    return this.page.getByRole('button', { name: 'Check again' });
  }

  publishButton(scope: 'DKIM' | 'MAIL FROM'): Locator {
    return this.page.getByRole('button', { name: `Publish DNS records to Route53 (${scope})` });
  }

  /** The Global identity container's replicas (Authentication tab of an Easy DKIM domain). */
  get replicas(): Locator {
    return this.page.getByRole('table', { name: 'Replicas' });
  }

  /** The replica row of a Region (its row header names the Region, e.g. "Europe (Ireland) (eu-west-1)"). */
  replica(region: string): Locator {
    return this.replicas
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`\\(${region}\\)$`) }) });
  }

  /**
   * "Replicate to Regions": chooses the Regions in the dialog and replicates; answers the dialog once
   * every Region has its result.
   */
  async replicateToRegions(regions: string[]): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Replicate to Regions' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('button', { name: /^Regions/ }).click();
    for (const region of regions)
      await dialog.getByRole('option', { name: new RegExp(`\\(${region}\\)`) }).click();
    await this.page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: 'Replicate', exact: true }).click();
    await expect(dialog.getByRole('heading', { name: 'Replication results' })).toBeVisible();
    return dialog;
  }

  get deleteButton(): Locator {
    return this.page.getByRole('button', { name: 'Delete', exact: true }).first();
  }

  get sendTestEmailButton(): Locator {
    return this.page.getByRole('button', { name: 'Send test email' });
  }
}
