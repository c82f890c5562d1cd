import { listConfigurationSets } from '../services/configuration-set-service.js';
import { type RouteBinding, route } from './route-spec.js';

/** `/api/regions/:region/configuration-sets`. */
export function configurationSetRoutes(): RouteBinding[] {
  return [
    route('listConfigurationSets', async ({ params: { region } }, { ctx }) => ({
      configurationSets: await listConfigurationSets(ctx, region),
    })),
  ];
}
