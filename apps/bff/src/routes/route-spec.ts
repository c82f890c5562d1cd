import type { RegionInfo } from '@ses-console/contract';
import type { RequestHandler } from 'express';
import type { z } from 'zod';
import type { DnsResolver } from '../clients/dns-resolver.js';
import type { EmulatorControl } from '../services/emulator-control-service.js';
import type { ServiceContext } from '../services/service-context.js';

/**
 * One API route: how Express registers it and how `/api/openapi.json` documents it, from one place,
 * so the document cannot miss a route.
 */
export interface RouteSpec {
  method: 'get' | 'post' | 'put' | 'delete';
  /** Express path from the contract's `apiPaths`. */
  path: string;
  summary: string;
  tag: string;
  params?: Record<string, z.ZodType>;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Success responses; the error envelope is documented for every route. */
  responses: Record<number, { description: string; schema?: z.ZodType }>;
  handler: RequestHandler;
}

export interface RouteDeps {
  ctx: ServiceContext;
  backend: 'emulator' | 'aws';
  regions: RegionInfo[];
  defaultRegion: string;
  emulator?: EmulatorControl;
  /** Resolvers the DNS diagnostics ask (DNS_SERVERS). */
  dns: DnsResolver;
  /** The API's response deadline (API_TIMEOUT_MS): long work plans to answer inside it. */
  apiTimeoutMs: number;
}
