import type { BehaviorOnMxFailure, DkimSigningKeyLength, VerificationStatus } from '@aws-sdk/client-sesv2';
import type { IdentityFilter, IdentitySummary } from '../../../store/ses-identity-repo.js';
import type { DkimState, IdentityRecord, Scope, TagRecord } from '../../../store/ses-records.js';
import { KEY_LENGTH_CHANGE_INTERVAL_MS } from '../verification/dkim-key-rotation.js';
import { evaluateIdentity } from '../verification/evaluate.js';
import { applyTransition, newTrack } from '../verification/transitions.js';
import { LIMITS, type ModelContext } from './context.js';
import { easyDkimTokens, parseKeyLength, validateByodkim } from './dkim-keys.js';
import {
  isReplica,
  linkedReplicas,
  parseReplicaRequest,
  propagateKey,
  replicaChangeRefused,
  replicaDkim,
  replicaRegions,
  replicaVerification,
} from './dkim-replicas.js';
import {
  AlreadyExistsException,
  BadRequestException,
  ConfigurationSetNotFound,
  LimitExceededException,
  missingField,
  NotFoundException,
  validationError,
} from './errors.js';
import { domainOfAddress, identityKey, isValidDomain, parseIdentityName } from './names.js';
import { nextToken, pageRequest } from './pagination.js';
import { parseTags, resourceArn, type TagInput } from './resources.js';
import { sendVerificationEmail } from './verification-email.js';

const VERIFICATION_STATUSES: readonly VerificationStatus[] = [
  'PENDING',
  'SUCCESS',
  'FAILED',
  'TEMPORARY_FAILURE',
  'NOT_STARTED',
];
const IDENTITY_TYPES = ['EMAIL_ADDRESS', 'DOMAIN', 'MANAGED_DOMAIN'];
const BEHAVIORS: readonly BehaviorOnMxFailure[] = ['USE_DEFAULT_VALUE', 'REJECT_MESSAGE'];

export interface CreateIdentityInput {
  emailIdentity?: string;
  tags?: TagInput[];
  dkimSigningAttributes?: {
    DomainSigningSelector?: string;
    DomainSigningPrivateKey?: string;
    NextSigningKeyLength?: string;
    DomainSigningAttributesOrigin?: string;
  };
  configurationSetName?: string;
}

/** An identity as GetEmailIdentity shows it. */
export interface IdentityView {
  identity: IdentityRecord;
  /** The DKIM to report: the identity's own, or for an address its registered parent domain's. */
  dkim?: DkimState;
  policies: Record<string, string>;
  tags: TagRecord[];
  /** The SOA of the public hosted zone the domain lives in, once it has been checked. */
  soa?: { PrimaryNameServer: string; AdminEmail: string; SerialNumber: number };
  /**
   * Whether the view was read from the store alone (no real DNS resolver was asked for the SOA), so
   * that it stays right until the store changes (`StoreReadCache`).
   */
  fromStoreOnly: boolean;
}

export function notFound(name: string): NotFoundException {
  return new NotFoundException(`Email identity ${name} does not exist.`);
}

function alreadyExists(name: string): AlreadyExistsException {
  return new AlreadyExistsException(`Email identity ${name} already exist.`);
}

export function configurationSetNotFound(name: string): ConfigurationSetNotFound {
  return new ConfigurationSetNotFound(`Configuration set <${name}> does not exist.`);
}

/** Rules and state changes of email identities (CreateEmailIdentity … PutEmailIdentity*). */
export class IdentityModel {
  constructor(private readonly ctx: ModelContext) {}

  private get store() {
    return this.ctx.store;
  }

  /** Loads an identity by the name a client gives (domains ignore case) or throws NotFound. */
  require(scope: Scope, rawName: string): IdentityRecord {
    const identity = this.store.identities.get(scope, identityKey(rawName));
    if (!identity) throw notFound(rawName);
    return identity;
  }

  /**
   * Persists an identity after running a verification pass on it (records may already be in DNS).
   * Call inside a store transaction. A new identity whose name the Region already has is refused
   * (AlreadyExists) by the insert itself, which rolls back with the transaction.
   */
  save(identity: IdentityRecord, isNew: boolean): IdentityRecord {
    const evaluated = evaluateIdentity(identity, this.ctx.dns, this.ctx.mode(), this.ctx.now());
    if (isNew) {
      if (!this.store.identities.insert(evaluated)) throw alreadyExists(identity.name);
    } else this.store.identities.update(evaluated);
    return evaluated;
  }

