import { ListConfigurationSetsCommand } from '@aws-sdk/client-sesv2';
import { callAws } from '../errors/aws-error-map.js';
import type { ServiceContext } from './service-context.js';

/** Every configuration set name of a region (all pages). */
export async function listConfigurationSets(ctx: ServiceContext, region: string): Promise<string[]> {
  const ses = ctx.clients.ses(region);
  const names: string[] = [];
  let NextToken: string | undefined;
  do {
    const out = await callAws(() =>
      ses.send(new ListConfigurationSetsCommand({ PageSize: 1000, NextToken })),
    );
    names.push(...(out.ConfigurationSets ?? []));
    NextToken = out.NextToken || undefined;
  } while (NextToken);
  return names;
}
