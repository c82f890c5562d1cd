import {
  type RegionInfo,
  type RouteAccess,
  type RouteId,
  type RouteSchemas,
  routeSchemas,
  routeTable,
} from '@ses-console/contract';
import type { Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import type { DnsResolver } from '../clients/dns-resolver.js';
import type { EmulatorControl } from '../services/emulator-control-service.js';
import type { ServiceContext } from '../services/service-context.js';
import { parseInput, parseParam } from './validate.js';

type SchemasOf<Id extends RouteId> = (typeof routeSchemas)[Id];
type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** A route's request as its contract schemas parsed it: typed, validated, defaults applied. */
export interface RouteInput<Id extends RouteId> {
  params: SchemasOf<Id> extends { params: infer P }
    ? { [K in keyof P]: Parsed<P[K]> }
    : Record<string, never>;
  query: Parsed<SchemasOf<Id> extends { query: infer Q } ? Q : undefined>;
  body: Parsed<SchemasOf<Id> extends { body: infer B } ? B : undefined>;
}

type SuccessOf<Id extends RouteId> = SchemasOf<Id>['responses'][keyof SchemasOf<Id>['responses']];

/** What a route answers on success: its contract's response schema (anything for a route without one). */
export type RouteAnswer<Id extends RouteId> =
  SuccessOf<Id> extends { schema: infer S extends z.ZodType } ? z.output<S> : unknown;

/**
 * What serves a route: it gets the parsed input and answers the body, which is sent as JSON with the
 * route's success status (from the contract). `undefined`: a 204 route's empty answer, or, on a route
 * without a response schema, that the handler wrote the response itself (a CSV stream).
 */
export type RouteHandler<Id extends RouteId> = (
  input: RouteInput<Id>,
  http: { req: Request; res: Response },
) => RouteAnswer<Id> | Promise<RouteAnswer<Id>>;

/** A handler bound to the id of the route it serves (its input type checked where it is bound). */
export interface RouteBinding {
  id: RouteId;
  handle: (input: never, http: { req: Request; res: Response }) => unknown;
}

export function route<Id extends RouteId>(id: Id, handle: RouteHandler<Id>): RouteBinding {
  return { id, handle: handle as RouteBinding['handle'] };
}

/**
 * One API route as registered: the contract's declaration (method, path, access rule, schemas,
 * documentation) and the Express handler that parses the request with those schemas and runs the
 * route's handler. Express, the guards and `/api/openapi.json` all read this one list.
 */
export interface RouteSpec extends RouteAccess, RouteSchemas {
  id: RouteId;
  handler: RequestHandler;
}

/** Checks beyond a path parameter's schema that need the app's configuration (a region in REGIONS). */
export type ParamRules = Readonly<Record<string, (value: unknown) => void>>;

function parseRequest(schemas: RouteSchemas, req: Request, rules: ParamRules) {
  const params: Record<string, unknown> = {};
  const raw = req.params as Record<string, string | undefined>;
  for (const [name, schema] of Object.entries(schemas.params ?? {})) {
    params[name] = parseParam(schema, raw[name] ?? '', name);
    rules[name]?.(params[name]);
  }
  const query = schemas.query ? parseInput(schemas.query, req.query) : undefined;
  const sent: unknown = req.body ?? (schemas.bodyMayBeOmitted ? {} : undefined);
  const body = schemas.body ? parseInput(schemas.body, sent) : undefined;
  return { params, query, body };
}

/** The route of `binding` as Express registers it: input parsed before the handler, answer sent after. */
export function routeSpecOf(binding: RouteBinding, rules: ParamRules = {}): RouteSpec {
  const schemas: RouteSchemas = routeSchemas[binding.id];
  const access: RouteAccess = routeTable[binding.id];
  const status = Number(Object.keys(schemas.responses)[0]);
  const handler: RequestHandler = async (req, res) => {
    const input = parseRequest(schemas, req, rules);
    const answer = await binding.handle(input as never, { req, res });
    if (answer !== undefined) res.status(status).json(answer);
    else if (status === 204) res.status(204).end();
  };
  return { id: binding.id, ...access, ...schemas, handler };
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