  /**
   * CreateEmailIdentity (and SES v1's Verify* for a new name). `options.withoutDkim`: a domain SES v1's
   * VerifyDomainIdentity creates, which has no DKIM until VerifyDomainDkim and verifies through
   * `options.verificationToken` in its `_amazonses` TXT record.
   */
  create(
    scope: Scope,
    input: CreateIdentityInput,
    options: { withoutDkim?: boolean; verificationToken?: string } = {},
  ): IdentityRecord {
    const { kind, name } = parseIdentityName(input.emailIdentity);
    const tags = parseTags(input.tags);
    const now = this.ctx.now();
    let dkim: DkimState | undefined;
    let parentRegion: string | undefined;
    if (kind === 'DOMAIN' && input.dkimSigningAttributes?.DomainSigningAttributesOrigin !== undefined) {
      parentRegion = parseReplicaRequest(input.dkimSigningAttributes, scope.region);
    } else if (kind === 'DOMAIN') {
      if (!options.withoutDkim) dkim = this.initialDkim(input.dkimSigningAttributes, now);
    } else if (input.dkimSigningAttributes) {
      throw new BadRequestException(
        `DkimSigningAttributes are only valid for domain identities, not for the email address ${name}.`,
      );
    }
    return this.store.transaction(() => {
      // Whether the name is taken is decided by the insert (the store's unique key): one lookup less
      // per create. The other refusals look it up first, so a taken name is still what they report.
      const taken = () => this.store.identities.get(scope, name) !== undefined;
      if (input.configurationSetName !== undefined) {
        if (!this.store.configurationSets.get(scope, input.configurationSetName)) {
          if (taken()) throw alreadyExists(name);
          throw configurationSetNotFound(input.configurationSetName);
        }
      }
      if (this.store.identities.count(scope) >= LIMITS.identitiesPerRegion) {
        if (taken()) throw alreadyExists(name);
        throw new LimitExceededException(
          `Maximum number of identities (${LIMITS.identitiesPerRegion}) reached in region ${scope.region}.`,
        );
      }
      if (parentRegion !== undefined) dkim = replicaDkim(this.store, scope, name, parentRegion, now);
      const identity: IdentityRecord = {
        ...scope,
        name,
        type: kind,
        createdAt: now,
        verification:
          dkim?.parentRegion !== undefined ? replicaVerification(dkim, now) : newTrack('start', now),
        dkim,
        mailFrom: { behaviorOnMxFailure: 'USE_DEFAULT_VALUE' },
        feedbackForwarding: true,
        configurationSetName: input.configurationSetName,
        ...(kind === 'DOMAIN' && options.verificationToken
          ? { verificationToken: options.verificationToken }
          : {}),
      };
      const saved = this.save(identity, true);
      this.store.tags.put(resourceArn(scope, 'identity', name), tags);
      if (kind === 'EMAIL_ADDRESS' && saved.verification.status === 'PENDING') {
        sendVerificationEmail(this.ctx, scope, name);
      }
      return saved;
    });
  }

  private initialDkim(attrs: CreateIdentityInput['dkimSigningAttributes'], now: number): DkimState {
    const prefix = 'dkimSigningAttributes';
    if (attrs?.DomainSigningSelector !== undefined || attrs?.DomainSigningPrivateKey !== undefined) {
      if (attrs.NextSigningKeyLength !== undefined) {
        throw new BadRequestException(
          'The input you provided is invalid. NextSigningKeyLength cannot be combined with DomainSigningSelector/DomainSigningPrivateKey (BYODKIM).',
        );
      }
      validateByodkim(attrs.DomainSigningSelector, attrs.DomainSigningPrivateKey, prefix);
      return byodkim(attrs.DomainSigningSelector as string, attrs.DomainSigningPrivateKey as string, now);
    }
    const length =
      parseKeyLength(attrs?.NextSigningKeyLength, `${prefix}.nextSigningKeyLength`) ?? 'RSA_2048_BIT';
    return easyDkim(length, now);
  }

  /** The view of an identity, or undefined when there is none (SES v1's Get*Attributes leave those out). */
  find(scope: Scope, rawName: string): IdentityView | undefined {
    if (!this.store.identities.get(scope, identityKey(rawName))) return undefined;
    return this.view(scope, rawName);
  }

