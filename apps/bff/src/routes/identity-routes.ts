import {
  apiPaths,
  createIdentityRequestSchema,
  createIdentityResponseSchema,
  deleteIdentitiesRequestSchema,
  deleteIdentitiesResponseSchema,
  identityDetailSchema,
  type ListIdentitiesResponse,
  listIdentitiesQuerySchema,
  listIdentitiesResponseSchema,
  publishRequestSchema,
  publishResultSchema,
} from '@ses-console/contract';
import { createIdentity } from '../services/identity-create-service.js';
import { bulkDeleteOptions, deleteIdentities, deleteIdentity } from '../services/identity-delete-service.js';
import { getIdentityDetail } from '../services/identity-detail-service.js';
import { listIdentities } from '../services/identity-list-service.js';
import { publishDnsRecords } from '../services/publish-dns-service.js';
import { identityOf, paramSchemas, regionOf } from './params.js';
import type { RouteDeps, RouteSpec } from './route-spec.js';
import { parseInput } from './validate.js';

const regionParams = { region: paramSchemas.region };
const identityParams = { region: paramSchemas.region, identity: paramSchemas.identity };

export function identityRoutes(deps: RouteDeps): RouteSpec[] {
  const { ctx } = deps;
  return [
    {
      method: 'get',
      path: apiPaths.identities,
      tag: 'Identities',
      summary: 'List every identity of a region (all pages), optionally filtered by SES',
      params: regionParams,
      query: listIdentitiesQuerySchema,
      responses: { 200: { description: 'The identities', schema: listIdentitiesResponseSchema } },
      handler: async (req, res) => {
        const region = regionOf(req, deps);
        const query = parseInput(listIdentitiesQuerySchema, req.query);
        const body: ListIdentitiesResponse = { region, identities: await listIdentities(ctx, region, query) };
        res.json(body);
      },
    },
    {
      method: 'post',
      path: apiPaths.identities,
      tag: 'Identities',
      summary: 'Create an identity (with MAIL FROM, DKIM signing and Route 53 publishing as asked)',
      params: regionParams,
      body: createIdentityRequestSchema,
      responses: {
        201: {
          description: 'Created; `steps` says how each later step went',
          schema: createIdentityResponseSchema,
        },
      },
      handler: async (req, res) => {
        const region = regionOf(req, deps);
        const input = parseInput(createIdentityRequestSchema, req.body);
        res.status(201).json(await createIdentity(ctx, region, input));
      },
    },
    {
      method: 'post',
      path: apiPaths.deleteIdentities,
      tag: 'Identities',
      summary: 'Delete several identities; one result per identity',
      params: regionParams,
      body: deleteIdentitiesRequestSchema,
      responses: { 200: { description: 'Per-identity outcomes', schema: deleteIdentitiesResponseSchema } },
      handler: async (req, res) => {
        const region = regionOf(req, deps);
        const input = parseInput(deleteIdentitiesRequestSchema, req.body);
        const options = bulkDeleteOptions(deps.apiTimeoutMs, ctx.clients.attemptTimeoutMs);
        res.json(await deleteIdentities(ctx, region, input.identities, options));
      },
    },
    {
      method: 'get',
      path: apiPaths.identity,
      tag: 'Identities',
      summary: 'Identity detail with the DNS records SES asks for and their Route 53 state',
      params: identityParams,
      responses: { 200: { description: 'The identity', schema: identityDetailSchema } },
      handler: async (req, res) => {
        res.json(await getIdentityDetail(ctx, regionOf(req, deps), identityOf(req)));
      },
    },
    {
      method: 'delete',
      path: apiPaths.identity,
      tag: 'Identities',
      summary: 'Delete one identity',
      params: identityParams,
      responses: { 204: { description: 'Deleted' } },
      handler: async (req, res) => {
        await deleteIdentity(ctx, regionOf(req, deps), identityOf(req));
        res.status(204).end();
      },
    },
    {
      method: 'post',
      path: apiPaths.publishDns,
      tag: 'Identities',
      summary:
        'Publish the DNS records SES asks for to the public Route 53 hosted zone (changing existing records only once confirmed)',
      params: identityParams,
      body: publishRequestSchema,
      responses: {
        200: { description: 'What was published, or why nothing was', schema: publishResultSchema },
      },
      handler: async (req, res) => {
        const region = regionOf(req, deps);
        const identity = identityOf(req);
        const input = parseInput(publishRequestSchema, req.body ?? {});
        res.json(await publishDnsRecords(ctx, region, identity, input.scope, input.confirm));
      },
    },
  ];
}
