import {
  apiPaths,
  listConfigurationSetsResponseSchema,
  type MetaResponse,
  metaResponseSchema,
  sendTestEmailRequestSchema,
  sendTestEmailResponseSchema,
} from '@ses-console/contract';
import { listConfigurationSets } from '../services/configuration-set-service.js';
import { sendTestEmail } from '../services/test-email-service.js';
import { paramSchemas, regionOf } from './params.js';
import type { RouteDeps, RouteSpec } from './route-spec.js';
import { parseInput } from './validate.js';

export function metaRoutes(deps: RouteDeps): RouteSpec[] {
  return [
    {
      method: 'get',
      path: apiPaths.meta,
      tag: 'Meta',
      summary: 'Backend, regions offered and the default region',
      responses: { 200: { description: 'Console shell data', schema: metaResponseSchema } },
      handler: (_req, res) => {
        const body: MetaResponse = {
          backend: deps.backend,
          regions: deps.regions,
          defaultRegion: deps.defaultRegion,
        };
        res.json(body);
      },
    },
  ];
}

export function sendingRoutes(deps: RouteDeps): RouteSpec[] {
  return [
    {
      method: 'get',
      path: apiPaths.configurationSets,
      tag: 'Sending',
      summary: 'Every configuration set name of a region (all pages)',
      params: { region: paramSchemas.region },
      responses: { 200: { description: 'Names', schema: listConfigurationSetsResponseSchema } },
      handler: async (req, res) => {
        res.json({ configurationSets: await listConfigurationSets(deps.ctx, regionOf(req, deps)) });
      },
    },
    {
      method: 'post',
      path: apiPaths.sendTestEmail,
      tag: 'Sending',
      summary: 'Send a test email to a mailbox simulator scenario or a custom recipient',
      params: { region: paramSchemas.region },
      body: sendTestEmailRequestSchema,
      responses: { 200: { description: 'Accepted by SES', schema: sendTestEmailResponseSchema } },
      handler: async (req, res) => {
        const region = regionOf(req, deps);
        const input = parseInput(sendTestEmailRequestSchema, req.body);
        res.json(await sendTestEmail(deps.ctx, region, input));
      },
    },
  ];
}