  view(scope: Scope, rawName: string): IdentityView {
    const identity = this.require(scope, rawName);
    let dkim = identity.dkim;
    if (identity.type === 'EMAIL_ADDRESS') {
      dkim = this.store.identities.get(scope, domainOfAddress(identity.name))?.dkim;
    }
    const asksDns = identity.type === 'DOMAIN' && identity.verification.lastCheckedAt !== undefined;
    const soa = asksDns ? this.soaOf(identity) : undefined;
    return {
      identity,
      dkim,
      soa,
      fromStoreOnly: !asksDns || this.ctx.dns.answersFromStore === true,
      policies: this.store.policies.all(scope, identity.name),
      tags: this.store.tags.list(resourceArn(scope, 'identity', identity.name)),
    };
  }

  /** The SOA record of the closest enclosing zone in the emulated public DNS (Route 53). */
  private soaOf(identity: IdentityRecord): IdentityView['soa'] {
    const labels = identity.name.split('.');
    for (let i = 0; i < labels.length - 1; i++) {
      const set = this.ctx.dns.lookup(identity.accountId, labels.slice(i).join('.'), 'SOA');
      const fields = set?.values[0]?.trim().split(/\s+/);
      if (fields && fields.length >= 3) {
        return {
          PrimaryNameServer: (fields[0] as string).replace(/\.$/, ''),
          AdminEmail: (fields[1] as string).replace(/\.$/, ''),
          SerialNumber: Number(fields[2]),
        };
      }
    }
    return undefined;
  }

  list(
    scope: Scope,
    input: { filter?: Record<string, unknown>; pageSize?: number; nextToken?: string },
  ): { items: IdentitySummary[]; nextToken?: string } {
    const page = pageRequest('identities', input.pageSize, input.nextToken);
    const filter: IdentityFilter = {};
    for (const [key, value] of Object.entries(input.filter ?? {})) {
      if (typeof value !== 'string') {
        throw validationError(`filter.${key}`, 'Member must be a string', value);
      }
      if (key === 'IDENTITY_NAME_CONTAINS') filter.nameContains = value;
      else if (key === 'IDENTITY_TYPE') {
        if (!IDENTITY_TYPES.includes(value)) {
          throw validationError(
            'filter.IDENTITY_TYPE',
            `Member must satisfy enum value set: [${IDENTITY_TYPES.join(', ')}]`,
            value,
          );
        }
        filter.type = value;
      } else if (key === 'VERIFICATION_STATUS') {
        if (!(VERIFICATION_STATUSES as readonly string[]).includes(value)) {
          throw validationError(
            'filter.VERIFICATION_STATUS',
            `Member must satisfy enum value set: [${VERIFICATION_STATUSES.join(', ')}]`,
            value,
          );
        }
        filter.verificationStatus = value;
      } else {
        throw validationError(
          'filter',
          'Map keys must satisfy enum value set: [IDENTITY_NAME_CONTAINS, IDENTITY_TYPE, VERIFICATION_STATUS]',
          key,
        );
      }
    }
    const result = this.store.identities.list(scope, filter, page);
    return { items: result.items, nextToken: nextToken('identities', result.lastSeq) };
  }

  /**
   * Deletes an identity. A Deterministic Easy DKIM parent cannot go while replicas use its key [doc]; SES
   * documents no error for it, so the emulator answers with the one DeleteEmailIdentity declares for a
   * request that cannot be done as asked, BadRequestException (400), naming the replica Regions to
   * delete first [inf]. DeleteEmailIdentity declares no ConflictException, and its
   * ConcurrentModificationException is a server fault (500), not a caller's mistake.
   */
  delete(scope: Scope, rawName: string): void {
    this.store.transaction(() => {
      const identity = this.require(scope, rawName);
      const replicas = linkedReplicas(this.store, identity);
      if (replicas.length > 0) {
        throw new BadRequestException(
          `Cannot delete identity ${identity.name}: it is the parent of Deterministic Easy DKIM replicas in ${replicaRegions(replicas)}. Delete the replicas first.`,
        );
      }
      this.store.identities.delete(scope, identity.name);
      this.store.policies.deleteAll(scope, identity.name);
      this.store.tags.removeAll(resourceArn(scope, 'identity', identity.name));
      this.store.tokens.deleteForIdentity(scope, identity.name);
      this.store.notifications.delete(scope, identity.name);
    });
  }

