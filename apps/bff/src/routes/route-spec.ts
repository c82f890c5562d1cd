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
import type { AccountScope, AccountScopes } from '../accounts/account-scopes.js';
import type { DnsResolver } from '../clients/dns-resolver.js';
import { requestAccount } from '../http/request-account.js';
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
 * Where a request runs: its HTTP objects and the account it acts in (`/api/accounts/{account}/…`, else
 * the default account): `ctx` is that account's SDK clients and id, `scope.regions` its Regions.
 */
export interface RouteContext {
  req: Request;
  res: Response;
  ctx: ServiceContext;
  scope: AccountScope;
}

/**
 * What serves a route: it gets the parsed input and answers the body, which is sent as JSON with the
 * route's success status (from the contract). `undefined`: a 204 route's empty answer, or, on a route
 * without a response schema, that the handler wrote the response itself (a CSV stream).
 */
export type RouteHandler<Id extends RouteId> = (
  input: RouteInput<Id>,
  http: RouteContext,
) => RouteAnswer<Id> | Promise<RouteAnswer<Id>>;

/** A handler bound to the id of the route it serves (its input type checked where it is bound). */
export interface RouteBinding {
  id: RouteId;
  handle: (input: never, http: RouteContext) => unknown;
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

/**
 * Checks beyond a path parameter's schema that need the app's configuration: a region offered in the
 * request's account (`scope.regions`: its `regions`, else REGIONS).
 */
export type ParamRules = Readonly<Record<string, (value: unknown, scope: AccountScope) => void>>;

function parseRequest(schemas: RouteSchemas, req: Request, rules: ParamRules, scope: AccountScope) {
  const params: Record<string, unknown> = {};
  const raw = req.params as Record<string, string | undefined>;
  for (const [name, schema] of Object.entries(schemas.params ?? {})) {
    params[name] = parseParam(schema, raw[name] ?? '', name);
    rules[name]?.(params[name], scope);
  }
  const query = schemas.query ? parseInput(schemas.query, req.query) : undefined;
  const sent: unknown = req.body ?? (schemas.bodyMayBeOmitted ? {} : undefined);
  const body = schemas.body ? parseInput(schemas.body, sent) : undefined;
  return { params, query, body };
}

/**
 * The route of `binding` as Express registers it: input parsed before the handler, answer sent after;
 * the handler runs in the request's account (`requestAccount`, set by http/account-prefix.ts).
 */
export function routeSpecOf(
  binding: RouteBinding,
  accounts: Pick<AccountScopes, 'of'>,
  rules: ParamRules = {},
): RouteSpec {
  const schemas: RouteSchemas = routeSchemas[binding.id];
  const access: RouteAccess = routeTable[binding.id];
  const status = Number(Object.keys(schemas.responses)[0]);
  const handler: RequestHandler = async (req, res) => {
    const account = requestAccount(res);
    const scope = accounts.of(account);
    // The account prefix admits configured accounts only; this is the last line, not a user's mistake.
    if (!scope) throw new Error(`no scope for account ${account}`);
    const input = parseRequest(schemas, req, rules, scope);
    const answer = await binding.handle(input as never, { req, res, ctx: scope.ctx, scope });
    if (answer !== undefined) res.status(status).json(answer);
    else if (status === 204) res.status(204).end();
  };
  return { id: binding.id, ...access, ...schemas, handler };
}

export interface RouteDeps {
  /**
   * The accounts the console serves: handlers get the request's account's `ctx` (RouteContext); only
   * what acts in no particular account (readiness: the default account) reads these.
   */
  accounts: AccountScopes;
  backend: 'emulator' | 'aws';
  /** REGIONS (every account's Regions are among them). */
  regions: RegionInfo[];
  defaultRegion: string;
  emulator?: EmulatorControl;
  /** Resolvers the DNS diagnostics ask (DNS_SERVERS). */
  dns: DnsResolver;
  /** The API's response deadline (API_TIMEOUT_MS): long work plans to answer inside it. */
  apiTimeoutMs: number;
  /**
   * Whether the caller may see an account in `GET /api/all-accounts/identities` (roles per account);
   * default: every configured account.
   */
  mayViewAccount?: (accountId: string, http: RouteContext) => boolean | Promise<boolean>;
}
