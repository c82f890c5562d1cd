import { describe, expect, it } from 'vitest';
import { accessFor, apiPaths, auditActions, canCall, hasRole, highestRole, routeAccess } from './index.js';

describe('roles and the route access table', () => {
  it('when roles are compared, then each includes the ones below it and null means any signed-in user', () => {
    expect(hasRole(['admin'], 'operator')).toBe(true);
    expect(hasRole(['viewer'], 'operator')).toBe(false);
    expect(hasRole([], null)).toBe(true);
    expect(hasRole([], 'viewer')).toBe(false);
    expect(highestRole(['viewer', 'admin', 'operator'])).toBe('admin');
  });

  it('when the table is read, then every route appears once and every change has an audit action', () => {
    const keys = routeAccess.map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const rule of routeAccess) {
      if (rule.method !== 'get') expect(rule.action, `${rule.method} ${rule.path}`).toBeTruthy();
    }
    expect(new Set(auditActions).size).toBe(auditActions.length);
  });

  it('when the console asks what a role may do, then viewers read, operators edit and admins create and delete', () => {
    expect(canCall(['viewer'], 'get', apiPaths.identities)).toBe(true);
    expect(canCall(['viewer'], 'put', apiPaths.dkim)).toBe(false);
    expect(canCall(['viewer', 'operator'], 'put', apiPaths.dkim)).toBe(true);
    expect(canCall(['viewer', 'operator'], 'delete', apiPaths.identity)).toBe(false);
    expect(canCall(['viewer', 'operator', 'admin'], 'post', apiPaths.policies)).toBe(true);
    expect(canCall(['admin'], 'get', '/api/not-a-route')).toBe(false);
    expect(accessFor('post', apiPaths.identities)?.action).toBe('identity.create');
  });
});
