import { AppError } from './app-error.js';

/**
 * One configured account cannot be reached: its role could not be assumed (AccessDenied: the role does
 * not exist, does not trust the BFF, or wants another external id; STS throttled or down). It is that
 * account's error only — a 502 envelope naming the account and the role — never the whole page's, and
 * nothing was sent to SES (attempt-outcome.ts counts it as `not-sent`).
 */
export class AccountUnavailableError extends AppError {
  constructor(
    readonly accountId: string,
    message: string,
    /** The STS error (kept for the log; never sent to a browser). */
    readonly reason?: unknown,
  ) {
    super(502, 'AccountUnavailable', message);
  }

  static assumeRoleFailed(
    role: { accountId: string; accountName: string; roleArn: string },
    stsCode: string | undefined,
    reason: unknown,
  ): AccountUnavailableError {
    const why = stsCode ? `STS answered ${stsCode}` : 'STS did not answer';
    return new AccountUnavailableError(
      role.accountId,
      `Account ${role.accountName} (${role.accountId}) is not available: the console could not assume its role ${role.roleArn} (${why}). Check the role's trust policy and external id.`,
      reason,
    );
  }
}
