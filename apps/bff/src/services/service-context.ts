import type { AwsClients } from '../clients/aws-clients.js';

/** What every service needs: SDK clients and the account id identity ARNs are built from. */
export interface ServiceContext {
  clients: AwsClients;
  accountId(region: string): Promise<string>;
}

export function identityArn(region: string, accountId: string, identity: string): string {
  return `arn:aws:ses:${region}:${accountId}:identity/${identity}`;
}
