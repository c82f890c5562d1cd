import type { MailboxMessage } from '@ses-console/contract';
import { paths } from '../../../config/paths';

/**
 * The console's own link for a verification email: the Mailbox with `?verify=<token>`, where a button
 * verifies through the BFF. The email's link points at the emulator's port, which a browser on the
 * console's URL may not reach (another host, a proxy, a container), so the console never shows it as
 * the way to verify.
 */
export function consoleVerificationPath(
  message: Pick<MailboxMessage, 'region' | 'verificationToken'>,
): string | undefined {
  if (!message.verificationToken) return undefined;
  return paths.mailbox.href({ region: message.region || undefined, verify: message.verificationToken });
}

/** The message's text (or HTML) with the emulator's verification link replaced by the console's. */
export function withConsoleLink(
  content: string | undefined,
  message: Pick<MailboxMessage, 'verificationLink'>,
  consoleHref: string | undefined,
): string | undefined {
  if (content === undefined || !message.verificationLink || !consoleHref) return content;
  const escapedForHtml = message.verificationLink.replaceAll('&', '&amp;');
  return content.replaceAll(message.verificationLink, consoleHref).replaceAll(escapedForHtml, consoleHref);
}