  /**
   * PutEmailIdentityDkimAttributes: toggles signing only, never the status. On a DEED replica a change
   * is refused, like every DKIM change there (its DKIM is managed on the parent); putting the value it
   * already has is accepted as a no-op, so tools that re-apply a whole configuration keep working [inf].
   */
  putDkimSigningEnabled(scope: Scope, rawName: string, signingEnabled: boolean): void {
    this.store.transaction(() => {
      const identity = this.store.identities.get(scope, identityKey(rawName));
      if (identity && isReplica(identity) && identity.dkim?.signingEnabled !== signingEnabled) {
        throw replicaChangeRefused(identity, 'DKIM attributes (DKIM signing)');
      }
      if (identity?.type === 'DOMAIN' && identity.dkim) {
        this.store.identities.update({ ...identity, dkim: { ...identity.dkim, signingEnabled } });
        return;
      }
      // An address under a registered domain signs with the domain's DKIM: nothing to change (AWS: 200).
      if (
        identity?.type === 'EMAIL_ADDRESS' &&
        this.store.identities.get(scope, domainOfAddress(identity.name))
      ) {
        return;
      }
      // AWS answers 400 (not 404) for an unknown identity here.
      throw new BadRequestException(`Domain ${rawName} is not verified for DKIM signing.`);
    });
  }

  /**
   * PutEmailIdentityDkimSigningAttributes: switch Easy DKIM ↔ BYODKIM, which restarts DKIM
   * verification (PENDING, new tokens) [doc], or change the Easy DKIM key length, which takes effect at
   * the next key rotation and keeps the tokens and the status (`changeKeyLength`). Re-putting
   * `AWS_SES` with no length on an Easy DKIM domain changes nothing: SES v2 documents no way to
   * restart a verification that FAILED (delete and re-create the identity).
   */
  putDkimSigning(
    scope: Scope,
    rawName: string,
    origin: string | undefined,
    attrs: CreateIdentityInput['dkimSigningAttributes'],
  ): DkimState {
    if (origin === undefined) throw missingField('signingAttributesOrigin');
    if (origin !== 'AWS_SES' && origin !== 'EXTERNAL') {
      throw validationError(
        'signingAttributesOrigin',
        'Member must satisfy enum value set: [AWS_SES, EXTERNAL]',
        origin,
      );
    }
    const now = this.ctx.now();
    return this.store.transaction(() => {
      const identity = this.require(scope, rawName);
      if (identity.type !== 'DOMAIN') {
        throw new BadRequestException('The EmailIdentity value must be a valid domain.');
      }
      if (isReplica(identity)) throw replicaChangeRefused(identity, 'DKIM signing attributes');
      // A domain SES v1's VerifyDomainIdentity created has no DKIM yet: this sets it up.
      const current = identity.dkim;
      const replicas = linkedReplicas(this.store, identity);
      let dkim: DkimState;
      if (origin === 'EXTERNAL' && replicas.length > 0) {
        // The replicas would lose the key they sign with; SES documents nothing for this, and refusing
        // it matches the refusal to delete a parent with replicas [inf].
        throw new BadRequestException(
          `The input you provided is invalid. ${identity.name} is the parent of Deterministic Easy DKIM replicas in ${replicaRegions(replicas)}, which use its Easy DKIM key; it cannot switch to BYODKIM (EXTERNAL) until they are deleted.`,
        );
      }
      if (origin === 'EXTERNAL') {
        validateByodkim(attrs?.DomainSigningSelector, attrs?.DomainSigningPrivateKey, 'signingAttributes');
        dkim = byodkim(attrs?.DomainSigningSelector as string, attrs?.DomainSigningPrivateKey as string, now);
        dkim.signingEnabled = current?.signingEnabled ?? true;
      } else {
        const requested = parseKeyLength(
          attrs?.NextSigningKeyLength,
          'signingAttributes.nextSigningKeyLength',
        );
        if (!current) {
          dkim = easyDkim(requested ?? 'RSA_2048_BIT', now);
        } else if (current.origin === 'EXTERNAL') {
          dkim = { ...easyDkim(requested ?? 'RSA_2048_BIT', now), signingEnabled: current.signingEnabled };
        } else if (requested === undefined) {
          return current;
        } else {
          dkim = this.changeKeyLength(current, requested, now);
        }
      }
      const saved = this.save({ ...identity, dkim }, false);
      propagateKey(this.store, saved);
      return saved.dkim as DkimState;
    });
  }

