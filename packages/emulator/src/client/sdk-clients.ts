import { Route53Client } from '@aws-sdk/client-route-53';
import { SESv2Client } from '@aws-sdk/client-sesv2';

/** What the emulator reads as an account id in an access key id (LocalStack's convention). */
const ACCOUNT_ID = /^\d{12}$/;

export interface SdkClientOptions {
  /** The emulator's base URL, e.g. `http://127.0.0.1:4566` (or any SES-compatible endpoint). */
  endpoint: string;
  /** The signing Region, which is the emulated Region (default `us-east-1`). */
  region?: string;
  /**
   * The emulated account: its 12-digit id is sent as the access key id, which the emulator reads as
   * the account. Omitted: the key `test`, i.e. the emulator's default account.
   */
  accountId?: string;
  /** The SDK's attempts per call (default: the SDK's own, 3); 1 reports every failure as it is. */
  maxAttempts?: number;
}

/**
 * Static dummy credentials for an emulated account. Static, so the SDK never walks its default
 * credential chain, whose last step asks the EC2 instance metadata service at 169.254.169.254 — an
 * address off loopback that nothing here may contact.
 */
export function credentialsFor(accountId?: string): { accessKeyId: string; secretAccessKey: string } {
  if (accountId !== undefined && !ACCOUNT_ID.test(accountId)) {
    throw new TypeError(`accountId must be a 12-digit AWS account id, not "${accountId}"`);
  }
  return { accessKeyId: accountId ?? 'test', secretAccessKey: 'test' };
}

/** The client configuration both SDK clients take. */
function clientConfig(options: SdkClientOptions) {
  return {
    region: options.region ?? 'us-east-1',
    endpoint: options.endpoint,
    credentials: credentialsFor(options.accountId),
    ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
  };
}

/** A real SES v2 client on the emulator, signing for `region` as `accountId`. */
export function createSesClient(options: SdkClientOptions): SESv2Client {
  return new SESv2Client(clientConfig(options));
}

/** A real Route 53 client on the emulator. Route 53 is global: it signs for `us-east-1` unless told. */
export function createRoute53Client(options: SdkClientOptions): Route53Client {
  return new Route53Client(clientConfig(options));
}
