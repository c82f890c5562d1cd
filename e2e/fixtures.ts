import { test as base, expect } from '@playwright/test';
import { CreateIdentityPage } from './pages/create-identity-page';
import { IdentitiesPage } from './pages/identities-page';
import { IdentityPage } from './pages/identity-page';
import { MailboxPage } from './pages/mailbox-page';
import { SendTestEmailPage } from './pages/send-test-email-page';
import { Emulator } from './support/emulator';

export interface ConsoleFixtures {
  /** Seeds data through the real AWS SDK clients and the emulator's control plane; `unique()` names. */
  emulator: Emulator;
  identitiesPage: IdentitiesPage;
  identityPage: IdentityPage;
  createIdentityPage: CreateIdentityPage;
  sendTestEmailPage: SendTestEmailPage;
  mailboxPage: MailboxPage;
}

export const test = base.extend<ConsoleFixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring
  emulator: async ({}, use) => use(new Emulator()),
  identitiesPage: async ({ page }, use) => use(new IdentitiesPage(page)),
  identityPage: async ({ page }, use) => use(new IdentityPage(page)),
  createIdentityPage: async ({ page }, use) => use(new CreateIdentityPage(page)),
  sendTestEmailPage: async ({ page }, use) => use(new SendTestEmailPage(page)),
  mailboxPage: async ({ page }, use) => use(new MailboxPage(page)),
});

export { Emulator } from './support/emulator';
export { expect };
