import type {
  CreateEmailIdentityResponse,
  DkimAttributes,
  DkimSigningAttributesOrigin,
  GetEmailIdentityResponse,
  IdentityInfo,
} from '@aws-sdk/client-sesv2';
import type { IdentitySummary } from '../../store/ses-identity-repo.js';
import type { DkimState, IdentityRecord } from '../../store/ses-records.js';
import { replicaOrigin } from '../ses/dkim-regions.js';
import type { IdentityView } from '../ses/model/identities.js';
import { dkimHostedZone } from '../ses/verification/dns-checks.js';

/** An SDK output shape as it travels in JSON: timestamps are epoch seconds, blobs base64. */
export type Wire<T> = T extends Date
  ? number
  : T extends Uint8Array
    ? string
    : T extends Array<infer U>
      ? Wire<U>[]
      : T extends object
        ? { [K in keyof T]: Wire<T[K]> }
        : T;

export function epochSeconds(ms: number | undefined): number | undefined {
  return ms === undefined ? undefined : Math.floor(ms / 1000);
}

/** What an address without a registered parent domain reports (observed on real SES). */
const NO_DKIM: Wire<DkimAttributes> = {
  SigningEnabled: false,
  Status: 'NOT_STARTED',
  SigningAttributesOrigin: 'AWS_SES',
  NextSigningKeyLength: 'RSA_1024_BIT',
};

/**
 * The DKIM attributes of an identity in `region`. A Deterministic Easy DKIM replica reports
 * `SigningAttributesOrigin` `AWS_SES_<PARENT_REGION>` (the documented way to recognise one) with the
 * parent's tokens, key lengths and hosted zone; one whose replication failed has none of them [inf].
 */
export function dkimAttributes(dkim: DkimState | undefined, region: string): Wire<DkimAttributes> {
  if (!dkim) return NO_DKIM;
  const base: Wire<DkimAttributes> = {
    SigningEnabled: dkim.signingEnabled,
    Status: dkim.track.status,
    Tokens: dkim.tokens,
    SigningAttributesOrigin: (dkim.parentRegion
      ? replicaOrigin(dkim.parentRegion)
      : dkim.origin) as DkimSigningAttributesOrigin,
    LastKeyGenerationTimestamp: epochSeconds(dkim.lastKeyGenerationAt),
  };
  if (dkim.origin === 'EXTERNAL' || dkim.tokens.length === 0) return base;
  return {
    ...base,
    SigningHostedZone: dkimHostedZone(region, dkim),
    NextSigningKeyLength: dkim.nextKeyLength,
    CurrentSigningKeyLength: dkim.currentKeyLength,
  };
}

export function createIdentityOutput(identity: IdentityRecord): Wire<CreateEmailIdentityResponse> {
  const out: Wire<CreateEmailIdentityResponse> = {
    IdentityType: identity.type,
    VerifiedForSendingStatus: identity.verification.status === 'SUCCESS',
  };
  if (identity.dkim) {
    const dkim = dkimAttributes(identity.dkim, identity.region);
    // Real SES reports NOT_STARTED in the create response and PENDING on later reads.
    out.DkimAttributes = { ...dkim, Status: dkim.Status === 'PENDING' ? 'NOT_STARTED' : dkim.Status };
  }
  return out;
}

export function getIdentityOutput(view: IdentityView): Wire<GetEmailIdentityResponse> {
  const { identity } = view;
  const track = identity.verification;
  const mailFrom = identity.mailFrom;
  return {
    IdentityType: identity.type,
    FeedbackForwardingStatus: identity.feedbackForwarding,
    VerifiedForSendingStatus: track.status === 'SUCCESS',
    DkimAttributes: dkimAttributes(view.dkim, identity.region),
    MailFromAttributes: {
      MailFromDomain: mailFrom.domain,
      MailFromDomainStatus: mailFrom.track?.status as 'PENDING' | undefined,
      BehaviorOnMxFailure: mailFrom.behaviorOnMxFailure,
    } as Wire<GetEmailIdentityResponse>['MailFromAttributes'],
    Policies: view.policies,
    Tags: view.tags,
    ConfigurationSetName: identity.configurationSetName,
    VerificationStatus: track.status,
    VerificationInfo: {
      LastCheckedTimestamp: epochSeconds(track.lastCheckedAt),
      LastSuccessTimestamp: epochSeconds(track.lastSuccessAt),
      ErrorType: track.errorType,
      SOARecord: view.soa,
    },
  };
}

export function identityInfo(identity: IdentitySummary): Wire<IdentityInfo> {
  return {
    IdentityType: identity.type,
    IdentityName: identity.name,
    SendingEnabled: identity.verificationStatus === 'SUCCESS',
    VerificationStatus: identity.verificationStatus,
  };
}
