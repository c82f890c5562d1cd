import { ListEmailIdentitiesCommand } from '@aws-sdk/client-sesv2';
import type { ServiceContext } from './service-context.js';

/** Ready when SES answers a cheap call in the default region (one identity, one page). */
export async function checkSesReachable(
  ctx: ServiceContext,
  region: string,
  timeoutMs = 3_000,
): Promise<boolean> {
  try {
    await ctx.clients
      .ses(region)
      .send(new ListEmailIdentitiesCommand({ PageSize: 1 }), { abortSignal: AbortSignal.timeout(timeoutMs) });
    return true;
  } catch {
    return false;
  }
}
