import { expect, type Locator, type Page } from '@playwright/test';
import { ConsoleShell } from './console-shell';

/** The emulator's Mailbox: captured messages and a viewer with the verification button. */
export class MailboxPage {
  readonly shell: ConsoleShell;
  readonly table: Locator;
  readonly verifyButton: Locator;

  constructor(readonly page: Page) {
    this.shell = new ConsoleShell(page);
    this.table = page.getByRole('table', { name: 'Captured messages' });
    this.verifyButton = page.getByRole('button', { name: 'Verify email address' });
  }

  async goto(region: string): Promise<void> {
    await this.page.goto(`/mailbox?region=${region}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Mailbox' })).toBeVisible();
  }

  async filter(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Filter messages' }).fill(text);
  }

  row(text: string | RegExp): Locator {
    return this.table.getByRole('row').filter({ hasText: text });
  }

  async open(text: string | RegExp): Promise<void> {
    // The selection lives in the URL (`?message=`), so the radio re-renders: click, then wait for the viewer.
    await this.row(text).first().getByRole('radio').click();
    await expect(this.page.getByRole('tab', { name: 'Raw' })).toBeVisible();
  }
}
