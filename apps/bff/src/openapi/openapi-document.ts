import { ACCOUNT_PREFIX, errorEnvelopeSchema, isAccountScoped } from '@ses-console/contract';
import { z } from 'zod';
import { SESSION_COOKIE } from '../auth/sessions.js';
import type { RouteSpec } from '../routes/route-spec.js';

type JsonObject = Record<string, unknown>;

/** JSON Schema (draft 2020-12, what OpenAPI 3.1 uses) of a zod schema; requests as input, responses as output. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonObject {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  }) as JsonObject;
  return rest;
}

/** `/api/regions/:region/identities` → `/api/regions/{region}/identities` */
export function openApiPath(expressPath: string): string {
  return expressPath.replace(/:([A-Za-z]+)/g, '{$1}');
}

function parameters(route: RouteSpec): JsonObject[] {
  const params: JsonObject[] = Object.entries(route.params ?? {}).map(([name, schema]) => ({
    name,
    in: 'path',
    required: true,
    schema: jsonSchema(schema, 'input'),
  }));
  if (route.query) {
    for (const [name, schema] of Object.entries(route.query.shape)) {
      params.push({
        name,
        in: 'query',
        required: !(schema as z.ZodType).safeParse(undefined).success,
        schema: jsonSchema(schema as z.ZodType, 'input'),
      });
    }
  }
  return params;
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorEnvelope' } } },
});

/** `/api/regions/{region}/identities` → `/api/accounts/{account}/regions/{region}/identities`. */
export function openApiAccountPath(expressPath: string): string {
  return openApiPath(`${ACCOUNT_PREFIX}${expressPath.slice('/api'.length)}`);
}

const ACCOUNT_SCOPED_NOTE =
  " Acts in the default account; also served under `/api/accounts/{account}` (the operation's " +
  '`x-account-path`), acting in that account of ACCOUNTS (400 for a malformed id, 404 `AccountNotFound` ' +
  'for one not configured, 502 `AccountUnavailable` when its role cannot be assumed).';

function operation(route: RouteSpec): JsonObject {
  const responses: JsonObject = {};
  for (const [status, response] of Object.entries(route.responses)) {
    responses[status] = {
      description: response.description,
      ...(response.schema
        ? { content: { 'application/json': { schema: jsonSchema(response.schema, 'output') } } }
        : {}),
    };
  }
  responses['4XX'] = errorResponse(
    'The request was not valid, or the resource does not exist (error envelope)',
  );
  responses['5XX'] = errorResponse('SES, Route 53 or the emulator failed (error envelope, no internals)');
  const params = parameters(route);
  const changes = route.method !== 'get';
  return {
    summary: route.summary,
    description:
      (route.role
        ? `Needs the \`${route.role}\` role (403 \`Forbidden\` with \`requiredRole\` otherwise).`
        : 'Needs a signed-in user (401 `Unauthenticated` otherwise).') +
      (isAccountScoped(route.path) ? ACCOUNT_SCOPED_NOTE : ''),
    security: [changes ? { sessionCookie: [], csrfToken: [] } : { sessionCookie: [] }],
    tags: [route.tag],
    // The account-prefixed form of the same operation (documented on it, so every route is one
    // operation): the prefix is stripped before routing, nothing else differs.
    ...(isAccountScoped(route.path) ? { 'x-account-path': openApiAccountPath(route.path) } : {}),
    operationId: `${route.method}${openApiPath(route.path).replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`,
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: !route.bodyMayBeOmitted,
            content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
          },
        }
      : {}),
    responses,
  };
}

/** OpenAPI 3.1 document of the registered routes, generated from the same specs Express registers. */
export function buildOpenApiDocument(routes: readonly RouteSpec[], info: { version: string }): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    paths[path] = { ...(paths[path] ?? {}), [route.method]: operation(route) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'SES identity console API (BFF)',
      version: info.version,
      description:
        'JSON API of the console over SES v2 and Route 53. Every non-2xx answer is the error envelope; ' +
        'every answer carries an `x-request-id` header.',
    },
    paths,
    components: {
      schemas: { ErrorEnvelope: jsonSchema(errorEnvelopeSchema, 'output') },
      securitySchemes: {
        sessionCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description:
            'The BFF session (GET /api/session opens one in AUTH_MODE none and proxy; /auth/login in oidc). ' +
            'In AUTH_MODE=proxy the identity comes from the trusted proxy on every request.',
        },
        csrfToken: {
          type: 'apiKey',
          in: 'header',
          name: 'x-csrf-token',
          description: 'The `csrfToken` of GET /api/session; required on every POST, PUT and DELETE.',
        },
      },
    },
  };
}