  /**
   * A new Easy DKIM key length: it is the length of the *next* key pair, which SES generates at its
   * next rotation (`dkim-key-rotation.ts`); until then the current key, the tokens (the CNAMEs the
   * keys rotate behind) and the DKIM and identity status stay as they are. Refused when it is the
   * length already configured, or within 24 h of the last key generation or the last accepted change
   * (so while a change waits for its rotation, and for 24 h after it), except the first downgrade to
   * 1024 bit [doc; the anchor is inf].
   */
  private changeKeyLength(current: DkimState, requested: DkimSigningKeyLength, now: number): DkimState {
    if (requested === (current.nextKeyLength ?? current.currentKeyLength)) {
      throw new BadRequestException(
        `The input you provided is invalid. The signing key length is already ${requested}.`,
      );
    }
    let downgradeExemptionUsed = current.downgradeExemptionUsed ?? false;
    const generated = current.lastKeyGenerationAt ?? 0;
    const changed = current.keyLengthChangedAt ?? 0;
    const anchor = Math.max(generated, changed);
    if (now - anchor < KEY_LENGTH_CHANGE_INTERVAL_MS) {
      if (requested === 'RSA_1024_BIT' && !downgradeExemptionUsed) {
        downgradeExemptionUsed = true;
      } else {
        const since =
          changed > generated
            ? `the last change (to ${current.nextKeyLength}) was accepted at ${new Date(changed).toISOString()}`
            : `the last key was generated at ${new Date(generated).toISOString()}`;
        const allowedFrom = new Date(anchor + KEY_LENGTH_CHANGE_INTERVAL_MS).toISOString();
        throw new BadRequestException(
          `The input you provided is invalid. The signing key length can be changed once every 24 hours; ${since}, so the next change is possible from ${allowedFrom}.`,
        );
      }
    }
    return { ...current, nextKeyLength: requested, keyLengthChangedAt: now, downgradeExemptionUsed };
  }

  /** PutEmailIdentityMailFromAttributes: set (starts MX detection) or clear the custom MAIL FROM domain. */
  putMailFrom(
    scope: Scope,
    rawName: string,
    mailFromDomain: string | undefined,
    behavior: string | undefined,
  ): void {
    if (behavior !== undefined && !(BEHAVIORS as readonly string[]).includes(behavior)) {
      throw validationError(
        'behaviorOnMxFailure',
        `Member must satisfy enum value set: [${BEHAVIORS.join(', ')}]`,
        behavior,
      );
    }
    const behaviorOnMxFailure = (behavior ?? 'USE_DEFAULT_VALUE') as BehaviorOnMxFailure;
    this.store.transaction(() => {
      const identity = this.require(scope, rawName);
      if (mailFromDomain === undefined || mailFromDomain === '') {
        this.store.identities.update({ ...identity, mailFrom: { behaviorOnMxFailure } });
        return;
      }
      const domain = mailFromDomain.replace(/\.$/, '').toLowerCase();
      const parent = identity.type === 'DOMAIN' ? identity.name : domainOfAddress(identity.name);
      if (!isValidDomain(domain) || !domain.endsWith(`.${parent}`)) {
        throw new BadRequestException(
          `Invalid MAIL FROM domain ${mailFromDomain}: it must be a subdomain of ${parent} (for example bounce.${parent}).`,
        );
      }
      this.save(
        { ...identity, mailFrom: { domain, behaviorOnMxFailure, track: newTrack('start', this.ctx.now()) } },
        false,
      );
    });
  }

  /** Sets the identity's default configuration set, or removes it when no name is given. */
  putConfigurationSet(scope: Scope, rawName: string, configurationSetName: string | undefined): void {
    this.store.transaction(() => {
      const identity = this.require(scope, rawName);
      if (
        configurationSetName !== undefined &&
        !this.store.configurationSets.get(scope, configurationSetName)
      ) {
        throw configurationSetNotFound(configurationSetName);
      }
      const { configurationSetName: _old, ...rest } = identity;
      this.store.identities.update(
        configurationSetName === undefined ? rest : { ...rest, configurationSetName },
      );
    });
  }

  /** Marks an address verified (the verification link was opened). */
  markEmailVerified(scope: Scope, name: string, now: number): IdentityRecord | undefined {
    const identity = this.store.identities.get(scope, name);
    if (identity?.verification.status !== 'PENDING') return identity;
    const verified: IdentityRecord = {
      ...identity,
      verification: applyTransition(identity.verification, 'found', now),
    };
    this.store.identities.update(verified);
    return verified;
  }
}

/** A fresh Easy DKIM setup: three new tokens, signing enabled, PENDING. */
export function easyDkim(length: DkimSigningKeyLength, now: number): DkimState {
  return {
    signingEnabled: true,
    origin: 'AWS_SES',
    track: newTrack('start', now),
    tokens: easyDkimTokens(),
    nextKeyLength: length,
    currentKeyLength: length,
    lastKeyGenerationAt: now,
  };
}

function byodkim(selector: string, privateKey: string, now: number): DkimState {
  return {
    signingEnabled: true,
    origin: 'EXTERNAL',
    track: newTrack('start', now),
    tokens: [selector],
    privateKey,
    lastKeyGenerationAt: now,
  };
}
