import type { CreateIdentityResponse } from '@ses-console/contract';
import type { Notification } from '../../../lib/notifications';

/**
 * The Flashbar messages that tell a user what happens after creating an identity. The console opens
 * the new identity's page right after, so they belong to that page (`next-page`).
 */
export function createOutcomeNotifications(
  result: CreateIdentityResponse,
  isDomain: boolean,
  /** How the headers name the identity (with ACCOUNTS, `x in staging (222222222222)`). */
  named: (name: string) => string = (name) => name,
): Notification[] {
  const notes: Notification[] = [];
  const name = result.name;
  const title = named(name);
  if (!isDomain) {
    notes.push({
      id: `create-${name}`,
      lifetime: 'next-page',
      type: 'success',
      header: `${title} was created.`,
      content: `A verification email was sent to ${name}. The link expires in 24 hours; the address is verified once it is clicked.`,
    });
  } else if (result.publish?.outcome === 'published') {
    notes.push({
      id: `create-${name}`,
      lifetime: 'next-page',
      type: 'success',
      header: `${title} was created.`,
      content: `Its DNS records were published to Route 53 hosted zone ${result.publish.hostedZone?.name ?? ''}. SES checks them and verifies the domain, usually within minutes (at most 72 hours).`,
    });
  } else if (result.publish?.outcome === 'needs_confirmation') {
    notes.push({
      id: `create-${name}`,
      lifetime: 'next-page',
      type: 'info',
      header: `${title} was created.`,
      content: `Route 53 hosted zone ${result.publish.hostedZone?.name ?? ''} already has records that publishing would change, so nothing was published. Open the identity's Authentication tab and choose Publish DNS records to Route53 to review the changes.`,
    });
  } else if (result.identity?.hostedZone && result.publish?.outcome !== 'no_hosted_zone') {
    // Publishing was not asked for, but a zone of this account covers the domain: the page that opens
    // next offers Publish, so the way to verify is that button, not another DNS provider.
    notes.push({
      id: `create-${name}`,
      lifetime: 'next-page',
      type: 'success',
      header: `${title} was created.`,
      content: `Route 53 hosted zone ${result.identity.hostedZone.name} covers this domain. To verify it, choose Publish DNS records to Route53 under Authentication; SES keeps checking for 72 hours.`,
    });
  } else {
    const noZone = result.publish?.outcome === 'no_hosted_zone';
    notes.push({
      id: `create-${name}`,
      lifetime: 'next-page',
      type: noZone ? 'info' : 'success',
      header: `${title} was created.`,
      content: `${noZone ? 'No Route 53 hosted zone in this account covers this domain, so nothing was published. ' : ''}To verify it, publish the DNS records listed under Authentication with your DNS provider. SES keeps checking for 72 hours.`,
    });
  }
  const failed = result.steps.filter((s) => s.status === 'failed');
  if (!result.complete && failed.length > 0) {
    notes.push({
      id: `create-incomplete-${name}`,
      lifetime: 'next-page',
      type: 'warning',
      header: `${title} was created, but ${failed.length === 1 ? 'one step' : `${failed.length} steps`} failed.`,
      content: failed.map((s) => `${s.step}: ${s.message ?? 'failed'}`).join(' · '),
    });
  }
  return notes;
}
