import { getAccount } from '../services/account-service.js';
import { type RouteBinding, route } from './route-spec.js';

/** `/api/regions/:region/account`: the SES account (sandbox, quota) in a Region. */
export function accountRoutes(): RouteBinding[] {
  return [route('getAccount', ({ params: { region } }, { ctx }) => getAccount(ctx, region))];
}
