import type { IdentityDetail, RecreateIdentityResponse } from '@ses-console/contract';
import type { Notification } from '../../../lib/notifications';

/** What re-creating keeps, in words, for the confirmation dialog. */
export function recreateKeeps(detail: IdentityDetail): string[] {
  const kept = [`${detail.tags.length} tag${detail.tags.length === 1 ? '' : 's'}`];
  kept.push(
    detail.configurationSetName
      ? `default configuration set ${detail.configurationSetName}`
      : 'no default set',
  );
  if (detail.type === 'DOMAIN') {
    kept.push(
      detail.dkim.origin === 'EXTERNAL'
        ? `BYODKIM with selector ${detail.dkim.tokens[0] ?? ''}`
        : `Easy DKIM, ${detail.dkim.nextKeyLength ?? 'RSA_2048_BIT'}`,
      `DKIM signatures ${detail.dkim.signingEnabled ? 'enabled' : 'disabled'}`,
      detail.mailFrom.domain ? `MAIL FROM domain ${detail.mailFrom.domain}` : 'no custom MAIL FROM domain',
    );
  }
  kept.push(`email feedback forwarding ${detail.feedbackForwardingEnabled ? 'enabled' : 'disabled'}`);
  const policies = Object.keys(detail.policies).length;
  kept.push(`${policies} authorization polic${policies === 1 ? 'y' : 'ies'}`);
  return kept;
}

/** The Flashbar answer to a re-create: what happens next, and any step that did not go through. */
export function recreateOutcomeNotifications(result: RecreateIdentityResponse): Notification[] {
  const name = result.name;
  const isDomain = result.identity?.type !== 'EMAIL_ADDRESS' && !name.includes('@');
  const published = result.publish?.outcome === 'published';
  const notes: Notification[] = [
    {
      id: `recreate-${name}`,
      type: 'success',
      header: `${name} was re-created; verification started again.`,
      content: !isDomain
        ? `A new verification email was sent to ${name}; its link expires in 24 hours.`
        : published
          ? `Its new DKIM records were published to Route 53 hosted zone ${result.publish?.hostedZone?.name ?? ''}; SES checks them for 72 hours.`
          : 'It has new DKIM records: publish them (listed under Authentication); SES checks for 72 hours.',
    },
  ];
  const failed = result.steps.filter((s) => s.status === 'failed');
  if (!result.complete && failed.length > 0) {
    notes.push({
      id: `recreate-incomplete-${name}`,
      type: 'warning',
      header: `${name} was re-created, but ${failed.length === 1 ? 'one step' : `${failed.length} steps`} failed.`,
      content: failed.map((s) => `${s.step}: ${s.message ?? 'failed'}`).join(' · '),
    });
  }
  return notes;
}
