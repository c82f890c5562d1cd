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

/**
 * Where the page at `pathname` sits, from the service down to the page itself: the breadcrumbs show
 * it, the document title reads it backwards (`<identity> | Verified identities | Amazon SES`). One
 * rule for both, so they never disagree.
 */
export function pageTrail(pathname: string, region: string | undefined): PageStep[] {
  const home = paths.identities.href({ region });
  const trail: PageStep[] = [{ text: SERVICE, href: home, title: SERVICE }];
  const section = (group: string, name: string, href: string) =>
    trail.push({ text: `${group}: ${name}`, href, title: name });

  if (pathname === paths.identities.path || pathname.startsWith(`${paths.identities.path}/`)) {
    section('Configuration', 'Verified identities', home);
    if (matchPath(paths.createIdentity.path, pathname)) {
      trail.push({
        text: 'Create identity',
        href: paths.createIdentity.href({ region }),
        title: 'Create identity',
      });
      return trail;
    }
    const identity =
      matchPath(paths.sendTestEmail.path, pathname)?.params.identity ??
      matchPath(paths.identity.path, pathname)?.params.identity;
    if (identity) {
      const name = decodeSegment(identity);
      trail.push({ text: name, href: paths.identity.href(name, { region }), title: name });
      if (matchPath(paths.sendTestEmail.path, pathname)) {
        trail.push({
          text: 'Send test email',
          href: paths.sendTestEmail.href(name, { region }),
          title: 'Send test email',
        });
      }
    }
    return trail;
  }
  if (pathname.startsWith(paths.configurationSets.path)) {
    section('Configuration', 'Configuration sets', paths.configurationSets.href({ region }));
  } else if (pathname.startsWith(paths.activity.path)) {
    section('Administration', 'Activity', paths.activity.href({ region }));
  } else if (pathname.startsWith(paths.mailbox.path)) {
    section('Emulator', 'Mailbox', paths.mailbox.href({ region }));
  } else if (pathname.startsWith(paths.snsTopics.path)) {
    section('Emulator', 'SNS topics', paths.snsTopics.href({ region }));
  } else if (pathname.startsWith(paths.emulatorAccount.path)) {
    section('Emulator', 'Account', paths.emulatorAccount.href({ region }));
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
