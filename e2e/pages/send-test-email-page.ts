import { expect, type Locator, type Page } from '@playwright/test';
import { ConsoleShell } from './console-shell';

/** "Send test email" for one identity. */
export class SendTestEmailPage {
  readonly shell: ConsoleShell;
  readonly sendButton: Locator;
  /** The Flashbar message a successful send leaves (its Message ID and recipient). */
  readonly result: Locator;

  constructor(readonly page: Page) {
    this.shell = new ConsoleShell(page);
    this.sendButton = page.getByRole('button', { name: 'Send test email' });
    this.result = this.shell.notifications.getByText(/^Message ID/);
  }

  async goto(region: string, identity: string): Promise<void> {
    await this.page.goto(`/identities/${encodeURIComponent(identity)}/send-test-email?region=${region}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Send test email' })).toBeVisible();
  }

  /** Picks an option of a Cloudscape Select by the field's label. */
  async choose(label: string, option: string | RegExp): Promise<void> {
    await this.page.getByRole('button', { name: new RegExp(`^${label}`) }).click();
    await this.page.getByRole('option', { name: option }).click();
  }

  async send(
    options: { configurationSet?: string; subject?: string; localPart?: string } = {},
  ): Promise<string> {
    if (options.localPart) {
      await this.page.getByRole('textbox', { name: 'From-address local part' }).fill(options.localPart);
    }
    if (options.subject) await this.page.getByRole('textbox', { name: 'Subject' }).fill(options.subject);
    if (options.configurationSet) await this.choose('Configuration set', options.configurationSet);
    await this.sendButton.click();
    await expect(this.shell.flash('Test email sent')).toBeVisible();
    return ((await this.result.locator('code').first().textContent()) ?? '').trim();
  }
}
