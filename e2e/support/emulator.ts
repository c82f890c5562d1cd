import { randomBytes } from 'node:crypto';
import { ListResourceRecordSetsCommand, type RRType } from '@aws-sdk/client-route-53';
import { SESClient, SetIdentityNotificationTopicCommand } from '@aws-sdk/client-ses';
import {
  CreateConfigurationSetCommand,
  CreateEmailIdentityCommand,
  GetEmailIdentityCommand,
  PutEmailIdentityMailFromAttributesCommand,
} from '@aws-sdk/client-sesv2';
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import {
  type CapturedMessage,
  credentialsFor,
  dkimCnameRecords,
  EmulatorClient,
  type RecordToWrite,
} from '@ses-console/emulator/client';
import { emulatorUrl } from '../env';

export type { CapturedMessage };

/**
 * Seeds and drives the emulator behind the console: the shared emulator client (real AWS SDK clients,
 * the control plane, the captured mailbox) plus the journeys' seeding shortcuts. Tests never reset
 * shared state: every name comes from `unique()`.
 */
export class Emulator extends EmulatorClient {
  /** `url`: the emulator to seed (default: the one behind the console the config starts). */
  constructor(url: string = emulatorUrl) {
    super(url, { controlToken: process.env.EMULATOR_CONTROL_TOKEN });
  }

  /** A name no other test (or earlier run against the same data dir) uses: `<prefix>-<time><random>`. */
  unique(prefix = 'e2e'): string {
    return `${prefix}-${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  }

  /** A unique domain under `example.com`. */
  uniqueDomain(prefix = 'e2e'): string {
    return `${this.unique(prefix)}.example.com`;
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

  /** A public hosted zone for `domain` (a unique caller reference unless given); returns its id. */
  override async createHostedZone(domain: string, callerReference = this.unique('zone')): Promise<string> {
    return super.createHostedZone(domain, callerReference);
  }

  /** The DKIM CNAMEs SES asks `domain` to publish for its tokens. */
  dkimRecords(domain: string, tokens: string[]): RecordToWrite[] {
    return dkimCnameRecords(domain, tokens);
  }

  /** A domain identity with its DKIM CNAMEs in a fresh hosted zone, verified by the engine. */
  async createVerifiedDomain(region: string, domain: string): Promise<{ zoneId: string; tokens: string[] }> {
    const tokens = await this.createDomain(region, domain);
    const zoneId = await this.createHostedZone(domain);
    await this.changeRecords(zoneId, 'UPSERT', this.dkimRecords(domain, tokens));
    await this.advanceClock(120);
    return { zoneId, tokens };
  }

  /** An SNS topic of the default account in `region` (SNS's CreateTopic); returns its ARN. */
  async createTopic(region: string, name: string): Promise<string> {
    const sns = new SNSClient(this.#config(region));
    try {
      return (await sns.send(new CreateTopicCommand({ Name: name }))).TopicArn ?? '';
    } finally {
      sns.destroy();
    }
  }

  /** Feedback of one type to a topic, through SES v1 (the identity must be verified). */
  async setNotificationTopic(
    region: string,
    identity: string,
    type: 'Bounce' | 'Complaint' | 'Delivery',
    topicArn: string,
  ): Promise<void> {
    const ses = new SESClient(this.#config(region));
    try {
      await ses.send(
        new SetIdentityNotificationTopicCommand({
          Identity: identity,
          NotificationType: type,
          SnsTopic: topicArn,
        }),
      );
    } finally {
      ses.destroy();
    }
  }

  #config(region: string) {
    return { region, endpoint: this.url, credentials: credentialsFor() };
  }

  /** Messages sent from `address` (the mailbox's `?email=` filter). */
  async messagesFrom(address: string): Promise<CapturedMessage[]> {
    return this.messages({ email: address });
  }
}
