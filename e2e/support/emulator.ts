import { randomBytes } from 'node:crypto';
import {
  ChangeResourceRecordSetsCommand,
  CreateHostedZoneCommand,
  ListResourceRecordSetsCommand,
  Route53Client,
  type RRType,
} from '@aws-sdk/client-route-53';
import {
  CreateConfigurationSetCommand,
  CreateEmailIdentityCommand,
  GetEmailIdentityCommand,
  PutEmailIdentityMailFromAttributesCommand,
  SESv2Client,
} from '@aws-sdk/client-sesv2';
import { findVerificationLink } from '@ses-console/emulator/verification-link';
import { emulatorUrl } from '../env';

/** EMULATOR_CONTROL_TOKEN, when the emulator under test was started with one. */
function controlTokenHeader(): Record<string, string> {
  const token = process.env.EMULATOR_CONTROL_TOKEN;
  return token ? { 'x-emulator-control-token': token } : {};
}

/** Static dummy credentials: the emulator accepts any signature, and the SDK must never probe EC2 metadata. */
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

export interface CapturedMessage {
  Id: string;
  Region: string;
  Source: string;
  Destination: { ToAddresses?: string[] };
  Subject: string;
  Body?: { text_part: string | null; html_part: string | null };
  ConfigurationSetName?: string;
  Timestamp: string;
}

/**
 * Seeds and drives the emulator behind the console, through the real AWS SDK clients and the
 * emulator's control plane. Tests never reset shared state: every name comes from `unique()`.
 */
export class Emulator {
  readonly route53: Route53Client;

  /** `url`: the emulator to seed (default: the one behind the console the config starts). */
  constructor(readonly url: string = emulatorUrl) {
    this.route53 = new Route53Client({ region: 'us-east-1', endpoint: url, credentials });
  }

  private readonly sesClients = new Map<string, SESv2Client>();

