import {
  CreateConfigurationSetCommand,
  CreateEmailIdentityCommand,
  CreateEmailIdentityPolicyCommand,
  ListEmailIdentitiesCommand,
  PutEmailIdentityMailFromAttributesCommand,
  SendEmailCommand,
} from '@aws-sdk/client-sesv2';
import { mapWithConcurrency } from '@ses-console/contract/concurrency';
import { dkimCnameRecords, EmulatorClient } from '@ses-console/emulator/client';
import {
  CONFIGURATION_SETS,
  type DemoPlan,
  type DemoSize,
  demoPlan,
  type PlannedIdentity,
  type TargetStatus,
} from './demo-catalog.js';

const HOUR_MS = 60 * 60 * 1000;
/** How many SDK calls run at once: enough to hide latency, few enough to stay kind to 2 shared cores. */
const CONCURRENCY = 8;

export interface SeedDemoOptions {
  /** The emulator's base URL, e.g. `http://127.0.0.1:4566`. It must hold no identities yet. */
  emulatorUrl: string;
  size?: DemoSize;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

export interface SeedDemoResult {
  plan: DemoPlan;
  byRegion: Record<string, Record<TargetStatus, number>>;
  hostedZones: number;
  configurationSets: number;
  messages: number;
  durationMs: number;
}

async function inBatches<T>(items: T[], work: (item: T) => Promise<unknown>): Promise<void> {
  await mapWithConcurrency(items, CONCURRENCY, work);
}

/**
 * Seeds a realistic account into an empty emulator, only through its public interfaces: SES v2 and
 * Route 53 through the AWS SDK, verification links from the captured mailbox, the control plane's
 * clock (so FAILED and TEMPORARY_FAILURE are reached through SES's real timeouts) and seed (the only
 * way to NOT_STARTED).
 *
 * Timeline: the clock starts 4 days ago; every identity that must fail or be verified is created;
 * the clock moves to an hour ago (domain searches and verification links time out); DKIM CNAMEs of
 * the TEMPORARY_FAILURE domains vanish; the clock returns to now; pending identities, NOT_STARTED
 * addresses, policies, MAIL FROM domains and sent mail follow.
 */
export async function seedDemoAccount(options: SeedDemoOptions): Promise<SeedDemoResult> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const plan = demoPlan(options.size ?? 'full');
  const api = new EmulatorClient(options.emulatorUrl, { controlToken: process.env.EMULATOR_CONTROL_TOKEN });
  try {
    for (const region of plan.regions) {
      const existing = await api.ses(region).send(new ListEmailIdentitiesCommand({ PageSize: 1 }));
      if (existing.EmailIdentities?.length) {
        throw new Error(`the emulator already has identities in ${region}: the demo seeds an empty one`);
      }
    }
    const byStatus = (status: TargetStatus) => plan.identities.filter((x) => x.status === status);
    const now = Date.now();

    log('configuration sets and hosted zones');
    await inBatches(
      plan.regions.flatMap((region) => CONFIGURATION_SETS.map((name) => ({ region, name }))),
      ({ region, name }) =>
        api.ses(region).send(new CreateConfigurationSetCommand({ ConfigurationSetName: name })),
    );
    const zoneIds = new Map<string, string>();
    await inBatches(plan.zones, async (zone) => {
      zoneIds.set(zone, await api.createHostedZone(zone, `demo-${zone}`));
    });

    await api.setClock(new Date(now - 4 * 24 * HOUR_MS));
    log('identities that will be verified or fail (4 days ago)');
    const early = [...byStatus('SUCCESS'), ...byStatus('TEMPORARY_FAILURE'), ...byStatus('FAILED')];
    const tokens = new Map<PlannedIdentity, string[]>();
    await inBatches(early, async (identity) => {
      const out = await createIdentity(api, identity);
      tokens.set(identity, out);
    });
    // Verified and soon-to-be-lost domains: their DKIM CNAMEs go into the company's zone, one change
    // batch per zone (each batch makes the verification engine re-check the account).
    log('DKIM records into the hosted zones');
    await inBatches(plan.zones, (zone) =>
      api.changeRecords(
        zoneIds.get(zone) as string,
        'UPSERT',
        early
          .filter((x) => x.type === 'DOMAIN' && x.zone === zone)
          .flatMap((x) => dkimCnameRecords(x.name, tokens.get(x) ?? [])),
      ),
    );
    log('verification links opened');
    const mail = await api.messages();
    await inBatches(
      byStatus('SUCCESS').filter((x) => x.type === 'EMAIL_ADDRESS'),
      (identity) => api.verifyEmailAddress(identity.name, mail),
    );

    log('time passes: unpublished domains fail after 72 h, unclicked links after 24 h');
    await api.setClock(new Date(now - HOUR_MS));
    const lost = byStatus('TEMPORARY_FAILURE');
    await inBatches([...new Set(lost.map((x) => x.zone as string))], (zone) =>
      api.changeRecords(
        zoneIds.get(zone) as string,
        'DELETE',
        lost
          .filter((x) => x.zone === zone)
          .flatMap((x) => dkimCnameRecords(x.name, tokens.get(x) ?? []).slice(0, 1)),
      ),
    );
    await api.setClock(new Date(Date.now()));

    log('pending identities, NOT_STARTED addresses, policies and MAIL FROM domains');
    await inBatches(byStatus('PENDING'), (identity) => createIdentity(api, identity));
    for (const region of plan.regions) {
      const names = byStatus('NOT_STARTED')
        .filter((x) => x.region === region)
        .map((x) => x.name);
      if (names.length) {
        await api.seed({ identities: names.length, regions: [region], statuses: ['NOT_STARTED'], names });
      }
    }
    await inBatches(
      plan.identities.filter((x) => x.policy),
      (identity) => putPolicy(api, identity),
    );
    await inBatches(
      plan.identities.filter((x) => x.mailFromLabel),
      (identity) => putMailFrom(api, identity, zoneIds.get(identity.zone as string) as string),
    );

    log('sent mail');
    for (const message of plan.messages) {
      await api.ses(message.region).send(
        new SendEmailCommand({
          FromEmailAddress: message.from,
          Destination: { ToAddresses: [message.to] },
          ConfigurationSetName: message.configurationSet,
          Content: {
            Simple: { Subject: { Data: message.subject }, Body: { Text: { Data: message.text } } },
          },
        }),
      );
    }

    const counts: SeedDemoResult['byRegion'] = {};
    for (const identity of plan.identities) {
      counts[identity.region] ??= { SUCCESS: 0, PENDING: 0, FAILED: 0, TEMPORARY_FAILURE: 0, NOT_STARTED: 0 };
      counts[identity.region]![identity.status]++;
    }
    return {
      plan,
      byRegion: counts,
      hostedZones: plan.zones.length,
      configurationSets: plan.regions.length * CONFIGURATION_SETS.length,
      messages: plan.messages.length,
      durationMs: Date.now() - started,
    };
  } finally {
    api.close();
  }
}

