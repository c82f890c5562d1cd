import { GetAccountCommand } from '@aws-sdk/client-sesv2';
import type { Account } from '@ses-console/contract';
import { callAws } from '../errors/aws-error-map.js';
import type { ServiceContext } from './service-context.js';

/** GetAccount in one Region: whether the account is in the SES sandbox, and its sending quota. */
export async function getAccount(ctx: ServiceContext, region: string): Promise<Account> {
  const out = await callAws(() => ctx.clients.ses(region).send(new GetAccountCommand({})));
  return {
    productionAccessEnabled: out.ProductionAccessEnabled ?? false,
    sendingEnabled: out.SendingEnabled ?? true,
    sendQuota: {
      max24HourSend: out.SendQuota?.Max24HourSend ?? 0,
      maxSendRate: out.SendQuota?.MaxSendRate ?? 0,
      sentLast24Hours: out.SendQuota?.SentLast24Hours ?? 0,
    },
  };
}
