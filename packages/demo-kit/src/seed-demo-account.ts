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
  accountPlan,
  CONFIGURATION_SETS,
  DEMO_ACCOUNTS,
  type DemoAccount,
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
  /** The emulator's base URL, e.g. `http://127.0.0.1:4566`. Its accounts must hold no identities yet. */
  emulatorUrl: string;
  size?: DemoSize;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

export interface SeedDemoAccountsOptions extends SeedDemoOptions {
  /** The accounts to seed (default: the three demo accounts, DEMO_ACCOUNTS). */
  accounts?: readonly DemoAccount[];
}

export interface SeedDemoAccountOptions extends SeedDemoOptions {
  /**
   * The account the default demo account's identities go into (default: the emulator's default account,
   * i.e. a console without ACCOUNTS sees them).
   */
  accountId?: string;
}

/** What seeding put into one account. */
export interface SeededAccount {
  plan: DemoPlan;
  /** The account seeded (the emulator's default account: undefined). */
  accountId: string | undefined;
  byRegion: Record<string, Record<TargetStatus, number>>;
  hostedZones: number;
  configurationSets: number;
  messages: number;
}

export interface SeedDemoResult extends SeededAccount {
  durationMs: number;
}

export interface SeedDemoAccountsResult {
  accounts: SeededAccount[];
  durationMs: number;
}

async function inBatches<T>(items: T[], work: (item: T) => Promise<unknown>): Promise<void> {
  await mapWithConcurrency(items, CONCURRENCY, work);
}

/** One account being seeded: its plan, its own SDK clients (signing as the account) and what it made. */
interface AccountSeeding {
  plan: DemoPlan;
  accountId: string | undefined;
  api: EmulatorClient;
  zoneIds: Map<string, string>;
  tokens: Map<PlannedIdentity, string[]>;
}

/**
 * Seeds the demo accounts (default: DEMO_ACCOUNTS) into an empty emulator, each through its own
 * credentials (the account's 12-digit id as the access key id, which the emulator maps to that account),
 * only through public interfaces: SES v2 and Route 53 through the AWS SDK, verification links from the
 * captured mailbox, the control plane's clock (so FAILED and TEMPORARY_FAILURE are reached through
 * SES's real timeouts) and seed (the only way to NOT_STARTED).
 *
 * Timeline, every account in step (the clock is the emulator's, not an account's): the clock starts 4
 * days ago; every identity that must fail or be verified is created; the clock moves to an hour ago
 * (domain searches and verification links time out); DKIM CNAMEs of the TEMPORARY_FAILURE domains
 * vanish; the clock returns to now; pending identities, NOT_STARTED addresses, policies, MAIL FROM
 * domains and sent mail follow.
 */
export async function seedDemoAccounts(options: SeedDemoAccountsOptions): Promise<SeedDemoAccountsResult> {
  const size = options.size ?? 'full';
  const accounts = options.accounts ?? DEMO_ACCOUNTS;
  return seedPlans(
    options,
    accounts.map((account) => ({ plan: accountPlan(account, size), accountId: account.id })),
  );
}

/**
 * The default demo account's identities (the production plan, `demoPlan`) in one account of the
 * emulator: what a console without ACCOUNTS shows. See `seedDemoAccounts` for how.
 */
export async function seedDemoAccount(options: SeedDemoAccountOptions): Promise<SeedDemoResult> {
  const { accounts, durationMs } = await seedPlans(options, [
    { plan: demoPlan(options.size ?? 'full'), accountId: options.accountId },
  ]);
  return { ...(accounts[0] as SeededAccount), durationMs };
}

