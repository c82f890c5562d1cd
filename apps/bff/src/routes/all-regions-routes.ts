import {
  apiPaths,
  listAllRegionsIdentitiesQuerySchema,
  listAllRegionsIdentitiesResponseSchema,
} from '@ses-console/contract';
import { listIdentitiesInAllRegions } from '../services/all-regions-identity-list-service.js';
import type { RouteDeps, RouteSpec } from './route-spec.js';
import { parseInput } from './validate.js';

export function allRegionsRoutes(deps: RouteDeps): RouteSpec[] {
  return [
    {
      method: 'get',
      path: apiPaths.allRegionsIdentities,
      tag: 'Identities',
      summary:
        'List the identities of every configured region (4 regions at a time); a failed region is reported, the others still load',
      query: listAllRegionsIdentitiesQuerySchema,
      responses: {
        200: {
          description: 'The identities, each with its region, and how loading each region went',
          schema: listAllRegionsIdentitiesResponseSchema,
        },
      },
      handler: async (req, res) => {
        const query = parseInput(listAllRegionsIdentitiesQuerySchema, req.query);
        const regions = deps.regions.map((r) => r.code);
        const body = await listIdentitiesInAllRegions(deps.ctx, regions, query);
        for (const failed of body.regions) {
          if (failed.outcome === 'failed') {
            req.log?.warn({ region: failed.region, code: failed.error.code }, 'region could not be listed');
          }
        }
        res.json(body);
      },
    },
  ];
}
