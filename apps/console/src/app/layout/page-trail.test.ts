import { describe, expect, it } from 'vitest';
import { pageTitleOf, pageTrail } from './page-trail';

const titleOf = (path: string) => pageTitleOf(pageTrail(path, 'us-east-1'));

describe('where a page sits: breadcrumbs and document title', () => {
  it('when an email identity is open, then its breadcrumb reads the address, not its percent-encoding', () => {
    const trail = pageTrail('/identities/support%40acme-studio.app', 'us-east-1');
    expect(trail.map((s) => s.text)).toEqual([
      'Amazon SES',
      'Configuration: Verified identities',
      'support@acme-studio.app',
    ]);
    expect(trail.at(-1)?.href).toBe('/identities/support%40acme-studio.app?region=us-east-1');
  });

  it('when a path holds a malformed escape, then it is shown as written rather than failing', () => {
    expect(pageTrail('/identities/bad%E0', undefined).at(-1)?.text).toBe('bad%E0');
  });

  it.each([
    ['/identities', 'Verified identities | Amazon SES'],
    ['/identities/create', 'Create identity | Verified identities | Amazon SES'],
    ['/identities/example.com', 'example.com | Verified identities | Amazon SES'],
    ['/identities/support%40example.com', 'support@example.com | Verified identities | Amazon SES'],
    [
      '/identities/support%40example.com/send-test-email',
      'Send test email | support@example.com | Verified identities | Amazon SES',
    ],
    ['/configuration-sets', 'Configuration sets | Amazon SES'],
    ['/activity', 'Activity | Amazon SES'],
    ['/mailbox', 'Mailbox | Amazon SES'],
    ['/no-such-page', 'Page not found | Amazon SES'],
  ])('when %s is open, then the document title is "%s"', (path, title) => {
    expect(titleOf(path)).toBe(title);
  });
});
