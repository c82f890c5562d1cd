import type { Response } from 'express';

/**
 * The AWS account a request acts in, as the account prefix (`/api/accounts/{account}/…`) or, without
 * it, the default account resolved it. Undefined when the console serves one account (no ACCOUNTS).
 * Written once per request by the account-scope middleware; read by authorization, audit and routes.
 */
export function setRequestAccount(res: Response, account: string | undefined): void {
  res.locals.account = account;
}

export function requestAccount(res: Response): string | undefined {
  const account: unknown = res.locals.account;
  return typeof account === 'string' ? account : undefined;
}
