import { isRegionName } from '@ses-console/contract/region-name';
import type { ControlPlane } from '../../control/control-plane.js';
import { badRequest, isResponse, json, readJsonObject } from '../../control/responses.js';
import type { IncomingRequest, OutgoingResponse } from '../../protocol/http-types.js';
import type { AccountRecord, Scope } from '../../store/ses-records.js';
import type { AccountGrant } from './model/account.js';
import type { SesState } from './state.js';

/** What `/_emulator/account` answers: the account's sandbox state and quota in one account + Region. */
export interface EmulatorAccountView {
  accountId: string;
  region: string;
  productionAccess: boolean;
  sendingEnabled: boolean;
  max24HourSend: number;
  maxSendRate: number;
  sentLast24Hours: number;
  reviewStatus?: string;
}

function view(ses: SesState, account: AccountRecord): EmulatorAccountView {
  const quota = ses.model.account.sendQuota(account);
  return {
    accountId: account.accountId,
    region: account.region,
    productionAccess: account.productionAccessEnabled,
    sendingEnabled: account.sendingEnabled,
    max24HourSend: quota.max24HourSend,
    maxSendRate: quota.maxSendRate,
    sentLast24Hours: quota.sentLast24Hours,
    ...(account.details?.ReviewDetails ? { reviewStatus: account.details.ReviewDetails.Status } : {}),
  };
}

function scopeFrom(values: { accountId?: unknown; region?: unknown }, defaults: Scope): Scope | string {
  const { accountId, region } = values;
  if (accountId !== undefined && (typeof accountId !== 'string' || !/^\d{12}$/.test(accountId))) {
    return 'accountId must be a 12-digit AWS account id.';
  }
  if (region !== undefined && !isRegionName(region)) {
    return 'region must be a region code like "eu-west-3".';
  }
  return {
    accountId: (accountId as string | undefined) ?? defaults.accountId,
    region: (region as string | undefined) ?? defaults.region,
  };
}

function parseGrant(body: Record<string, unknown>): AccountGrant | string {
  const { productionAccess, max24HourSend, maxSendRate } = body;
  if (productionAccess !== undefined && typeof productionAccess !== 'boolean') {
    return 'productionAccess must be true or false.';
  }
  if (
    max24HourSend !== undefined &&
    (typeof max24HourSend !== 'number' ||
      !Number.isInteger(max24HourSend) ||
      (max24HourSend < 1 && max24HourSend !== -1) ||
      max24HourSend > 1_000_000_000)
  ) {
    return 'max24HourSend must be a whole number from 1 to 1000000000, or -1 for unlimited.';
  }
  if (
    maxSendRate !== undefined &&
    (typeof maxSendRate !== 'number' ||
      !Number.isFinite(maxSendRate) ||
      maxSendRate < 1 ||
      maxSendRate > 1_000_000)
  ) {
    return 'maxSendRate must be a number of recipients per second from 1 to 1000000.';
  }
  if (productionAccess === undefined && max24HourSend === undefined && maxSendRate === undefined) {
    return 'Give productionAccess (true or false), max24HourSend or maxSendRate.';
  }
  return {
    productionAccess: productionAccess as boolean | undefined,
    max24HourSend: max24HourSend as number | undefined,
    maxSendRate: maxSendRate as number | undefined,
  };
}

/**
 * `GET /_emulator/account?accountId=&region=` and `POST /_emulator/account` with
 * `{"productionAccess": true|false, "max24HourSend"?, "maxSendRate"?, "accountId"?, "region"?}`: the
 * stand-in for AWS's production-access review and quota increases (default account and Region when
 * omitted). A 400 names the field and the rule.
 */
export function addAccountRoute(control: ControlPlane, ses: SesState, defaults: () => Scope): void {
  control
    .add('GET', '/_emulator/account', 'GetEmulatorAccount', (req) => getAccount(req, ses, defaults()))
    .add('POST', '/_emulator/account', 'SetEmulatorAccount', (req) => setAccount(req, ses, defaults()));
}

function getAccount(req: IncomingRequest, ses: SesState, defaults: Scope): OutgoingResponse {
  const scope = scopeFrom(
    { accountId: req.query.get('accountId') ?? undefined, region: req.query.get('region') ?? undefined },
    defaults,
  );
  if (typeof scope === 'string') return badRequest(scope);
  return json(200, view(ses, ses.model.account.get(scope)));
}

function setAccount(req: IncomingRequest, ses: SesState, defaults: Scope): OutgoingResponse {
  const body = readJsonObject(req.body);
  if (isResponse(body)) return body;
  const scope = scopeFrom(body, defaults);
  if (typeof scope === 'string') return badRequest(scope);
  const grant = parseGrant(body);
  if (typeof grant === 'string') return badRequest(grant);
  return json(200, view(ses, ses.model.account.grant(scope, grant)));
}
