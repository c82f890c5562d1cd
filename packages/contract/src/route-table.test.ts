import { describe, expect, it } from 'vitest';
import {
  apiPaths,
  canCallRoute,
  type RouteId,
  type RouteSchemas,
  routeSchemas,
  routeTable,
} from './index.js';

const ids = Object.keys(routeTable) as RouteId[];
const schemasOf = (id: RouteId): RouteSchemas => routeSchemas[id];

describe('the route table and the schemas keyed by its ids', () => {
  it('when both are read, then they name the same routes and every path of apiPaths is served', () => {
    expect(Object.keys(routeSchemas).sort()).toEqual([...ids].sort());
    const served = new Set(ids.map((id) => routeTable[id].path));
    for (const path of Object.values(apiPaths)) expect(served, path).toContain(path);
  });

  it('when a route has path parameters, then its schemas parse exactly those, in the order of the path', () => {
    for (const id of ids) {
      const inPath = [...routeTable[id].path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]);
      expect(Object.keys(schemasOf(id).params ?? {}), id).toEqual(inPath);
    }
  });

  it('when a route is declared, then it has exactly one success status and only changes have a body', () => {
    for (const id of ids) {
      const schemas = schemasOf(id);
      const statuses = Object.keys(schemas.responses).map(Number);
      expect(statuses.length, id).toBe(1);
      expect(statuses[0], id).toBeGreaterThanOrEqual(200);
      expect(statuses[0], id).toBeLessThan(300);
      if (routeTable[id].method === 'get') expect(schemas.body, id).toBeUndefined();
    }
  });

  it('when the console asks by route id, then the answer is the rule of that route (the bulk delete is not the single one)', () => {
    expect(canCallRoute(['operator'], 'updateDkim')).toBe(true);
    expect(canCallRoute(['operator'], 'deleteIdentities')).toBe(false);
    expect(canCallRoute(['admin'], 'deleteIdentities')).toBe(true);
    expect(routeTable.deleteIdentities.action).not.toBe(routeTable.deleteIdentity.action);
  });
});
