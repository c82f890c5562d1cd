/**
 * The demo accounts as data: which identities exist in which account and region, what status each must
 * reach and what comes with it (hosted zone, published records, configuration set, tags, policy, MAIL
 * FROM). Deterministic: the same size always gives the same names, so a tour can rely on them.
 */

import { seededRandom } from '@ses-console/contract/seeded-random';

export type DemoSize = 'full' | 'small';
export type TargetStatus = 'SUCCESS' | 'PENDING' | 'FAILED' | 'TEMPORARY_FAILURE' | 'NOT_STARTED';

export const DEMO_REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'] as const;
export const CONFIGURATION_SETS = ['transactional', 'marketing', 'alerts'] as const;

/** Identities per region of the default (production) account for each size. */
export const IDENTITIES_PER_REGION: Record<DemoSize, number> = { full: 100, small: 10 };

/** One AWS account of the demo: its id and name (as ACCOUNTS names it) and what it holds. */
export interface DemoAccount {
  /** The 12-digit account id (its role's ARN, its identities' ARNs). */
  id: string;
  /** Display name, as in ACCOUNTS. */
  name: string;
  /** The Regions holding its identities and configuration sets. */
  regions: readonly string[];
  /**
   * The Regions the console offers in this account (ACCOUNTS' `regions`, within REGIONS); omitted: every
   * Region of REGIONS.
   */
  offeredRegions?: readonly string[];
  identitiesPerRegion: Record<DemoSize, number>;
  /** A label in front of every company apex (`staging` → `staging.acme-labs.com`): whose domains these are. */
  apexLabel?: string;
  /** The seeded random's base seed (plus the Region's index). */
  seed: number;
}

/**
 * The three demo accounts, the first being the default one (the console's routes without an account, and
 * the tour's). Production holds the same identities the one-account demo always held and offers every
 * Region; staging and sandbox hold their own, in fewer Regions, under `staging.` / `sandbox.` subdomains
 * of other companies, and the console offers only their own Regions in them.
 */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    id: '204817365590',
    name: 'production',
    regions: DEMO_REGIONS,
    identitiesPerRegion: IDENTITIES_PER_REGION,
    seed: 20_260_115,
  },
  {
    id: '318465027714',
    name: 'staging',
    regions: ['us-east-1', 'eu-west-1'],
    // One Region more than it uses, as a team's account set up for a Region it has not moved to yet.
    offeredRegions: ['us-east-1', 'eu-west-1', 'eu-central-1'],
    identitiesPerRegion: { full: 40, small: 6 },
    apexLabel: 'staging',
    seed: 20_261_201,
  },
  {
    id: '427590183326',
    name: 'sandbox',
    regions: ['us-west-2'],
    offeredRegions: ['us-west-2'],
    identitiesPerRegion: { full: 24, small: 5 },
    apexLabel: 'sandbox',
    seed: 20_261_202,
  },
];

/** The role the console assumes in a demo account (any well-formed role ARN can be assumed in the emulator). */
export const DEMO_ROLE_NAME = 'SesConsoleAccess';

export function demoRoleArn(account: Pick<DemoAccount, 'id'>): string {
  return `arn:aws:iam::${account.id}:role/${DEMO_ROLE_NAME}`;
}

export interface PlannedIdentity {
  region: string;
  name: string;
  type: 'DOMAIN' | 'EMAIL_ADDRESS';
  status: TargetStatus;
  /** Apex of the public hosted zone that holds this domain's records (domains only). */
  zone?: string;
  configurationSet?: string;
  tags?: Record<string, string>;
  /** A sending authorization policy (verified domains only). */
  policy?: boolean;
  /** Custom MAIL FROM subdomain label, e.g. `bounce` (verified domains only). */
  mailFromLabel?: string;
}

export interface PlannedMessage {
  region: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  configurationSet?: string;
}

/** One account's part of the demo. */
export interface DemoPlan {
  size: DemoSize;
  account: DemoAccount;
  regions: string[];
  identities: PlannedIdentity[];
  /** Apex domains that get a public hosted zone. */
  zones: string[];
  messages: PlannedMessage[];
}

