import type { CreateIdentityResponse } from '@ses-console/contract';
import { describe, expect, it } from 'vitest';
import { testIdentityDetail } from '../../../testing/identity-detail';
import { createOutcomeNotifications } from './create-outcome';

const base: CreateIdentityResponse = { name: 'example.com', steps: [], complete: true };

describe('what the console says after creating an identity', () => {
  it('when an email address is created, then it says a verification email was sent and the link lasts 24 hours', () => {
    const [note] = createOutcomeNotifications({ ...base, name: 'me@example.com' }, false);
    expect(note?.content).toBe(
      'A verification email was sent to me@example.com. The link expires in 24 hours; the address is verified once it is clicked.',
    );
  });

  it('when the console serves several accounts, then the header names the account it was created in', () => {
    const [note] = createOutcomeNotifications(
      { ...base, name: 'me@example.com' },
      false,
      (name) => `${name} in staging (222222222222)`,
    );
    expect(note?.header).toBe('me@example.com in staging (222222222222) was created.');
  });

  it('when a domain was published to Route 53, then it names the hosted zone', () => {
    const [note] = createOutcomeNotifications(
      {
        ...base,
        publish: { outcome: 'published', hostedZone: { id: 'Z1', name: 'example.com' }, records: [] },
      },
      true,
    );
    expect(note?.content).toContain('published to Route 53 hosted zone example.com');
  });

  it('when Route 53 has no zone for the domain, then it says nothing was published and what to do', () => {
    const [note] = createOutcomeNotifications(
      { ...base, publish: { outcome: 'no_hosted_zone', records: [] } },
      true,
    );
    expect(note?.type).toBe('info');
    expect(note?.content).toContain('No Route 53 hosted zone in this account covers this domain');
  });

  it('when publishing was not asked for but a Route 53 zone covers the domain, then it points at Publish, not another DNS provider', () => {
    const [note] = createOutcomeNotifications(
      { ...base, identity: testIdentityDetail({ hostedZone: { id: 'Z1', name: 'example.com' } }) },
      true,
    );
    expect(note?.content).toBe(
      'Route 53 hosted zone example.com covers this domain. To verify it, choose Publish DNS records to Route53 under Authentication; SES keeps checking for 72 hours.',
    );
    expect(note?.content).not.toContain('DNS provider');
  });

  it('when publishing was not asked for and no zone covers the domain, then it says to use the DNS provider', () => {
    const [note] = createOutcomeNotifications({ ...base, identity: testIdentityDetail() }, true);
    expect(note?.content).toContain('with your DNS provider');
  });

  it('when an identity is created, then its messages belong to the page that opens next', () => {
    const notes = createOutcomeNotifications({ ...base, name: 'me@example.com' }, false);
    expect(notes.map((n) => n.lifetime)).toEqual(['next-page']);
  });

  it('when publishing would change existing records, then it says nothing was published and where to review', () => {
    const [note] = createOutcomeNotifications(
      {
        ...base,
        publish: {
          outcome: 'needs_confirmation',
          hostedZone: { id: 'Z1', name: 'example.com' },
          records: [],
          plan: { changes: [], needsConfirmation: true, planId: 'p1' },
        },
      },
      true,
    );
    expect(note?.type).toBe('info');
    expect(note?.content).toContain(
      'already has records that publishing would change, so nothing was published',
    );
    expect(note?.content).toContain('Publish DNS records to Route53');
  });

  it('when a later step failed, then a warning names the step and its reason', () => {
    const notes = createOutcomeNotifications(
      {
        ...base,
        complete: false,
        steps: [
          { step: 'CreateEmailIdentity', status: 'succeeded' },
          {
            step: 'PutEmailIdentityMailFromAttributes',
            status: 'failed',
            message: 'Invalid MAIL FROM domain',
          },
        ],
      },
      true,
    );
    expect(notes).toHaveLength(2);
    expect(notes[1]?.type).toBe('warning');
    expect(notes[1]?.content).toBe('PutEmailIdentityMailFromAttributes: Invalid MAIL FROM domain');
  });
});
