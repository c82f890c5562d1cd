import { expect, type Locator, type Page } from '@playwright/test';
import { ConsoleShell } from './console-shell';

/** "Create identity": the single-page form for a domain or an email address. */
export class CreateIdentityPage {
  readonly shell: ConsoleShell;
  readonly submitButton: Locator;

  constructor(readonly page: Page) {
    this.shell = new ConsoleShell(page);
    this.submitButton = page.getByRole('button', { name: 'Create identity' });
  }

  async goto(region: string): Promise<void> {
    await this.page.goto(`/identities/create?region=${region}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Create identity' })).toBeVisible();
  }

  /** Fills and submits the form for a domain; Publish DNS records to Route53 only with `publishToRoute53`. */
  async createDomain(
    domain: string,
    options: { publishToRoute53?: boolean; mailFromSubdomain?: string } = {},
  ) {
    await this.page.getByRole('radio', { name: /^Domain/ }).check();
    await this.page.getByRole('textbox', { name: 'Domain' }).fill(domain);
    if (options.mailFromSubdomain) {
      await this.page.getByRole('checkbox', { name: /Use a custom MAIL FROM domain/ }).check();
      await this.page.getByRole('textbox', { name: /^MAIL FROM domain/ }).fill(options.mailFromSubdomain);
    }
    // The page looks up the covering hosted zone first (and then ticks Publish when there is one):
    // wait for its answer, then leave Publish exactly as asked (off unless `publishToRoute53`).
    await expect(
      this.page.getByText(/^(Hosted zone \S+ covers|No public Route 53 hosted zone in this account covers)/),
    ).toBeVisible();
    await this.page
      .getByRole('checkbox', { name: /Publish DNS records to Route53/ })
      .setChecked(options.publishToRoute53 ?? false);
    await this.submitButton.click();
  }

  async createEmailAddress(address: string): Promise<void> {
    await this.page.getByRole('radio', { name: /^Email address/ }).check();
    await this.page.getByRole('textbox', { name: 'Email address' }).fill(address);
    await this.submitButton.click();
  }
}
