import type { ControlPlane } from '../../control/control-plane.js';
import { badRequest, isResponse, json, readJsonObject } from '../../control/responses.js';
import { parseRoleEntries } from './roles.js';
import type { StsState } from './state.js';

/**
 * `/_emulator/roles`: GET the roles in force (`{restricted, roles}`); PUT `{"roles":[{arn, externalId?,
 * maxSessionDuration?}, …]}` makes only those assumable (a bad entry is a 400 naming it and changes
 * nothing); DELETE lifts the restriction (any well-formed role ARN, as without EMULATOR_ROLES).
 */
export function addStsControlRoutes(control: ControlPlane, sts: StsState): void {
  control
    .add('GET', '/_emulator/roles', 'GetRoles', () => json(200, sts.roles.current()))
    .add('PUT', '/_emulator/roles', 'SetRoles', (req) => {
      const body = readJsonObject(req.body);
      if (isResponse(body)) return body;
      let roles: ReturnType<typeof parseRoleEntries>;
      try {
        roles = parseRoleEntries(body.roles, 'roles');
      } catch (error) {
        return badRequest((error as Error).message);
      }
      sts.roles.replace(roles);
      return json(200, sts.roles.current());
    })
    .add('DELETE', '/_emulator/roles', 'ClearRoles', () => {
      sts.roles.replace(undefined);
      return json(200, sts.roles.current());
    });
}