const NAME_PARTS = [
  'acme',
  'bluepeak',
  'brightleaf',
  'cobalt',
  'driftwood',
  'evergreen',
  'foxglove',
  'granite',
  'harbor',
  'ironbark',
  'juniper',
  'kestrel',
  'lumen',
  'maplewood',
  'nimbus',
  'orchard',
  'pinnacle',
  'quartz',
  'redwood',
  'silverline',
  'tidewater',
  'vantage',
  'willow',
  'zephyr',
];
const BUSINESS_PARTS = [
  'labs',
  'health',
  'logistics',
  'retail',
  'finance',
  'travel',
  'studio',
  'energy',
  'foods',
  'analytics',
  'outfitters',
  'insurance',
];
const TLDS: Record<string, string[]> = {
  'us-east-1': ['com', 'io', 'co', 'net', 'app'],
  'eu-west-1': ['eu', 'ie', 'co.uk', 'de', 'nl', 'fr'],
  'ap-southeast-2': ['com.au', 'net.au', 'co.nz', 'io'],
  'us-west-2': ['com', 'io', 'dev'],
};
const SUBDOMAINS = ['mail', 'news', 'notify', 'billing', 'em', 'updates', 'receipts', 'support', 'events'];
const TEAM_ADDRESSES = [
  'support',
  'billing',
  'no-reply',
  'alerts',
  'hello',
  'ops',
  'marketing',
  'orders',
  'security',
  'careers',
  'press',
  'accounts',
  'partners',
  'devops',
];

/** Which configuration set a sender's name suggests (receipts → transactional, news → marketing …). */
const SET_BY_LABEL: Record<string, string> = {
  billing: 'transactional',
  receipts: 'transactional',
  orders: 'transactional',
  'no-reply': 'transactional',
  accounts: 'transactional',
  news: 'marketing',
  updates: 'marketing',
  marketing: 'marketing',
  events: 'marketing',
  em: 'marketing',
  notify: 'alerts',
  alerts: 'alerts',
  ops: 'alerts',
  devops: 'alerts',
  security: 'alerts',
};
const TEAM_BY_LABEL: Record<string, string> = {
  billing: 'finance',
  receipts: 'finance',
  accounts: 'finance',
  orders: 'commerce',
  news: 'growth',
  updates: 'growth',
  marketing: 'growth',
  events: 'growth',
  em: 'growth',
  notify: 'platform',
  alerts: 'platform',
  ops: 'platform',
  devops: 'platform',
  security: 'security',
  support: 'customer-success',
  hello: 'customer-success',
};

/** A company's names: its apex domain, then subdomains and team addresses, each handed out once. */
class Company {
  private nextSub = 0;
  private nextTeam = 0;
  apexTaken = false;

  constructor(readonly apex: string) {}

  domain(): string {
    if (!this.apexTaken) {
      this.apexTaken = true;
      return this.apex;
    }
    const label = SUBDOMAINS[this.nextSub++ % SUBDOMAINS.length] as string;
    const round = Math.floor((this.nextSub - 1) / SUBDOMAINS.length);
    return `${label}${round ? round + 1 : ''}.${this.apex}`;
  }

  address(): string {
    const label = TEAM_ADDRESSES[this.nextTeam++ % TEAM_ADDRESSES.length] as string;
    const round = Math.floor((this.nextTeam - 1) / TEAM_ADDRESSES.length);
    return `${label}${round ? round + 1 : ''}@${this.apex}`;
  }
}

function companies(
  region: string,
  count: number,
  rand: () => number,
  taken: Set<string>,
  apexLabel: string | undefined,
): Company[] {
  const tlds = TLDS[region] ?? ['com'];
  const out: Company[] = [];
  while (out.length < count) {
    const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)] as T;
    const company = `${pick(NAME_PARTS)}-${pick(BUSINESS_PARTS)}.${pick(tlds)}`;
    const apex = apexLabel ? `${apexLabel}.${company}` : company;
    if (taken.has(apex)) continue;
    taken.add(apex);
    out.push(new Company(apex));
  }
  return out;
}

/** How many identities of each status a region of `n` gets: mostly verified, every status present. */
export function statusQuotas(n: number): Record<TargetStatus, number> {
  const failed = Math.max(1, Math.round(n * 0.12));
  const notStarted = Math.max(1, Math.round(n * 0.1));
  const temporary = Math.max(1, Math.round(n * 0.08));
  const pending = Math.max(1, Math.round(n * 0.2));
  return {
    SUCCESS: Math.max(1, n - failed - notStarted - temporary - pending),
    PENDING: pending,
    FAILED: failed,
    TEMPORARY_FAILURE: temporary,
    NOT_STARTED: notStarted,
  };
}

