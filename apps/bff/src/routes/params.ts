import { identityNameSchema, policyNameSchema, regionSchema } from '@ses-console/contract';
import type { Request } from 'express';
import { AppError } from '../errors/app-error.js';
import type { RouteDeps } from './route-spec.js';
import { parseParam } from './validate.js';

export const paramSchemas = {
  region: regionSchema,
  identity: identityNameSchema,
  policyName: policyNameSchema,
};

function param(req: Request, name: string): string {
  const value = (req.params as Record<string, string | undefined>)[name];
  return value ?? '';
}

/** The `:region` path parameter, which must be one of the configured regions. */
export function regionOf(req: Request, deps: RouteDeps): string {
  const region = parseParam(paramSchemas.region, param(req, 'region'), 'region');
  if (!deps.regions.some((r) => r.code === region)) {
    const message = `Region ${region} is not enabled in this console (REGIONS)`;
    throw AppError.badRequest(`region: ${message}`, [{ field: 'region', message }]);
  }
  return region;
}

export function identityOf(req: Request): string {
  return parseParam(paramSchemas.identity, param(req, 'identity'), 'identity');
}

export function policyNameOf(req: Request): string {
  return parseParam(paramSchemas.policyName, param(req, 'policyName'), 'policyName');
}
