import type { AccountInfo } from '@ses-console/contract';
import type { AssumedRoleOptions } from '../clients/assumed-role-credentials.js';
import {
  type AwsClientOptions,
  type AwsClients,
  createAccountClients,
  createStsClient,
} from '../clients/aws-clients.js';
import { createAccountIdResolver } from '../services/account-id.js';
import type { ServiceContext } from '../services/service-context.js';
import type { AccountSetting } from './account-config.js';

/**
 * What a request acts in: one account's SDK clients and account id (its ServiceContext) and the Regions
 * offered there. A one-account console (no ACCOUNTS) has one scope, without an id.
 */
export interface AccountScope {
  /** The account's id; undefined in a one-account console. */
  id: string | undefined;
  /** As `/api/meta` lists it; undefined in a one-account console. */
  info: AccountInfo | undefined;
  ctx: ServiceContext;
  /** The Region codes offered in this account (its `regions`, else REGIONS). */
  regions: readonly string[];
  /**
   * Resolves the account's credentials (AssumeRole, once, then cached): rejects with
   * AccountUnavailableError when its role cannot be assumed. The BFF's own account is always ready.
   */
  ready(): Promise<void>;
}

/** Every account a console serves, by id; the default account's scope serves the unprefixed routes. */
export interface AccountScopes {
  /** ACCOUNTS as configured, in order (empty in a one-account console). */
  readonly accounts: readonly AccountInfo[];
  /** The first of ACCOUNTS; undefined in a one-account console. */
  readonly defaultAccount: string | undefined;
  readonly default: AccountScope;
  /** The scope of `account` (undefined: the default account's); undefined when it is not configured. */
  of(account: string | undefined): AccountScope | undefined;
  /** Every configured account's scope, in order (the one scope in a one-account console). */
  all(): AccountScope[];
  destroy(): void;
}

/** A one-account console: the BFF's own clients, REGIONS, no account id on requests. */
export function singleAccountScopes(
  clients: AwsClients,
  regions: readonly string[],
  accountId?: string,
): AccountScopes {
  const scope: AccountScope = {
    id: undefined,
    info: undefined,
    ctx: { clients, accountId: createAccountIdResolver(clients, accountId) },
    regions,
    ready: async () => {},
  };
  return {
    accounts: [],
    defaultAccount: undefined,
    default: scope,
    of: (account) => (account === undefined ? scope : undefined),
    all: () => [scope],
    destroy: () => clients.destroy(),
  };
}

export interface ConfiguredScopesOptions {
  settings: readonly AccountSetting[];
  /** The BFF's own clients (its own credentials): the entry without a roleArn uses them. */
  ownClients: AwsClients;
  /** How the accounts' clients are built (endpoint, timeouts) — the own clients' options. */
  clientOptions: AwsClientOptions;
  /** The Region of the STS endpoint roles are assumed at (AWS_REGION). */
  stsRegion: string;
  credentialOptions?: AssumedRoleOptions;
}

/** ACCOUNTS: a scope per entry; role entries get their own clients, signing with the assumed role. */
export function configuredAccountScopes(options: ConfiguredScopesOptions): AccountScopes {
  const { settings, ownClients } = options;
  const first = settings[0];
  if (!first) throw new Error('ACCOUNTS must list at least one account');
  let sts: ReturnType<typeof createStsClient> | undefined;
  const destroyers: Array<() => void> = [() => ownClients.destroy()];
  const scopes = new Map<string, AccountScope>();
  for (const setting of settings) {
    const info: AccountInfo = { id: setting.id, name: setting.name, regions: [...setting.regions] };
    const accountId = async () => setting.id;
    if (!setting.roleArn) {
      scopes.set(setting.id, {
        id: setting.id,
        info,
        ctx: { clients: ownClients, accountId },
        regions: setting.regions,
        ready: async () => {},
      });
      continue;
    }
    sts ??= createStsClient(options.clientOptions, options.stsRegion);
    const { clients, credentials } = createAccountClients(
      options.clientOptions,
      sts,
      {
        accountId: setting.id,
        accountName: setting.name,
        roleArn: setting.roleArn,
        sessionName: setting.sessionName,
        ...(setting.externalId ? { externalId: setting.externalId } : {}),
      },
      options.credentialOptions,
    );
    destroyers.push(() => clients.destroy());
    scopes.set(setting.id, {
      id: setting.id,
      info,
      ctx: { clients, accountId },
      regions: setting.regions,
      ready: async () => {
        await credentials();
      },
    });
  }
  const stsClient = sts;
  if (stsClient) destroyers.push(() => stsClient.destroy());
  const defaultScope = scopes.get(first.id) as AccountScope;
  return {
    accounts: settings.map((s) => ({ id: s.id, name: s.name, regions: [...s.regions] })),
    defaultAccount: first.id,
    default: defaultScope,
    of: (account) => (account === undefined ? defaultScope : scopes.get(account)),
    all: () => [...scopes.values()],
    destroy: () => {
      for (const destroy of destroyers) destroy();
    },
  };
}
