import {
  ChangeResourceRecordSetsCommand,
  CreateHostedZoneCommand,
  type Route53Client,
  type RRType,
} from '@aws-sdk/client-route-53';
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import { EmulatorControlClient, type EmulatorControlOptions } from './control-client.js';
import { createRoute53Client, createSesClient } from './sdk-clients.js';

export interface EmulatorClientOptions extends EmulatorControlOptions {
  /** The account `ses()` and `route53` sign as (default: the emulator's default account). */
  accountId?: string;
  /** The SDK clients' attempts per call (default: the SDK's own). */
  maxAttempts?: number;
}

/** A record set to write: one value, TTL 1800 s. */
export interface RecordToWrite {
  name: string;
  type: RRType;
  value: string;
}

/**
 * The three Easy DKIM CNAMEs SES asks a domain to publish for its `tokens`, pointing into
 * `signingHostedZone` (GetEmailIdentity's `DkimAttributes.SigningHostedZone`; most Regions use
 * `dkim.amazonses.com`, a few their own `dkim.<region>.amazonses.com`).
 */
export function dkimCnameRecords(
  domain: string,
  tokens: readonly string[],
  signingHostedZone = 'dkim.amazonses.com',
): RecordToWrite[] {
  return tokens.map((token) => ({
    name: `${token}._domainkey.${domain}`,
    type: 'CNAME',
    value: `${token}.${signingHostedZone}`,
  }));
}

/**
 * Everything a test, demo or benchmark needs from a running emulator: real AWS SDK clients (SES v2
 * per Region and account, Route 53 per account; created on first use and kept) and the control plane.
 * `close()` destroys the SDK clients (their keep-alive sockets).
 */
export class EmulatorClient extends EmulatorControlClient {
  readonly #accountId: string | undefined;
  readonly #maxAttempts: number | undefined;
  readonly #ses = new Map<string, SESv2Client>();
  readonly #route53 = new Map<string, Route53Client>();

  constructor(url: string, options: EmulatorClientOptions = {}) {
    super(url, options);
    this.#accountId = options.accountId;
    this.#maxAttempts = options.maxAttempts;
  }

  /** The SES v2 client for `region`, signing as `accountId` (default: this client's account). */
  ses(region: string, accountId = this.#accountId): SESv2Client {
    const key = `${accountId ?? ''}/${region}`;
    let client = this.#ses.get(key);
    if (!client) {
      client = createSesClient({ endpoint: this.url, region, accountId, maxAttempts: this.#maxAttempts });
      this.#ses.set(key, client);
    }
    return client;
  }

  /** The Route 53 client of this client's account. */
  get route53(): Route53Client {
    return this.route53For(this.#accountId);
  }

  /** The Route 53 client of `accountId` (Route 53 state is per account, not per Region). */
  route53For(accountId: string | undefined): Route53Client {
    const key = accountId ?? '';
    let client = this.#route53.get(key);
    if (!client) {
      client = createRoute53Client({ endpoint: this.url, accountId, maxAttempts: this.#maxAttempts });
      this.#route53.set(key, client);
    }
    return client;
  }

  /** A public hosted zone for `domain`; returns its id (`/hostedzone/…`). */
  async createHostedZone(domain: string, callerReference: string): Promise<string> {
    const out = await this.route53.send(
      new CreateHostedZoneCommand({ Name: domain, CallerReference: callerReference }),
    );
    return out.HostedZone?.Id ?? '';
  }

  /** One change batch: every record UPSERTed or DELETEd (a DELETE must name the value as written). */
  async changeRecords(
    zoneId: string,
    action: 'UPSERT' | 'DELETE',
    records: readonly RecordToWrite[],
  ): Promise<void> {
    if (records.length === 0) return;
    await this.route53.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: zoneId,
        ChangeBatch: {
          Changes: records.map((record) => ({
            Action: action,
            ResourceRecordSet: {
              Name: record.name,
              Type: record.type,
              TTL: 1800,
              ResourceRecords: [{ Value: record.value }],
            },
          })),
        },
      }),
    );
  }

  /** Destroys every SDK client made so far. */
  close(): void {
    for (const client of this.#ses.values()) client.destroy();
    for (const client of this.#route53.values()) client.destroy();
    this.#ses.clear();
    this.#route53.clear();
  }
}
