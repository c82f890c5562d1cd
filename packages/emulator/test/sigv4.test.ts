import { ListHostedZonesCommand, Route53Client } from '@aws-sdk/client-route-53';
import {
  CreateEmailIdentityCommand,
  GetEmailIdentityCommand,
  ListTagsForResourceCommand,
  SESv2Client,
  TagResourceCommand,
  UntagResourceCommand,
} from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../src/index.js';
import { parseCredentials } from '../src/protocol/sigv4.js';
import { createZone, rejectionOf } from './route53-helpers.js';

describe('EMULATOR_AUTH=sigv4: strict signature checks with the real SDK', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({
      port: 0,
      auth: {
        mode: 'sigv4',
        credentials: parseCredentials(
          'AKIDALPHA:alpha-secret:111111111111,AKIDBETA:beta-secret:222222222222',
        ),
      },
    });
  });
  afterAll(() => emulator.close());

  const ses = (accessKeyId: string, secretAccessKey: string, systemClockOffset = 0) =>
    new SESv2Client({
      region: 'eu-west-1',
      endpoint: emulator.url,
      credentials: { accessKeyId, secretAccessKey },
      maxAttempts: 1,
      systemClockOffset,
    });
  const r53 = (accessKeyId: string, secretAccessKey: string) =>
    new Route53Client({
      region: 'us-east-1',
      endpoint: emulator.url,
      credentials: { accessKeyId, secretAccessKey },
      maxAttempts: 1,
    });

  it('when the secret is right, then the request is served (a path with @ and + signs as the SDK does)', async () => {
    const error = await rejectionOf(
      ses('AKIDALPHA', 'alpha-secret').send(
        new GetEmailIdentityCommand({ EmailIdentity: 'a+b@example.com' }),
      ),
    );
    // Authenticated: the answer is about the identity, not the signature.
    expect(error.name).toBe('NotFoundException');
    expect(error.$metadata.httpStatusCode).toBe(404);
  });

  it('when the secret is wrong, then SES answers InvalidSignatureException and Route 53 SignatureDoesNotMatch', async () => {
    const sesError = await rejectionOf(
      ses('AKIDALPHA', 'wrong').send(new GetEmailIdentityCommand({ EmailIdentity: 'example.com' })),
    );
    expect(sesError.name).toBe('InvalidSignatureException');
    expect(sesError.message).toMatch(
      /^The request signature we calculated does not match the signature you provided/,
    );
    expect(sesError.$metadata.httpStatusCode).toBe(403);
    const r53Error = await rejectionOf(r53('AKIDALPHA', 'wrong').send(new ListHostedZonesCommand({})));
    expect(r53Error.name).toBe('SignatureDoesNotMatch');
    expect(r53Error.$metadata.httpStatusCode).toBe(403);
  });

  it('when the access key is unknown, then the answer is UnrecognizedClientException / InvalidClientTokenId', async () => {
    const sesError = await rejectionOf(
      ses('AKIDNOBODY', 'x').send(new GetEmailIdentityCommand({ EmailIdentity: 'example.com' })),
    );
    expect(sesError.name).toBe('UnrecognizedClientException');
    expect(sesError.message).toBe('The security token included in the request is invalid.');
    expect(sesError.$metadata.httpStatusCode).toBe(403);
    const r53Error = await rejectionOf(r53('AKIDNOBODY', 'x').send(new ListHostedZonesCommand({})));
    expect(r53Error.name).toBe('InvalidClientTokenId');
  });

  it('when the client clock is 10 minutes behind, then the signature has expired', async () => {
    const error = await rejectionOf(
      ses('AKIDALPHA', 'alpha-secret', -10 * 60 * 1000).send(
        new GetEmailIdentityCommand({ EmailIdentity: 'example.com' }),
      ),
    );
    expect(error.name).toBe('InvalidSignatureException');
    expect(error.message).toMatch(
      /^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 5 min\.\)$/,
    );
    expect(error.$metadata.httpStatusCode).toBe(403);
  });

  it('when a request is unsigned, then it is rejected as missing authentication', async () => {
    const res = await fetch(`${emulator.url}/2013-04-01/hostedzone`);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('<Code>MissingAuthenticationToken</Code>');
  });

  it('when two keys map to two accounts, then each sees only its own zones', async () => {
    await createZone(r53('AKIDALPHA', 'alpha-secret'), 'alpha-only.example');
    const beta = await r53('AKIDBETA', 'beta-secret').send(new ListHostedZonesCommand({}));
    expect(beta.HostedZones?.map((z) => z.Name)).not.toContain('alpha-only.example.');
    const alpha = await r53('AKIDALPHA', 'alpha-secret').send(new ListHostedZonesCommand({}));
    expect(alpha.HostedZones?.map((z) => z.Name)).toContain('alpha-only.example.');
  });

  it('when UntagResource sends many repeated TagKeys (query-string heavy), then the signature still verifies', async () => {
    const client = ses('AKIDALPHA', 'alpha-secret');
    const created = await client.send(
      new CreateEmailIdentityCommand({ EmailIdentity: 'tags.sigv4.example' }),
    );
    expect(created.$metadata.httpStatusCode).toBe(200);
    const arn = 'arn:aws:ses:eu-west-1:111111111111:identity/tags.sigv4.example';
    const keys = ['b', 'a', 'with space', 'ü-key', 'x/y', 'p+q', 'eq=sign', 'a:b', '@at', 'Z'];
    await client.send(
      new TagResourceCommand({
        ResourceArn: arn,
        Tags: [...keys, 'kept'].map((Key) => ({ Key, Value: `v-${Key}` })),
      }),
    );
    const untagged = await client.send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: keys }));
    expect(untagged.$metadata.httpStatusCode).toBe(200);
    const left = await client.send(new ListTagsForResourceCommand({ ResourceArn: arn }));
    expect(left.Tags).toEqual([{ Key: 'kept', Value: 'v-kept' }]);
  });

  it('when the signed x-amz-content-sha256 does not match the body, then the request is rejected (no body swap)', async () => {
    const client = ses('AKIDALPHA', 'alpha-secret');
    // The SDK signs whatever hash the header declares; the body sent is a different one.
    client.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { headers: Record<string, string> };
        request.headers['x-amz-content-sha256'] =
          'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'; // sha256("")
        return next(args);
      },
      { step: 'build', name: 'declareFalsePayloadHash' },
    );
    const error = await rejectionOf(
      client.send(new CreateEmailIdentityCommand({ EmailIdentity: 'swapped.sigv4.example' })),
    );
    expect(error.name).toBe('InvalidSignatureException');
    expect(error.message).toBe('The provided x-amz-content-sha256 header does not match what was computed.');
    expect(error.$metadata.httpStatusCode).toBe(403);
  });
});