async function createIdentity(api: EmulatorClient, identity: PlannedIdentity): Promise<string[]> {
  const out = await api.ses(identity.region).send(
    new CreateEmailIdentityCommand({
      EmailIdentity: identity.name,
      ConfigurationSetName: identity.configurationSet,
      Tags: Object.entries(identity.tags ?? {}).map(([Key, Value]) => ({ Key, Value })),
    }),
  );
  return out.DkimAttributes?.Tokens ?? [];
}

async function putPolicy(api: EmulatorClient, identity: PlannedIdentity): Promise<void> {
  const policy = {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AllowAgencySend',
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::111122223333:root' },
        Action: ['ses:SendEmail', 'ses:SendRawEmail'],
        Resource: `arn:aws:ses:${identity.region}:000000000000:identity/${identity.name}`,
      },
    ],
  };
  await api.ses(identity.region).send(
    new CreateEmailIdentityPolicyCommand({
      EmailIdentity: identity.name,
      PolicyName: 'allow-marketing-agency',
      Policy: JSON.stringify(policy),
    }),
  );
}

/** A custom MAIL FROM domain; the first of each region also gets its MX and SPF records published. */
async function putMailFrom(api: EmulatorClient, identity: PlannedIdentity, zoneId: string): Promise<void> {
  const mailFrom = `${identity.mailFromLabel}.${identity.name}`;
  await api.ses(identity.region).send(
    new PutEmailIdentityMailFromAttributesCommand({
      EmailIdentity: identity.name,
      MailFromDomain: mailFrom,
      BehaviorOnMxFailure: 'USE_DEFAULT_VALUE',
    }),
  );
  if (!identity.policy) return; // leave this one unpublished, so the console offers "Publish"
  await api.changeRecords(zoneId, 'UPSERT', [
    { name: mailFrom, type: 'MX', value: `10 feedback-smtp.${identity.region}.amazonses.com` },
    { name: mailFrom, type: 'TXT', value: '"v=spf1 include:amazonses.com ~all"' },
  ]);
}
