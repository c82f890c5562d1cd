import { Validator } from '@seriousme/openapi-schema-validator';
import { apiPaths, type RouteId, routeSchemas, routeTable } from '@ses-console/contract';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiPath } from '../src/openapi/openapi-document.js';
import { type Harness, startHarness } from './support/harness.js';

describe('/api/openapi.json', () => {
  let h: Harness;
  let doc: { openapi: string; paths: Record<string, Record<string, unknown>> };
  beforeAll(async () => {
    h = await startHarness();
    doc = (await request(h.app).get(apiPaths.openapi)).body;
  });
  afterAll(async () => {
    await h.close();
  });

  it('when the document is validated as OpenAPI, then it is valid 3.1', async () => {
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('when the document is read, then every path of apiPaths is in it', () => {
    const documented = Object.keys(doc.paths);
    for (const path of Object.values(apiPaths)) expect(documented).toContain(openApiPath(path));
  });

  it('when a registered route is documented, then it has its params, body and response schema', () => {
    const create = doc.paths['/api/regions/{region}/identities']?.post as {
      parameters: Array<{ name: string; in: string }>;
      requestBody: { content: Record<string, { schema: { oneOf?: unknown[]; anyOf?: unknown[] } }> };
      responses: Record<
        string,
        { content?: Record<string, { schema: { properties?: Record<string, unknown> } }> }
      >;
    };
    expect(create.parameters).toEqual([expect.objectContaining({ name: 'region', in: 'path' })]);
    const body = create.requestBody.content['application/json']?.schema;
    expect(body?.oneOf ?? body?.anyOf).toHaveLength(2);
    expect(
      Object.keys(create.responses['201']?.content?.['application/json']?.schema.properties ?? {}),
    ).toContain('steps');
    const list = doc.paths['/api/regions/{region}/identities']?.get as {
      parameters: Array<{ name: string }>;
    };
    expect(list.parameters.map((p) => p.name)).toEqual(['region', 'name', 'type', 'status', 'include']);
  });

  it('when the document is read, then each route of the contract’s route table is there once, with its role and summary', () => {
    const ids = Object.keys(routeTable) as RouteId[];
    const operations = Object.values(doc.paths).flatMap((methods) => Object.keys(methods));
    expect(operations).toHaveLength(ids.length);
    for (const id of ids) {
      const { method, path, role } = routeTable[id];
      const operation = doc.paths[openApiPath(path)]?.[method] as { summary: string; description: string };
      expect(operation?.summary, id).toBe(routeSchemas[id].summary);
      expect(operation?.description, id).toContain(role ? `\`${role}\` role` : 'signed-in user');
    }
  });

  it('when every documented operation is counted, then each one answers something other than a route 404', async () => {
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const method of Object.keys(methods)) {
        const concrete = path
          .replace('{region}', 'us-east-1')
          .replace('{identity}', 'example.com')
          .replace('{policyName}', 'p1');
        const res = await request(h.app)[method as 'get' | 'post' | 'put' | 'delete'](concrete).send({});
        expect(res.body?.error?.code, `${method} ${path}`).not.toBe('RouteNotFound');
      }
    }
  });

  it('when an account-scoped operation is documented, then it names its /api/accounts/{account} form; a global one does not', () => {
    const list = doc.paths['/api/regions/{region}/identities']?.get as Record<string, unknown>;
    expect(list['x-account-path']).toBe('/api/accounts/{account}/regions/{region}/identities');
    expect(list.description).toContain('/api/accounts/{account}');
    for (const path of [apiPaths.meta, apiPaths.session, apiPaths.audit, apiPaths.allAccountsIdentities]) {
      const get = doc.paths[openApiPath(path)]?.get as Record<string, unknown>;
      expect(get['x-account-path'], path).toBeUndefined();
    }
  });
});
