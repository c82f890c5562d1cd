import {
  GetEmailIdentityCommand,
  type IdentityFilterKey,
  ListEmailIdentitiesCommand,
  type SESv2Client,
} from '@aws-sdk/client-sesv2';
import {
  GLOBAL_IDENTITY_CONCURRENCY,
  type IdentitySummary,
  type ListIdentitiesQuery,
} from '@ses-console/contract';
import { mapWithConcurrency } from '@ses-console/contract/concurrency';
import { callAws } from '../errors/aws-error-map.js';
import type { ServiceContext } from './service-context.js';

/** Largest page SES v2 allows. */
const PAGE_SIZE = 1000;

function filterOf(query: ListIdentitiesQuery): Partial<Record<IdentityFilterKey, string>> | undefined {
  const filter: Partial<Record<IdentityFilterKey, string>> = {};
  if (query.name) filter.IDENTITY_NAME_CONTAINS = query.name;
  if (query.type) filter.IDENTITY_TYPE = query.type;
  if (query.status) filter.VERIFICATION_STATUS = query.status;
  return Object.keys(filter).length > 0 ? filter : undefined;
}

/**
 * Each domain's DKIM origin (GetEmailIdentity, a few at a time), so a table can tell parents, replicas
 * and BYODKIM apart. A domain whose lookup fails keeps no origin: the list still answers.
 */
async function withDkimOrigins(ses: SESv2Client, identities: IdentitySummary[]): Promise<IdentitySummary[]> {
  return mapWithConcurrency(identities, GLOBAL_IDENTITY_CONCURRENCY, async (identity) => {
    if (identity.type === 'EMAIL_ADDRESS') return identity;
    try {
      const out = await ses.send(new GetEmailIdentityCommand({ EmailIdentity: identity.name }));
      const dkimOrigin = out.DkimAttributes?.SigningAttributesOrigin;
      return dkimOrigin ? { ...identity, dkimOrigin } : identity;
    } catch {
      return identity;
    }
  });
}

/** Every identity of a region: all pages of ListEmailIdentities, filters passed through to SES. */
export async function listIdentities(
  ctx: ServiceContext,
  region: string,
  query: ListIdentitiesQuery,
): Promise<IdentitySummary[]> {
  const ses = ctx.clients.ses(region);
  const Filter = filterOf(query);
  const identities: IdentitySummary[] = [];
  let NextToken: string | undefined;
  do {
    const out = await callAws(() =>
      ses.send(
        new ListEmailIdentitiesCommand({ PageSize: PAGE_SIZE, NextToken, ...(Filter ? { Filter } : {}) }),
      ),
    );
    for (const item of out.EmailIdentities ?? []) {
      if (!item.IdentityName) continue;
      identities.push({
        name: item.IdentityName,
        type: item.IdentityType ?? (item.IdentityName.includes('@') ? 'EMAIL_ADDRESS' : 'DOMAIN'),
        status: item.VerificationStatus ?? 'NOT_STARTED',
        sendingEnabled: item.SendingEnabled ?? false,
      });
    }
    NextToken = out.NextToken || undefined;
  } while (NextToken);
  return query.include === 'dkim-origin' ? withDkimOrigins(ses, identities) : identities;
}
