import type { AwsClients } from '../clients/aws-clients.js';
import { AppError } from '../errors/app-error.js';

/**
 * The account id for identity ARNs (detail page, tagging). SES v2 has no call that returns it, so:
 * a configured id (emulator: the emulator's account; aws: `AWS_ACCOUNT_ID`), else the id the credential
 * provider reports (SSO, assumed roles, `aws_account_id` in a profile, `AWS_ACCOUNT_ID` in env).
 */
export function createAccountIdResolver(
  clients: AwsClients,
  configured: string | undefined,
): (region: string) => Promise<string> {
  let known = configured;
  return async (region) => {
    if (known) return known;
    const credentials = await clients.ses(region).config.credentials();
    if (credentials.accountId) {
      known = credentials.accountId;
      return known;
    }
    throw new AppError(
      502,
      'AccountIdUnknown',
      'The BFF does not know its AWS account id: set AWS_ACCOUNT_ID (or use credentials that carry it).',
    );
  };
}
