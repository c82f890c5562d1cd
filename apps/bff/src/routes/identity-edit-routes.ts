import {
  apiPaths,
  createPolicyRequestSchema,
  identityDetailSchema,
  replaceTagsRequestSchema,
  updateConfigurationSetRequestSchema,
  updateDkimRequestSchema,
  updateFeedbackRequestSchema,
  updateMailFromRequestSchema,
  updatePolicyRequestSchema,
} from '@ses-console/contract';
import type { Request, Response } from 'express';
import type { z } from 'zod';
import { getIdentityDetail } from '../services/identity-detail-service.js';
import {
  createPolicy,
  deletePolicy,
  replaceTags,
  updateDefaultConfigurationSet,
  updateDkim,
  updateFeedbackForwarding,
  updateMailFrom,
  updatePolicy,
} from '../services/identity-edit-service.js';
import { identityOf, paramSchemas, policyNameOf, regionOf } from './params.js';
import type { RouteDeps, RouteSpec } from './route-spec.js';
import { parseInput } from './validate.js';

const identityParams = { region: paramSchemas.region, identity: paramSchemas.identity };
const policyParams = { ...identityParams, policyName: paramSchemas.policyName };
const updated = { description: 'The identity after the change', schema: identityDetailSchema };

/**
 * Every edit of the detail page answers the updated identity, so the console can render it at once.
 * The route parses and validates; the service does the SES calls.
 */
export function identityEditRoutes(deps: RouteDeps): RouteSpec[] {
  const { ctx } = deps;

  function edit<S extends z.ZodType>(
    schema: S | undefined,
    apply: (region: string, identity: string, input: z.output<S>, req: Request) => Promise<void>,
    status = 200,
  ) {
    return async (req: Request, res: Response) => {
      const region = regionOf(req, deps);
      const identity = identityOf(req);
      const input = schema ? parseInput(schema, req.body) : (undefined as z.output<S>);
      await apply(region, identity, input, req);
      res.status(status).json(await getIdentityDetail(ctx, region, identity));
    };
  }

  return [
    {
      method: 'put',
      path: apiPaths.dkim,
      tag: 'Identity settings',
      summary: 'DKIM signing on/off and signing attributes (Easy DKIM key length or BYODKIM)',
      params: identityParams,
      body: updateDkimRequestSchema,
      responses: { 200: updated },
      handler: edit(updateDkimRequestSchema, (region, identity, input) =>
        updateDkim(ctx, region, identity, input),
      ),
    },
    {
      method: 'put',
      path: apiPaths.mailFrom,
      tag: 'Identity settings',
      summary: 'Set or clear (domain: null) the custom MAIL FROM domain',
      params: identityParams,
      body: updateMailFromRequestSchema,
      responses: { 200: updated },
      handler: edit(updateMailFromRequestSchema, (region, identity, input) =>
        updateMailFrom(ctx, region, identity, input),
      ),
    },
    {
      method: 'put',
      path: apiPaths.feedback,
      tag: 'Identity settings',
      summary: 'Email feedback forwarding on/off',
      params: identityParams,
      body: updateFeedbackRequestSchema,
      responses: { 200: updated },
      handler: edit(updateFeedbackRequestSchema, (region, identity, input) =>
        updateFeedbackForwarding(ctx, region, identity, input.emailForwardingEnabled),
      ),
    },
    {
      method: 'put',
      path: apiPaths.configurationSet,
      tag: 'Identity settings',
      summary: 'Set or remove (null) the default configuration set',
      params: identityParams,
      body: updateConfigurationSetRequestSchema,
      responses: { 200: updated },
      handler: edit(updateConfigurationSetRequestSchema, (region, identity, input) =>
        updateDefaultConfigurationSet(ctx, region, identity, input.configurationSetName),
      ),
    },
    {
      method: 'put',
      path: apiPaths.tags,
      tag: 'Identity settings',
      summary: "Replace the identity's tags with this set",
      params: identityParams,
      body: replaceTagsRequestSchema,
      responses: { 200: updated },
      // The service answers the detail it checked the tags against (replaceTags).
      handler: async (req, res) => {
        const input = parseInput(replaceTagsRequestSchema, req.body);
        res.json(await replaceTags(ctx, regionOf(req, deps), identityOf(req), input.tags));
      },
    },
    {
      method: 'post',
      path: apiPaths.policies,
      tag: 'Identity settings',
      summary: 'Create an authorization policy',
      params: identityParams,
      body: createPolicyRequestSchema,
      responses: { 201: updated },
      handler: edit(
        createPolicyRequestSchema,
        (region, identity, input) => createPolicy(ctx, region, identity, input.name, input.document),
        201,
      ),
    },
    {
      method: 'put',
      path: apiPaths.policy,
      tag: 'Identity settings',
      summary: 'Replace an authorization policy document',
      params: policyParams,
      body: updatePolicyRequestSchema,
      responses: { 200: updated },
      handler: edit(updatePolicyRequestSchema, (region, identity, input, req) =>
        updatePolicy(ctx, region, identity, policyNameOf(req), input.document),
      ),
    },
    {
      method: 'delete',
      path: apiPaths.policy,
      tag: 'Identity settings',
      summary: 'Delete an authorization policy',
      params: policyParams,
      responses: { 200: updated },
      handler: edit(undefined, (region, identity, _input, req) =>
        deletePolicy(ctx, region, identity, policyNameOf(req)),
      ),
    },
  ];
}
