import type { EmulatorCore } from '../../core.js';
import { StsCredentialRepo } from '../../store/sts-credential-repo.js';
import { StsModel } from './model.js';
import { RoleDirectory, type RoleEntry } from './roles.js';

/** STS's state and rules: the issued credentials (in the store) and the roles in force (in memory). */
export interface StsState {
  model: StsModel;
  roles: RoleDirectory;
}

/** `roles`: EMULATOR_ROLES (omitted: any well-formed role ARN can be assumed). */
export function createStsState(core: EmulatorCore, options: { roles?: readonly RoleEntry[] } = {}): StsState {
  const roles = new RoleDirectory(options.roles);
  const model = new StsModel({
    store: new StsCredentialRepo(core.db),
    roles,
    now: () => core.clock.nowMs(),
    defaultAccountId: () => core.config.defaultAccountId,
  });
  return { model, roles };
}
