/**
 * The Regions as SES's DKIM sees them: which Regions a Deterministic Easy DKIM (DEED) replica may name
 * as its parent (`DkimSigningAttributesOrigin` `AWS_SES_<REGION>`), which partition each belongs to,
 * and which Easy DKIM hosted zone (`SigningHostedZone`, the CNAME targets) a Region's keys live in.
 */

/**
 * The Regions of the SES v2 model's `DkimSigningAttributesOrigin` enum (`AWS_SES_` + the Region in
 * upper case, `_` for `-`): the 27 commercial Regions with an `email` endpoint plus the two GovCloud
 * Regions (SES-V1-SNS-STS.md §1.7). A test checks this list against the installed SDK's enum.
 */
export const DEED_REGIONS: readonly string[] = [
  'af-south-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-south-1',
  'ap-south-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-5',
  'ca-central-1',
  'ca-west-1',
  'eu-central-1',
  'eu-central-2',
  'eu-north-1',
  'eu-south-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'il-central-1',
  'me-central-1',
  'me-south-1',
  'sa-east-1',
  'us-east-1',
  'us-east-2',
  'us-gov-east-1',
  'us-gov-west-1',
  'us-west-1',
  'us-west-2',
];

/** The origin prefix that means "Easy DKIM, replicated from this Region". */
export const REPLICA_ORIGIN_PREFIX = 'AWS_SES_';

/** `us-east-1` → `AWS_SES_US_EAST_1`. */
export function replicaOrigin(region: string): string {
  return `${REPLICA_ORIGIN_PREFIX}${region.toUpperCase().replaceAll('-', '_')}`;
}

/** What an `AWS_SES_<REGION>` value spells: the Region name it names, whether SES has it or not. */
export type ParsedOrigin =
  | { kind: 'region'; region: string; known: boolean }
  /** Not of the form `AWS_SES_<LETTERS>_<LETTERS>_<DIGITS>`. */
  | { kind: 'malformed' };

const ORIGIN_PATTERN = /^AWS_SES_([A-Z]{2}(?:_[A-Z]+){1,2}_\d{1,2})$/;

export function parseReplicaOrigin(origin: string): ParsedOrigin {
  const match = ORIGIN_PATTERN.exec(origin);
  if (!match) return { kind: 'malformed' };
  const region = (match[1] as string).toLowerCase().replaceAll('_', '-');
  return { kind: 'region', region, known: DEED_REGIONS.includes(region) };
}

/** The AWS partition of a Region name (`aws`, `aws-us-gov`, `aws-cn`, …). */
export function partitionOf(region: string): string {
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  return 'aws';
}

/**
 * Regions whose Easy DKIM keys live in their own hosted zone, `dkim.<region>.amazonses.com`; every
 * other Region uses `dkim.amazonses.com` (the AWS General Reference "SES DKIM domains" table, as
 * cited by several Terraform modules — SES-V1-SNS-STS.md §1.7).
 */
const REGIONAL_DKIM_ZONES: ReadonlySet<string> = new Set([
  'af-south-1',
  'ap-northeast-3',
  'ap-south-2',
  'ap-southeast-3',
  'ap-southeast-5',
  'ca-west-1',
  'eu-central-2',
  'eu-south-1',
  'il-central-1',
  'me-central-1',
  'us-gov-east-1',
]);

export const DEFAULT_DKIM_ZONE = 'dkim.amazonses.com';

/** The Easy DKIM hosted zone of a Region: the `SigningHostedZone` SES reports and the CNAMEs target. */
export function signingHostedZone(region: string): string {
  return REGIONAL_DKIM_ZONES.has(region) ? `dkim.${region}.amazonses.com` : DEFAULT_DKIM_ZONE;
}
