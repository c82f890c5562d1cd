import { randomBytes } from 'node:crypto';
import type { IdentityRecord, Scope } from '../../../store/ses-records.js';
import { newTrack } from '../verification/transitions.js';
import type { ModelContext } from './context.js';
import { BadRequestException } from './errors.js';
import { easyDkim, type IdentityModel } from './identities.js';
import { isValidDomain, isValidEmailAddress, parseIdentityName } from './names.js';
import { sendVerificationEmail } from './verification-email.js';

/** A VerificationToken shaped like SES's: 44 base64 characters [model example]. */
function newVerificationToken(): string {
  return randomBytes(33).toString('base64');
}

/**
 * An address as SES v1's Verify* and identity operations read it, with SES's messages for the usual
 * mistakes [obs: cloud-custodian#885, boto/boto#351, brave/accounts#35].
 */
export function parseAddress(raw: string): string {
  const at = raw.lastIndexOf('@');
  if (at === -1) throw new BadRequestException("Missing final '@domain'");
  if (at === 0) throw new BadRequestException('Missing local name');
  const domain = raw.slice(at + 1);
  if (domain === '') throw new BadRequestException('Missing domain');
  if (/[\s\p{Cc}]/u.test(domain)) throw new BadRequestException('Domain contains control or whitespace');
  if (!isValidDomain(domain.replace(/\.$/, ''))) {
    throw new BadRequestException('Domain contains illegal character');
  }
  if (!isValidEmailAddress(raw)) {
    throw new BadRequestException(`Invalid email address ${raw}: it must look like local-part@domain.tld.`);
  }
  return parseIdentityName(raw).name;
}

/** A domain as SES v1's VerifyDomainIdentity / VerifyDomainDkim read it (stored lowercase). */
export function parseDomain(raw: string): string {
  if (raw.includes('@')) {
    throw new BadRequestException(
      `Invalid domain name ${raw}: a domain identity has no '@' (verify addresses with VerifyEmailIdentity).`,
    );
  }
  return parseIdentityName(raw).name;
}

/**
 * SES v1's requests to verify an identity (VerifyEmailIdentity / VerifyEmailAddress,
 * VerifyDomainIdentity, VerifyDomainDkim): each adds the identity when it is new and is idempotent
 * otherwise, returning the same token(s) [model; obs: floci]. The identity is the one SES v2 sees.
 *
 * Asking again after a verification FAILED starts a new search (a new 72-h window, or a new link for an
 * address): SES v2 has no call for that, but v1's Verify* is how its users retry [inf].
 */
export class VerifyRequestModel {
  constructor(
    private readonly ctx: ModelContext,
    private readonly identities: IdentityModel,
  ) {}

  /** Adds the address, or re-sends its verification email while it is not verified. */
  verifyEmail(scope: Scope, raw: string): void {
    const name = parseAddress(raw);
    const store = this.ctx.store;
    store.transaction(() => {
      const existing = store.identities.get(scope, name);
      if (!existing) {
        this.identities.create(scope, { emailIdentity: name });
        return;
      }
      if (existing.verification.status === 'SUCCESS') return;
      const saved = this.identities.save(
        { ...existing, verification: newTrack('start', this.ctx.now()) },
        false,
      );
      if (saved.verification.status === 'PENDING') sendVerificationEmail(this.ctx, scope, name);
    });
  }

  /**
   * Adds the domain (without DKIM: that is VerifyDomainDkim's) or hands a token to one that has none
   * (e.g. created through SES v2); returns the token for its `_amazonses` TXT record.
   */
  verifyDomain(scope: Scope, raw: string): string {
    const name = parseDomain(raw);
    const store = this.ctx.store;
    return store.transaction(() => {
      const existing = store.identities.get(scope, name);
      if (!existing) {
        const verificationToken = newVerificationToken();
        this.identities.create(scope, { emailIdentity: name }, { withoutDkim: true, verificationToken });
        return verificationToken;
      }
      const failed = existing.verification.status === 'FAILED';
      if (existing.verificationToken && !failed) return existing.verificationToken;
      const verificationToken = existing.verificationToken ?? newVerificationToken();
      const next: IdentityRecord = { ...existing, verificationToken };
      if (failed) next.verification = newTrack('start', this.ctx.now());
      this.identities.save(next, false);
      return verificationToken;
    });
  }

  /** Adds the domain with Easy DKIM, or sets up Easy DKIM on one without; returns the three tokens. */
  verifyDomainDkim(scope: Scope, raw: string): string[] {
    const name = parseDomain(raw);
    const store = this.ctx.store;
    return store.transaction(() => {
      const existing = store.identities.get(scope, name);
      if (!existing) return this.identities.create(scope, { emailIdentity: name }).dkim?.tokens ?? [];
      const now = this.ctx.now();
      const dkim = existing.dkim;
      if (dkim?.origin === 'EXTERNAL') {
        throw new BadRequestException(
          `Domain ${name} signs with its own DKIM key (BYODKIM); it has no Easy DKIM tokens.`,
        );
      }
      if (dkim && dkim.track.status !== 'FAILED' && existing.verification.status !== 'FAILED') {
        return dkim.tokens;
      }
      const next: IdentityRecord = {
        ...existing,
        dkim: !dkim
          ? easyDkim('RSA_2048_BIT', now)
          : dkim.track.status === 'FAILED'
            ? { ...dkim, track: newTrack('start', now) }
            : dkim,
      };
      if (existing.verification.status === 'FAILED') next.verification = newTrack('start', now);
      return this.identities.save(next, false).dkim?.tokens ?? [];
    });
  }
}
