import { Route53Client } from '@aws-sdk/client-route-53';
import { SESv2Client } from '@aws-sdk/client-sesv2';

export interface AwsClientOptions {
  /**
   * Emulator mode: the embedded emulator's URL, used with static dummy credentials. Omitted (aws
   * mode): the SDK's own resolution applies — default credential chain and profiles, and
   * `AWS_ENDPOINT_URL_SESV2` / `AWS_ENDPOINT_URL_ROUTE_53`, which the SDK reads itself.
   */
  emulatorEndpoint?: string;
  /** Per-attempt socket/response timeout. */
  requestTimeoutMs: number;
}

export interface AwsClients {
  ses(region: string): SESv2Client;
  /** Route 53 is global; one client serves every region. */
  route53(): Route53Client;
  destroy(): void;
}

/** Emulator mode only: the emulator maps any non-12-digit key to its default account. */
const EMULATOR_CREDENTIALS = { accessKeyId: 'ses-console-emulator', secretAccessKey: 'not-a-secret' };

/** Creates SDK clients lazily, once per region (a small cache), with adaptive retries and timeouts. */
export function createAwsClients(options: AwsClientOptions): AwsClients {
  const common = () => ({
    retryMode: 'adaptive' as const,
    maxAttempts: 4,
    // The SDK builds its NodeHttpHandler from these options.
    requestHandler: {
      connectionTimeout: Math.min(options.requestTimeoutMs, 5_000),
      requestTimeout: options.requestTimeoutMs,
    },
    ...(options.emulatorEndpoint
      ? { endpoint: options.emulatorEndpoint, credentials: EMULATOR_CREDENTIALS }
      : {}),
  });
  const sesClients = new Map<string, SESv2Client>();
  let route53: Route53Client | undefined;
  return {
    ses(region) {
      let client = sesClients.get(region);
      if (!client) {
        client = new SESv2Client({ region, ...common() });
        sesClients.set(region, client);
      }
      return client;
    },
    route53() {
      // Route 53 signs with us-east-1 in the aws partition.
      route53 ??= new Route53Client({ region: 'us-east-1', ...common() });
      return route53;
    },
    destroy() {
      for (const client of sesClients.values()) client.destroy();
      route53?.destroy();
    },
  };
}