async function seedPlans(
  options: SeedDemoOptions,
  plans: ReadonlyArray<{ plan: DemoPlan; accountId: string | undefined }>,
): Promise<SeedDemoAccountsResult> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const controlToken = process.env.EMULATOR_CONTROL_TOKEN;
  const control = new EmulatorClient(options.emulatorUrl, { controlToken });
  const seeding: AccountSeeding[] = plans.map(({ plan, accountId }) => ({
    plan,
    accountId,
    api: new EmulatorClient(options.emulatorUrl, { controlToken, accountId }),
    zoneIds: new Map(),
    tokens: new Map(),
  }));
  /** Runs `work` over the items of every account at once (each item with its account). */
  const acrossAccounts = <T>(
    items: (one: AccountSeeding) => T[],
    work: (one: AccountSeeding, item: T) => Promise<unknown>,
  ) =>
    inBatches(
      seeding.flatMap((one) => items(one).map((item) => ({ one, item }))),
      ({ one, item }) => work(one, item),
    );
  const byStatus = (one: AccountSeeding, status: TargetStatus) =>
    one.plan.identities.filter((x) => x.status === status);
  try {
    for (const one of seeding) {
      for (const region of one.plan.regions) {
        const existing = await one.api.ses(region).send(new ListEmailIdentitiesCommand({ PageSize: 1 }));
        if (existing.EmailIdentities?.length) {
          const where = one.accountId ? `account ${one.accountId}, ${region}` : region;
          throw new Error(`the emulator already has identities in ${where}: the demo seeds an empty one`);
        }
      }
    }
    const now = Date.now();

    log('configuration sets and hosted zones');
    await acrossAccounts(
      (one) => one.plan.regions.flatMap((region) => CONFIGURATION_SETS.map((name) => ({ region, name }))),
      (one, { region, name }) =>
        one.api.ses(region).send(new CreateConfigurationSetCommand({ ConfigurationSetName: name })),
    );
    await acrossAccounts(
      (one) => one.plan.zones,
      async (one, zone) => {
        one.zoneIds.set(zone, await one.api.createHostedZone(zone, `demo-${zone}`));
      },
    );

    await control.setClock(new Date(now - 4 * 24 * HOUR_MS));
    log('identities that will be verified or fail (4 days ago)');
    const early = (one: AccountSeeding) => [
      ...byStatus(one, 'SUCCESS'),
      ...byStatus(one, 'TEMPORARY_FAILURE'),
      ...byStatus(one, 'FAILED'),
    ];
    await acrossAccounts(early, async (one, identity) => {
      one.tokens.set(identity, await createIdentity(one.api, identity));
    });
    // Verified and soon-to-be-lost domains: their DKIM CNAMEs go into the company's zone, one change
    // batch per zone (each batch makes the verification engine re-check the account).
    log('DKIM records into the hosted zones');
    await acrossAccounts(
      (one) => one.plan.zones,
      (one, zone) =>
        one.api.changeRecords(
          one.zoneIds.get(zone) as string,
          'UPSERT',
          early(one)
            .filter((x) => x.type === 'DOMAIN' && x.zone === zone)
            .flatMap((x) => dkimCnameRecords(x.name, one.tokens.get(x) ?? [])),
        ),
    );
    log('verification links opened');
    const mail = await control.messages();
    await acrossAccounts(
      (one) => byStatus(one, 'SUCCESS').filter((x) => x.type === 'EMAIL_ADDRESS'),
      (one, identity) => one.api.verifyEmailAddress(identity.name, mail),
    );

    log('time passes: unpublished domains fail after 72 h, unclicked links after 24 h');
    await control.setClock(new Date(now - HOUR_MS));
    await acrossAccounts(
      (one) => [...new Set(byStatus(one, 'TEMPORARY_FAILURE').map((x) => x.zone as string))],
      (one, zone) =>
        one.api.changeRecords(
          one.zoneIds.get(zone) as string,
          'DELETE',
          byStatus(one, 'TEMPORARY_FAILURE')
            .filter((x) => x.zone === zone)
            .flatMap((x) => dkimCnameRecords(x.name, one.tokens.get(x) ?? []).slice(0, 1)),
        ),
    );
    await control.setClock(new Date(Date.now()));

    log('pending identities, NOT_STARTED addresses, policies and MAIL FROM domains');
    await acrossAccounts(
      (one) => byStatus(one, 'PENDING'),
      (one, identity) => createIdentity(one.api, identity),
    );
    for (const one of seeding) {
      for (const region of one.plan.regions) {
        const names = byStatus(one, 'NOT_STARTED')
          .filter((x) => x.region === region)
          .map((x) => x.name);
        if (names.length === 0) continue;
        await control.seed({
          identities: names.length,
          regions: [region],
          statuses: ['NOT_STARTED'],
          names,
          ...(one.accountId ? { accountId: one.accountId } : {}),
        });
      }
    }
    await acrossAccounts(
      (one) => one.plan.identities.filter((x) => x.policy),
      (one, identity) => putPolicy(one.api, identity, one.accountId),
    );
    await acrossAccounts(
      (one) => one.plan.identities.filter((x) => x.mailFromLabel),
      (one, identity) => putMailFrom(one.api, identity, one.zoneIds.get(identity.zone as string) as string),
    );

    log('sent mail');
    for (const one of seeding) {
      for (const message of one.plan.messages) {
        await one.api.ses(message.region).send(
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
    }

    return {
      accounts: seeding.map((one) => ({
        plan: one.plan,
        accountId: one.accountId,
        byRegion: countByRegion(one.plan),
        hostedZones: one.plan.zones.length,
        configurationSets: one.plan.regions.length * CONFIGURATION_SETS.length,
        messages: one.plan.messages.length,
      })),
      durationMs: Date.now() - started,
    };
  } finally {
    control.close();
    for (const one of seeding) one.api.close();
  }
}

function countByRegion(plan: DemoPlan): SeededAccount['byRegion'] {
  const counts: SeededAccount['byRegion'] = {};
  for (const identity of plan.identities) {
    counts[identity.region] ??= { SUCCESS: 0, PENDING: 0, FAILED: 0, TEMPORARY_FAILURE: 0, NOT_STARTED: 0 };
    counts[identity.region]![identity.status]++;
  }
  return counts;
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

/** The emulator's default account, whose identities' ARNs a key without an account id signs into. */
const EMULATOR_DEFAULT_ACCOUNT = '000000000000';

async function putPolicy(
  api: EmulatorClient,
  identity: PlannedIdentity,
  accountId = EMULATOR_DEFAULT_ACCOUNT,
): Promise<void> {
  const policy = {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AllowAgencySend',
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::111122223333:root' },
        Action: ['ses:SendEmail', 'ses:SendRawEmail'],
        Resource: `arn:aws:ses:${identity.region}:${accountId}:identity/${identity.name}`,
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
