import { GetEmailIdentityCommand, type GetEmailIdentityCommandOutput } from '@aws-sdk/client-sesv2';
import {
  type DnsRecord,
  type HostedZoneRef,
  type IdentityDetail,
  parentRegionOfOrigin,
} from '@ses-console/contract';
import { callAws, isAwsNotFound } from '../errors/aws-error-map.js';
import { recordInPlace } from './dns-record-match.js';
import { domainOfIdentity, type RequiredRecord, requiredDnsRecords } from './dns-records.js';
import { findPublicHostedZone, readRecordSet, recordValues } from './route53-zones.js';
import { identityArn, type ServiceContext } from './service-context.js';

function isoFromDate(value: Date | undefined): string | undefined {
  return value ? value.toISOString() : undefined;
}

export async function getEmailIdentity(
  ctx: ServiceContext,
  region: string,
  identity: string,
): Promise<GetEmailIdentityCommandOutput> {
  return callAws(() =>
    ctx.clients.ses(region).send(new GetEmailIdentityCommand({ EmailIdentity: identity })),
  );
}

/** Whether the zone holds this record (the one rule, dns-record-match.ts, shared with publishing and DNS). */
async function isPublished(
  ctx: ServiceContext,
  zone: HostedZoneRef,
  record: RequiredRecord,
): Promise<boolean> {
  const set = await readRecordSet(ctx.clients.route53(), zone.id, record.name, record.type);
  return recordInPlace(record, recordValues(set));
}

export interface DnsState {
  hostedZone?: HostedZoneRef;
  records: DnsRecord[];
}

/** The records SES asks for, each checked against the public hosted zone of the domain. */
export async function dnsStateOf(
  ctx: ServiceContext,
  region: string,
  identity: string,
  ses: GetEmailIdentityCommandOutput,
): Promise<DnsState> {
  const required = requiredDnsRecords(identity, region, ses);
  if (required.length === 0) return { records: [] };
  const hostedZone = await findPublicHostedZone(ctx.clients.route53(), identity);
  if (!hostedZone) return { records: required.map((r) => ({ ...r, publishedInRoute53: false })) };
  const records = await Promise.all(
    required.map(async (r) => ({ ...r, publishedInRoute53: await isPublished(ctx, hostedZone, r) })),
  );
  return { hostedZone, records };
}

/**
 * The SES console's Authentication tab rule: always for a domain; for an email address only when its
 * domain is itself a verified domain identity in the same region.
 */
async function authenticationOf(
  ctx: ServiceContext,
  region: string,
  identity: string,
  type: string | undefined,
): Promise<IdentityDetail['authentication']> {
  if (type !== 'EMAIL_ADDRESS') return { available: true };
  const parentDomain = domainOfIdentity(identity);
  try {
    const parent = await ctx.clients
      .ses(region)
      .send(new GetEmailIdentityCommand({ EmailIdentity: parentDomain }));
    const verified = parent.IdentityType === 'DOMAIN' && parent.VerificationStatus === 'SUCCESS';
    return verified ? { available: true, parentDomain } : { available: false };
  } catch (error) {
    if (isAwsNotFound(error)) return { available: false };
    throw error;
  }
}

export function toIdentityDetail(
  region: string,
  accountId: string,
  identity: string,
  ses: GetEmailIdentityCommandOutput,
  dns: DnsState,
  authentication: IdentityDetail['authentication'],
): IdentityDetail {
  const dkim = ses.DkimAttributes;
  const info = ses.VerificationInfo;
  const verificationInfo =
    info && (info.LastCheckedTimestamp || info.LastSuccessTimestamp || info.ErrorType)
      ? {
          lastCheckedAt: isoFromDate(info.LastCheckedTimestamp),
          lastSuccessAt: isoFromDate(info.LastSuccessTimestamp),
          errorType: info.ErrorType,
        }
      : undefined;
  return {
    name: identity,
    type: ses.IdentityType ?? (identity.includes('@') ? 'EMAIL_ADDRESS' : 'DOMAIN'),
    region,
    arn: identityArn(region, accountId, identity),
    status: ses.VerificationStatus ?? 'NOT_STARTED',
    verifiedForSending: ses.VerifiedForSendingStatus ?? false,
    ...(verificationInfo ? { verificationInfo } : {}),
    dkim: {
      signingEnabled: dkim?.SigningEnabled ?? false,
      status: dkim?.Status ?? 'NOT_STARTED',
      origin: dkim?.SigningAttributesOrigin,
      parentRegion: parentRegionOfOrigin(dkim?.SigningAttributesOrigin),
      tokens: dkim?.Tokens ?? [],
      signingHostedZone: dkim?.SigningHostedZone,
      currentKeyLength: dkim?.CurrentSigningKeyLength,
      nextKeyLength: dkim?.NextSigningKeyLength,
      lastKeyGeneratedAt: isoFromDate(dkim?.LastKeyGenerationTimestamp),
    },
    mailFrom: {
      domain: ses.MailFromAttributes?.MailFromDomain || undefined,
      status: ses.MailFromAttributes?.MailFromDomain
        ? ses.MailFromAttributes.MailFromDomainStatus
        : undefined,
      behaviorOnMxFailure: ses.MailFromAttributes?.BehaviorOnMxFailure ?? 'USE_DEFAULT_VALUE',
    },
    feedbackForwardingEnabled: ses.FeedbackForwardingStatus ?? true,
    configurationSetName: ses.ConfigurationSetName || undefined,
    policies: ses.Policies ?? {},
    tags: (ses.Tags ?? []).map((t) => ({ key: t.Key ?? '', value: t.Value ?? '' })),
    dnsRecords: dns.records,
    ...(dns.hostedZone ? { hostedZone: dns.hostedZone } : {}),
    authentication,
  };
}

/** GetEmailIdentity plus the DNS records SES asks for and their state in Route 53. */
export async function getIdentityDetail(
  ctx: ServiceContext,
  region: string,
  identity: string,
): Promise<IdentityDetail> {
  const ses = await getEmailIdentity(ctx, region, identity);
  const [dns, authentication, accountId] = await Promise.all([
    dnsStateOf(ctx, region, identity, ses),
    authenticationOf(ctx, region, identity, ses.IdentityType),
    ctx.accountId(region),
  ]);
  return toIdentityDetail(region, accountId, identity, ses, dns, authentication);
}