  /** A name no other test (or earlier run against the same data dir) uses: `<prefix>-<time><random>`. */
  unique(prefix = 'e2e'): string {
    return `${prefix}-${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  }

  /** A unique domain under `example.com`. */
  uniqueDomain(prefix = 'e2e'): string {
    return `${this.unique(prefix)}.example.com`;
  }

  ses(region: string): SESv2Client {
    let client = this.sesClients.get(region);
    if (!client) {
      client = new SESv2Client({ region, endpoint: this.url, credentials });
      this.sesClients.set(region, client);
    }
    return client;
  }

  async createDomain(region: string, domain: string): Promise<string[]> {
    const out = await this.ses(region).send(new CreateEmailIdentityCommand({ EmailIdentity: domain }));
    return out.DkimAttributes?.Tokens ?? [];
  }

  async createEmailAddress(region: string, address: string): Promise<void> {
    await this.ses(region).send(new CreateEmailIdentityCommand({ EmailIdentity: address }));
  }

  async createConfigurationSet(region: string, name: string): Promise<void> {
    await this.ses(region).send(new CreateConfigurationSetCommand({ ConfigurationSetName: name }));
  }

  async status(region: string, identity: string): Promise<string | undefined> {
    const out = await this.ses(region).send(new GetEmailIdentityCommand({ EmailIdentity: identity }));
    return out.VerificationStatus;
  }

  /** A custom MAIL FROM domain (e.g. `bounce.<domain>`) for a domain identity. */
  async setMailFrom(region: string, domain: string, mailFromDomain: string): Promise<void> {
    await this.ses(region).send(
      new PutEmailIdentityMailFromAttributesCommand({
        EmailIdentity: domain,
        MailFromDomain: mailFromDomain,
      }),
    );
  }

  /** The values of the record set with this name and type (empty when the zone has none). */
  async recordValues(zoneId: string, name: string, type: RRType): Promise<string[]> {
    const out = await this.route53.send(
      new ListResourceRecordSetsCommand({
        HostedZoneId: zoneId,
        StartRecordName: name,
        StartRecordType: type,
        MaxItems: 1,
      }),
    );
    const set = out.ResourceRecordSets?.[0];
    const same = set?.Type === type && set.Name?.replace(/\.$/, '') === name.replace(/\.$/, '');
    return same ? (set?.ResourceRecords ?? []).map((r) => r.Value ?? '') : [];
  }

  /** A public hosted zone for `domain`; returns its id. */
  async createHostedZone(domain: string): Promise<string> {
    const out = await this.route53.send(
      new CreateHostedZoneCommand({ Name: domain, CallerReference: this.unique('zone') }),
    );
    return out.HostedZone?.Id ?? '';
  }

  dkimRecords(domain: string, tokens: string[]) {
    return tokens.map((t) => ({
      name: `${t}._domainkey.${domain}`,
      type: 'CNAME' as RRType,
      value: `${t}.dkim.amazonses.com`,
    }));
  }

  async changeRecords(
    zoneId: string,
    action: 'UPSERT' | 'DELETE',
    records: Array<{ name: string; type: RRType; value: string }>,
  ): Promise<void> {
    await this.route53.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: zoneId,
        ChangeBatch: {
          Changes: records.map((r) => ({
            Action: action,
            ResourceRecordSet: {
              Name: r.name,
              Type: r.type,
              TTL: 1800,
              ResourceRecords: [{ Value: r.value }],
            },
          })),
        },
      }),
    );
  }

  /** A domain identity with its DKIM CNAMEs in a fresh hosted zone, verified by the engine. */
  async createVerifiedDomain(region: string, domain: string): Promise<{ zoneId: string; tokens: string[] }> {
    const tokens = await this.createDomain(region, domain);
    const zoneId = await this.createHostedZone(domain);
    await this.changeRecords(zoneId, 'UPSERT', this.dkimRecords(domain, tokens));
    await this.advanceClock(120);
    return { zoneId, tokens };
  }

  /** Moves the emulator's clock forward; its verification engine runs at once. */
  async advanceClock(seconds: number): Promise<void> {
    await this.control('POST', '/_emulator/clock', { advanceSeconds: seconds });
  }

  /**
   * Fault injection (`POST /_emulator/faults`), e.g. one region's ListEmailIdentities failing:
   * `[{ service: 'sesv2', operation: 'ListEmailIdentities', region: 'eu-west-3', errorProbability: 1 }]`.
   * Faults are global to the emulator: clear them in a `finally`.
   */
  async setFaults(rules: Array<Record<string, unknown>>): Promise<void> {
    await this.control('POST', '/_emulator/faults', { rules });
  }

  async clearFaults(): Promise<void> {
    await this.control('DELETE', '/_emulator/faults');
  }

  /** `POST /_emulator/seed`: identities over the five statuses (names are random, `s<run>-<i>.seed.example.com`). */
  async seed(options: { identities: number; regions?: string[]; hostedZones?: boolean }) {
    return this.control('POST', '/_emulator/seed', options);
  }

  async messagesTo(address: string): Promise<CapturedMessage[]> {
    const { messages } = (await this.control('GET', '/_aws/ses')) as { messages: CapturedMessage[] };
    return messages.filter((m) => (m.Destination.ToAddresses ?? []).some((to) => to.includes(address)));
  }

  async messagesFrom(address: string): Promise<CapturedMessage[]> {
    const { messages } = (await this.control('GET', `/_aws/ses?email=${encodeURIComponent(address)}`)) as {
      messages: CapturedMessage[];
    };
    return messages;
  }

  /** The verification link captured for `address` (what the user would click in the email). */
  async verificationLink(address: string): Promise<string> {
    for (const message of (await this.messagesTo(address)).reverse()) {
      const text = `${message.Body?.text_part ?? ''} ${message.Body?.html_part ?? ''}`;
      const link = findVerificationLink(text, this.url);
      if (link) return link.url;
    }
    throw new Error(`no verification email captured for ${address}`);
  }

  /** Verifies an email identity the way its owner would: by opening the link in the captured email. */
  async verifyEmailAddress(address: string): Promise<void> {
    const res = await fetch(await this.verificationLink(address));
    if (!res.ok) throw new Error(`verification link answered ${res.status}`);
  }

  private async control(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers: { ...controlTokenHeader(), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  }
}
