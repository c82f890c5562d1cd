import type { Scope } from '../../../store/ses-records.js';
import { LIMITS, type ModelContext } from './context.js';
import {
  AlreadyExistsException,
  InvalidPolicyDocument,
  LimitExceededException,
  missingField,
  NotFoundException,
  validationError,
} from './errors.js';
import type { IdentityModel } from './identities.js';

const POLICY_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

function validateName(name: string): void {
  if (!POLICY_NAME.test(name)) {
    throw validationError(
      'policyName',
      'Member must have length between 1 and 64 and satisfy regular expression pattern: ^[a-zA-Z0-9_-]+$',
      name,
    );
  }
}

/** Validates a policy document and returns it with whitespace compacted, as AWS stores it. */
function validateDocument(policy: string | undefined): string {
  if (policy === undefined) throw missingField('policy');
  if (policy.length === 0)
    throw validationError('policy', 'Member must have length greater than or equal to 1');
  if (Buffer.byteLength(policy, 'utf8') > LIMITS.policyBytes) {
    throw validationError(
      'policy',
      `Member must have a size less than or equal to ${LIMITS.policyBytes} bytes`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(policy);
  } catch (error) {
    throw new InvalidPolicyDocument(
      `Invalid policy: the document is not valid JSON (${(error as Error).message}).`,
    );
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new InvalidPolicyDocument('Invalid policy: the document must be a JSON object.');
  }
  return JSON.stringify(parsed);
}

/**
 * Sending-authorization policies. The model documentation says Update and Delete succeed even when
 * the policy does not exist, while third-party probes of real SES report 404 NotFoundException
 * "Policy <name> does not exist."; we follow the observed behaviour (NotFound), which also lets a
 * client notice a typo. The doc's "identity must be verified" rule is not enforced, so a console can
 * prepare policies while DNS is pending.
 */
export class PolicyModel {
  constructor(
    private readonly ctx: ModelContext,
    private readonly identities: IdentityModel,
  ) {}

  create(scope: Scope, identityName: string, policyName: string, policy: string | undefined): void {
    this.write(scope, identityName, policyName, policy, 'create');
  }

  /** SES v1 PutIdentityPolicy: create or replace (v1 has no AlreadyExists) [model]. */
  put(scope: Scope, identityName: string, policyName: string, policy: string | undefined): void {
    this.write(scope, identityName, policyName, policy, 'create-or-replace');
  }

  private write(
    scope: Scope,
    identityName: string,
    policyName: string,
    policy: string | undefined,
    mode: 'create' | 'create-or-replace',
  ): void {
    validateName(policyName);
    const document = validateDocument(policy);
    const store = this.ctx.store;
    store.transaction(() => {
      const identity = this.identities.require(scope, identityName);
      const existing = store.policies.all(scope, identity.name);
      if (policyName in existing) {
        if (mode === 'create') {
          throw new AlreadyExistsException(`Policy ${policyName} already exists for ${identity.name}.`);
        }
      } else if (Object.keys(existing).length >= LIMITS.policiesPerIdentity) {
        throw new LimitExceededException(
          `Number of policies for ${identity.name} exceeds max allowed number of policies per resource (${LIMITS.policiesPerIdentity}).`,
        );
      }
      store.policies.put(scope, identity.name, policyName, document);
    });
  }

  all(scope: Scope, identityName: string): Record<string, string> {
    const identity = this.identities.require(scope, identityName);
    return this.ctx.store.policies.all(scope, identity.name);
  }

  update(scope: Scope, identityName: string, policyName: string, policy: string | undefined): void {
    validateName(policyName);
    const document = validateDocument(policy);
    const store = this.ctx.store;
    store.transaction(() => {
      const identity = this.identities.require(scope, identityName);
      if (!(policyName in store.policies.all(scope, identity.name))) throw policyNotFound(policyName);
      store.policies.put(scope, identity.name, policyName, document);
    });
  }

  delete(scope: Scope, identityName: string, policyName: string): void {
    if (!this.remove(scope, identityName, policyName)) throw policyNotFound(policyName);
  }

  /** Removes a policy if it is there (SES v1 DeleteIdentityPolicy succeeds either way [model]). */
  remove(scope: Scope, identityName: string, policyName: string): boolean {
    validateName(policyName);
    const store = this.ctx.store;
    return store.transaction(() => {
      const identity = this.identities.require(scope, identityName);
      return store.policies.delete(scope, identity.name, policyName);
    });
  }
}

function policyNotFound(name: string): NotFoundException {
  return new NotFoundException(`Policy ${name} does not exist.`);
}
