import { randomUUID } from 'node:crypto';
import { CreateHostedZoneCommand, Route53Client } from '@aws-sdk/client-route-53';

/** A Route 53 client pointed at the emulator; a 12-digit access key id selects the account. */
export function route53Client(url: string, accessKeyId = 'test', region = 'us-east-1'): Route53Client {
  return new Route53Client({
    region,
    endpoint: url,
    credentials: { accessKeyId, secretAccessKey: 'test' },
    maxAttempts: 1,
  });
}

export async function createZone(client: Route53Client, name: string) {
  const out = await client.send(new CreateHostedZoneCommand({ Name: name, CallerReference: randomUUID() }));
  return { ...out, zoneId: (out.HostedZone?.Id ?? '').replace('/hostedzone/', '') };
}

/** Runs `promise`, expecting it to reject; returns the error for assertions (fails the test when it resolves). */
export async function rejectionOf(
  promise: Promise<unknown>,
): Promise<Error & { $metadata: { httpStatusCode?: number } }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { $metadata: { httpStatusCode?: number } };
  }
  throw new Error('expected the request to fail, but it succeeded');
}
