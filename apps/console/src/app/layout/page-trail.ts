import { matchPath } from 'react-router';
import { paths } from '../../config/paths';

/** One step of where a page sits: its breadcrumb and its part of the document title. */
export interface PageStep {
  /** The breadcrumb's text (a section's crumb names its navigation group, as the SES console's do). */
  text: string;
  href: string;
  /** Its part of the document title. */
  title: string;
}

const SERVICE = 'Amazon SES';

/** A path segment as the user wrote the name: `support%40example.com` is `support@example.com`. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a malformed escape: show it as it is rather than fail
  }
}

/** The account a page acts in, with ACCOUNTS: its id and name, or All accounts (the identities list's view). */
export type TrailAccount = { id: string; name: string } | 'all';

/**
 * Where the page at `pathname` sits, from the service down to the page itself: the breadcrumbs show
 * it, the document title reads it backwards (`<identity> | Verified identities | Amazon SES`). One
 * rule for both, so they never disagree. With ACCOUNTS the account follows the service
 * (`staging (111111111111)`; the title names it: `<identity> | Verified identities | staging | Amazon SES`).
 */
export function pageTrail(pathname: string, region: string | undefined, account?: TrailAccount): PageStep[] {
  const accountId = account === undefined ? undefined : account === 'all' ? 'all' : account.id;
  const place = { region, account: accountId };
  const home = paths.identities.href(place);
  const trail: PageStep[] = [{ text: SERVICE, href: home, title: SERVICE }];
  if (account === 'all') trail.push({ text: 'All accounts', href: home, title: 'All accounts' });
  else if (account) trail.push({ text: `${account.name} (${account.id})`, href: home, title: account.name });
  // Below the list, a page acts in one account: its links never carry All accounts.
  const one = { region, account: account === 'all' ? undefined : accountId };
  const section = (group: string, name: string, href: string) =>
    trail.push({ text: `${group}: ${name}`, href, title: name });

  if (pathname === paths.identities.path || pathname.startsWith(`${paths.identities.path}/`)) {
    section('Configuration', 'Verified identities', home);
    if (matchPath(paths.createIdentity.path, pathname)) {
      trail.push({
        text: 'Create identity',
        href: paths.createIdentity.href(one),
        title: 'Create identity',
      });
      return trail;
    }
    const identity =
      matchPath(paths.sendTestEmail.path, pathname)?.params.identity ??
      matchPath(paths.identity.path, pathname)?.params.identity;
    if (identity) {
      const name = decodeSegment(identity);
      trail.push({ text: name, href: paths.identity.href(name, one), title: name });
      if (matchPath(paths.sendTestEmail.path, pathname)) {
        trail.push({
          text: 'Send test email',
          href: paths.sendTestEmail.href(name, one),
          title: 'Send test email',
        });
      }
    }
    return trail;
  }
  if (pathname.startsWith(paths.configurationSets.path)) {
    section('Configuration', 'Configuration sets', paths.configurationSets.href(one));
  } else if (pathname.startsWith(paths.activity.path)) {
    section('Administration', 'Activity', paths.activity.href(one));
  } else if (pathname.startsWith(paths.mailbox.path)) {
    section('Emulator', 'Mailbox', paths.mailbox.href(one));
  } else if (pathname.startsWith(paths.snsTopics.path)) {
    section('Emulator', 'SNS topics', paths.snsTopics.href(one));
  } else if (pathname.startsWith(paths.emulatorAccount.path)) {
    section('Emulator', 'Account', paths.emulatorAccount.href(one));
  } else if (pathname !== paths.home.path) {
    trail.push({ text: 'Page not found', href: pathname, title: 'Page not found' });
  }
  return trail;
}

/** The document title of a trail: the page first, the service last. */
export function pageTitleOf(trail: readonly PageStep[]): string {
  return trail
    .map((step) => step.title)
    .reverse()
    .join(' | ');
}