function labelOf(name: string): string {
  const local = name.includes('@') ? name.slice(0, name.indexOf('@')) : name.split('.')[0];
  return (local ?? '').replace(/\d+$/, '');
}

function decorate(identity: PlannedIdentity, apex: string): PlannedIdentity {
  const label = identity.name === apex ? '' : labelOf(identity.name);
  // Apex domains send receipts and account mail: transactional by default.
  const set = label === '' ? 'transactional' : SET_BY_LABEL[label];
  const team = TEAM_BY_LABEL[label] ?? 'platform';
  return {
    ...identity,
    configurationSet: identity.status === 'NOT_STARTED' ? undefined : set,
    tags:
      identity.status === 'NOT_STARTED'
        ? undefined
        : { team, environment: identity.status === 'PENDING' ? 'staging' : 'production' },
  };
}

function planRegion(
  region: string,
  n: number,
  rand: () => number,
  taken: Set<string>,
  apexLabel?: string,
): PlannedIdentity[] {
  const quotas = statusQuotas(n);
  const zoned = companies(region, Math.max(2, Math.ceil(n / 7)), rand, taken, apexLabel);
  const bare = companies(region, Math.max(1, Math.ceil(n / 12)), rand, taken, apexLabel);
  const out: PlannedIdentity[] = [];
  const add = (company: Company, status: TargetStatus, type: 'DOMAIN' | 'EMAIL_ADDRESS', zone?: string) => {
    const name = type === 'DOMAIN' ? company.domain() : company.address();
    out.push(decorate({ region, name, type, status, zone }, company.apex));
  };
  const cycle = <T>(list: T[], i: number) => list[i % list.length] as T;

  // Verified: every zoned company's apex first (so its addresses get the Authentication tab), then
  // subdomains and team addresses in turn.
  for (let i = 0; i < quotas.SUCCESS; i++) {
    const company = cycle(zoned, i);
    if (i < zoned.length || (i - zoned.length) % 2 === 1) add(company, 'SUCCESS', 'DOMAIN', company.apex);
    else add(company, 'SUCCESS', 'EMAIL_ADDRESS');
  }
  // Records were published, then one DKIM CNAME vanished.
  for (let i = 0; i < quotas.TEMPORARY_FAILURE; i++) {
    const company = cycle(zoned, i + 1);
    add(company, 'TEMPORARY_FAILURE', 'DOMAIN', company.apex);
  }
  // Waiting: a zone without the records (Publish button), a domain with no zone, an unclicked link.
  for (let i = 0; i < quotas.PENDING; i++) {
    if (i % 3 === 0) {
      const company = cycle(zoned, i);
      add(company, 'PENDING', 'DOMAIN', company.apex);
    } else if (i % 3 === 1) add(cycle(bare, i), 'PENDING', 'DOMAIN');
    else add(cycle(zoned, i + 2), 'PENDING', 'EMAIL_ADDRESS');
  }
  // Never found: domains nobody published (72 h), and addresses whose link expired (24 h).
  for (let i = 0; i < quotas.FAILED; i++) {
    const company = cycle(bare, i);
    add(company, 'FAILED', i % 3 === 2 ? 'EMAIL_ADDRESS' : 'DOMAIN');
  }
  for (let i = 0; i < quotas.NOT_STARTED; i++) {
    add(cycle(i % 2 ? bare : zoned, i + 3), 'NOT_STARTED', 'EMAIL_ADDRESS');
  }

  // Two policies and two custom MAIL FROM domains per region, on verified apex domains.
  const verifiedApexes = out.filter(
    (x) => x.status === 'SUCCESS' && x.type === 'DOMAIN' && zoned.some((c) => c.apex === x.name),
  );
  verifiedApexes.slice(0, 2).forEach((x) => {
    x.policy = true;
  });
  verifiedApexes.slice(1, 3).forEach((x) => {
    x.mailFromLabel = 'bounce';
  });
  return out;
}

