import type { IdentityDetail } from '@ses-console/contract';

/** A verified domain identity as the BFF answers it; override what a test is about. */
export function testIdentityDetail(overrides: Partial<IdentityDetail> = {}): IdentityDetail {
  const name = overrides.name ?? 'shop.example';
  const region = overrides.region ?? 'us-east-1';
  return {
    name,
    type: 'DOMAIN',
    region,
    arn: `arn:aws:ses:${region}:000000000000:identity/${name}`,
    status: 'SUCCESS',
    verifiedForSending: true,
    dkim: {
      signingEnabled: true,
      status: 'SUCCESS',
      origin: 'AWS_SES',
      tokens: ['t1'],
      currentKeyLength: 'RSA_2048_BIT',
      nextKeyLength: 'RSA_2048_BIT',
    },
    mailFrom: { behaviorOnMxFailure: 'USE_DEFAULT_VALUE' },
    feedbackForwardingEnabled: true,
    policies: {},
    tags: [],
    dnsRecords: [],
    authentication: { available: true },
    ...overrides,
  };
}
