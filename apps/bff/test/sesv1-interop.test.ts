import {
  GetIdentityVerificationAttributesCommand,
  ListIdentitiesCommand,
  VerifyEmailIdentityCommand,
} from '@aws-sdk/client-ses';
import { apiPaths, type MailboxMessage } from '@ses-console/contract';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, REGION, startHarness, unique, url } from './support/harness.js';

/**
 * The console reads SES v2; programs written against SES v1 share the same identities. What one API
 * creates, the other lists, with its own status names.
 */
describe('identities shared by SES v1 programs and the console', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  const listed = async () =>
    (
      await request(h.app)
        .get(url(apiPaths.identities, { region: REGION }))
        .expect(200)
    ).body.identities as Array<{
      name: string;
      status: string;
    }>;

  it('when a program verifies an address through SES v1, then the console lists it as Pending, and Verified once its link is followed', async () => {
    const address = `${unique('v1')}@example.com`;
    await h.sesV1().send(new VerifyEmailIdentityCommand({ EmailAddress: address }));
    expect((await listed()).find((i) => i.name === address)).toMatchObject({ status: 'PENDING' });

    // Its verification email, from SES's sender, addressed to it.
    const mailbox = await request(h.app)
      .get(apiPaths.emulatorMailbox)
      .query({ email: 'no-reply-aws@amazon.com' })
      .expect(200);
    const message = (mailbox.body.messages as MailboxMessage[]).find((m) => m.to.includes(address));
    const token = message?.verificationToken as string;
    expect(token).toBeTruthy();
    await request(h.app).post(apiPaths.emulatorVerifyEmail).send({ token }).expect(200);
    expect((await listed()).find((i) => i.name === address)).toMatchObject({ status: 'SUCCESS' });
  });

  it('when the console creates a domain, then SES v1 lists it with v1 status names', async () => {
    const domain = `${unique('v2')}.example.com`;
    await request(h.app)
      .post(url(apiPaths.identities, { region: REGION }))
      .send({ type: 'DOMAIN', name: domain, dkim: { origin: 'AWS_SES' } })
      .expect(201);
    const v1 = h.sesV1();
    const names: string[] = [];
    let next: string | undefined;
    do {
      const page = await v1.send(new ListIdentitiesCommand({ IdentityType: 'Domain', NextToken: next }));
      names.push(...(page.Identities ?? []));
      next = page.NextToken;
    } while (next);
    expect(names).toContain(domain);
    const attributes = await v1.send(new GetIdentityVerificationAttributesCommand({ Identities: [domain] }));
    expect(attributes.VerificationAttributes?.[domain]?.VerificationStatus).toBe('Pending');
  });
});
