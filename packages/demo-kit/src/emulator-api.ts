import { Route53Client } from '@aws-sdk/client-route-53';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { findVerificationLink } from '@ses-console/emulator/verification-link';

/** Static dummy credentials: the emulator accepts any signature; the SDK must never probe EC2 metadata. */
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

export interface CapturedMessage {
  Id: string;
  Region: string;
  Source: string;
  Destination: { ToAddresses?: string[] };
  Subject: string;
  Body?: { text_part: string | null; html_part: string | null };
  ConfigurationSetName?: string;
}

/**
 * The emulator's public interfaces: real AWS SDK clients (SES v2 per region, Route 53) and the
 * control plane (`/_emulator/clock`, `/_emulator/seed`, `/_aws/ses`).
 */
export class EmulatorApi {
  readonly route53: Route53Client;
  private readonly sesClients = new Map<string, SESv2Client>();

  constructor(readonly url: string) {
    this.route53 = new Route53Client({ region: 'us-east-1', endpoint: url, credentials });
  }

  ses(region: string): SESv2Client {
    let client = this.sesClients.get(region);
    if (!client) {
      client = new SESv2Client({ region, endpoint: this.url, credentials });
      this.sesClients.set(region, client);
    }
    return client;
  }

  /** Sets the emulator's clock; its verification engine runs at once. */
  async setClock(instant: Date): Promise<void> {
    await this.control('POST', '/_emulator/clock', { set: instant.toISOString() });
  }

  async seed(options: {
    identities: number;
    regions: string[];
    statuses?: string[];
    names?: string[];
  }): Promise<unknown> {
    return this.control('POST', '/_emulator/seed', options);
  }

  async messages(): Promise<CapturedMessage[]> {
    const { messages } = (await this.control('GET', '/_aws/ses')) as { messages: CapturedMessage[] };
    return messages;
  }

  /** Opens the verification link captured for `address`, as its owner would. */
  async verifyEmailAddress(address: string, mail: CapturedMessage[]): Promise<void> {
    const message = mail.findLast((m) => (m.Destination.ToAddresses ?? []).includes(address));
    const text = `${message?.Body?.text_part ?? ''} ${message?.Body?.html_part ?? ''}`;
    const link = findVerificationLink(text, this.url);
    if (!link) throw new Error(`no verification email captured for ${address}`);
    const res = await fetch(link.url);
    if (!res.ok) throw new Error(`verification link of ${address} answered ${res.status}`);
  }

  close(): void {
    this.route53.destroy();
    for (const client of this.sesClients.values()) client.destroy();
  }

  private async control(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    const token = process.env.EMULATOR_CONTROL_TOKEN;
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        ...(token ? { 'x-emulator-control-token': token } : {}),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  }
}