const SUBJECTS: Record<string, string[]> = {
  transactional: ['Your receipt #{n}', 'Order {n} has shipped', 'Reset your password'],
  marketing: ['This week at {company}', 'New: spring collection', 'You are invited: customer day {n}'],
  alerts: ['[ALERT] api-prod-{n} CPU above 90%', '[RESOLVED] queue backlog on worker-{n}'],
};

function planMessages(region: string, identities: PlannedIdentity[], account: string): PlannedMessage[] {
  const verified = identities.filter((x) => x.status === 'SUCCESS' && x.configurationSet);
  // One sender per configuration set first, then the next verified ones, four in all.
  const firstOfEachSet = CONFIGURATION_SETS.flatMap((set) => {
    const found = verified.find((x) => x.configurationSet === set);
    return found ? [found] : [];
  });
  const senders = [...new Set([...firstOfEachSet, ...verified])].slice(0, 4);
  const out: PlannedMessage[] = [];
  senders.forEach((sender, i) => {
    const own = sender.configurationSet as string;
    // The last one overrides the identity's default set, as the console's "Send test email" can.
    const override = i === senders.length - 1 ? CONFIGURATION_SETS.find((s) => s !== own) : undefined;
    const set = override ?? own;
    const company = sender.name.slice(sender.name.indexOf('@') + 1);
    const from = sender.type === 'EMAIL_ADDRESS' ? sender.name : `no-reply@${sender.name}`;
    const subjects = SUBJECTS[set] ?? ['Hello'];
    const subject = (subjects[i % subjects.length] as string)
      .replace('{n}', String(1040 + i * 17))
      .replace('{company}', company);
    out.push({
      region,
      from,
      to: i % 3 === 2 ? 'bounce@simulator.amazonses.com' : 'success@simulator.amazonses.com',
      subject,
      text: `${subject}\n\nSent by the ${account} demo account from ${from}.`,
      configurationSet: override,
    });
  });
  return out;
}

/** One demo account for a size: its identities, zones and messages in its Regions. */
export function accountPlan(account: DemoAccount, size: DemoSize = 'full'): DemoPlan {
  const taken = new Set<string>();
  const identities: PlannedIdentity[] = [];
  const messages: PlannedMessage[] = [];
  for (const [index, region] of account.regions.entries()) {
    // One generator per region: the first companies of a region are the same for every size.
    const rand = seededRandom(account.seed + index);
    const planned = planRegion(region, account.identitiesPerRegion[size], rand, taken, account.apexLabel);
    identities.push(...planned);
    messages.push(...planMessages(region, planned, account.name));
  }
  const zones = [...new Set(identities.flatMap((x) => (x.zone ? [x.zone] : [])))];
  return { size, account, regions: [...account.regions], identities, zones, messages };
}

/** The default (production) demo account for a size: what the tour walks through. */
export function demoPlan(size: DemoSize = 'full'): DemoPlan {
  return accountPlan(DEMO_ACCOUNTS[0] as DemoAccount, size);
}

/** Every demo account's plan, the default account first. */
export function demoAccountPlans(size: DemoSize = 'full', accounts = DEMO_ACCOUNTS): DemoPlan[] {
  return accounts.map((account) => accountPlan(account, size));
}

export function parseDemoSize(value: string | undefined): DemoSize {
  if (value === undefined || value === '' || value === 'full') return 'full';
  if (value === 'small') return 'small';
  throw new Error(`DEMO_SIZE must be "full" or "small", not "${value}"`);
}

/** Names a tour can rely on in a region of the plan (see e2e/demo). */
export function demoAnchors(plan: DemoPlan, region: string) {
  const inRegion = plan.identities.filter((x) => x.region === region);
  const verifiedApex = inRegion.find(
    (x) => x.status === 'SUCCESS' && x.type === 'DOMAIN' && x.name === x.zone,
  );
  const verifiedAddress = inRegion.find((x) => x.status === 'SUCCESS' && x.type === 'EMAIL_ADDRESS');
  if (!verifiedApex || !verifiedAddress)
    throw new Error(`the demo plan has no verified domain and address in ${region}`);
  return {
    /** A verified apex domain with a public hosted zone: new subdomains can publish into it. */
    zonedDomain: verifiedApex.name,
    /** A verified email address (its domain is verified too, so it has the Authentication tab). */
    verifiedAddress: verifiedAddress.name,
    configurationSets: [...CONFIGURATION_SETS],
  };
}
