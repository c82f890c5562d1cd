import { listConfigurationSets } from '../services/configuration-set-service.js';
import { type RouteBinding, type RouteDeps, route } from './route-spec.js';

/** `/api/regions/:region/configuration-sets`. */
export function configurationSetRoutes(deps: RouteDeps): RouteBinding[] {
  return [
    route('listConfigurationSets', async ({ params: { region } }) => ({
      configurationSets: await listConfigurationSets(deps.ctx, region),
    })),
  ];
}
