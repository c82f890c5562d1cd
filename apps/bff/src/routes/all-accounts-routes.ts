import { AppError } from '../errors/app-error.js';
import {
  type ConfiguredAccountScope,
  listIdentitiesInAllAccounts,
} from '../services/all-accounts-identity-list-service.js';
import { type RouteBinding, type RouteDeps, route } from './route-spec.js';

/**
 * Which accounts a request may list (`GET /api/all-accounts/identities` lists only those). The seam for
 * roles per account (ROLE_GROUPS scoped to accounts): `RouteDeps.mayViewAccount`, default every account.
 */
export type MayViewAccount = NonNullable<RouteDeps['mayViewAccount']>;

export const mayViewEveryAccount: MayViewAccount = () => true;

/** `/api/all-accounts/identities`: every configured account's identities (ACCOUNTS), × every Region or one. */
export function allAccountsRoutes(
  deps: Pick<RouteDeps, 'accounts' | 'regions' | 'mayViewAccount'>,
): RouteBinding[] {
  const mayView = deps.mayViewAccount ?? mayViewEveryAccount;
  return [
    route('listAllAccountsIdentities', async ({ query }, http) => {
      const configured = deps.accounts
        .all()
        .filter((scope): scope is ConfiguredAccountScope => scope.id !== undefined);
      if (configured.length === 0) {
        throw new AppError(
          404,
          'AccountsNotConfigured',
          'This console serves one account (no ACCOUNTS): use GET /api/identities',
        );
      }
      if (query.region !== undefined && !deps.regions.some((r) => r.code === query.region)) {
        const message = `Region ${query.region} is not enabled in this console (REGIONS)`;
        throw AppError.badRequest(`region: ${message}`, [{ field: 'region', message }]);
      }
      const visible: ConfiguredAccountScope[] = [];
      for (const scope of configured) if (await mayView(scope.id, http)) visible.push(scope);
      const body = await listIdentitiesInAllAccounts(visible, query);
      for (const failed of body.loads) {
        if (failed.outcome === 'failed') {
          http.req.log?.warn(
            { account: failed.account, region: failed.region, code: failed.error.code },
            failed.region === null ? 'account could not be reached' : 'account region could not be listed',
          );
        }
      }
      return body;
    }),
  ];
}
