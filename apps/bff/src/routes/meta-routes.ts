import type { MetaResponse } from '@ses-console/contract';
import { type RouteBinding, type RouteDeps, route } from './route-spec.js';

/** `/api/meta`: what the console needs to draw its shell. */
export function metaRoutes(deps: RouteDeps): RouteBinding[] {
  return [
    route(
      'getMeta',
      (): MetaResponse => ({
        backend: deps.backend,
        regions: deps.regions,
        defaultRegion: deps.defaultRegion,
        ...(deps.accounts.defaultAccount !== undefined
          ? { accounts: [...deps.accounts.accounts], defaultAccount: deps.accounts.defaultAccount }
          : {}),
      }),
    ),
  ];
}

/** `/api/openapi.json`: the document of the routes the app serves (built from their specs). */
export function openApiRoutes(document: () => object): RouteBinding[] {
  return [route('getOpenApi', () => document())];
}
