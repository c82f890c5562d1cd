import { generateKeyPairSync } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type EmulatorCore, type VerificationMode } from '../src/core.js';
import type { DnsView } from '../src/dns/dns-view.js';
import { createSesState, type SesState } from '../src/services/ses/state.js';
import { applyTransition, newTrack } from '../src/services/ses/verification/transitions.js';

/** A stand-in for the Route 53 DnsView, so the engine can be tested before (and apart from) Route 53. */
class FakeDns implements DnsView {
  private readonly records = new Map<string, string[]>();
  constructor(private readonly core: EmulatorCore) {}
  private key(name: string, type: string) {
    return `${name.toLowerCase().replace(/\.$/, '')}|${type}`;
  }
  set(name: string, type: string, values: string[]) {
    this.records.set(this.key(name, type), values);
    this.core.events.emit('dns-changed', '000000000000');
  }
  remove(name: string, type: string) {
    this.records.delete(this.key(name, type));
    this.core.events.emit('dns-changed', '000000000000');
  }
  lookup(_account: string, name: string, type: string) {
    const values = this.records.get(this.key(name, type));
    return values ? { ttl: 300, values } : undefined;
  }
  nameExists(_account: string, name: string) {
    const prefix = `${name.toLowerCase().replace(/\.$/, '')}|`;
    return [...this.records.keys()].some((k) => k.startsWith(prefix));
  }
}

const scope = { accountId: '000000000000', region: 'us-east-1' };
const HOUR = 3600;

describe('verification engine (DNS-driven transitions, in-test DnsView)', () => {
  let core: EmulatorCore;
  let dns: FakeDns;
  let ses: SesState;

  function setup(mode: VerificationMode = 'realistic') {
    core = createCore({
      verificationMode: mode,
      defaultAccountId: scope.accountId,
      defaultRegion: scope.region,
      publicUrl: 'http://emu',
    });
    dns = new FakeDns(core);
    ses = createSesState(core, { dns });
    ses.start();
  }
  beforeEach(() => setup());
  afterEach(() => {
    ses.stop();
    core.db.close();
  });

  const get = (name: string) => ses.model.identities.view(scope, name);
  function publishDkim(domain: string) {
    for (const token of get(domain).identity.dkim?.tokens ?? []) {
      dns.set(`${token}._domainkey.${domain}`, 'CNAME', [`${token.toUpperCase()}.dkim.amazonses.com.`]);
    }
  }

  it('when all three DKIM CNAMEs appear, then the domain and its DKIM become SUCCESS at once', () => {
    ses.model.identities.create(scope, { emailIdentity: 'ok.example.com' });
    const tokens = get('ok.example.com').identity.dkim?.tokens ?? [];
    dns.set(`${tokens[0]}._domainkey.ok.example.com`, 'CNAME', [`${tokens[0]}.dkim.amazonses.com`]);
    expect(get('ok.example.com').identity.verification.status).toBe('PENDING');
    const before = core.clock.nowMs();
    publishDkim('ok.example.com');
    const { identity } = get('ok.example.com');
    expect(identity.verification.status).toBe('SUCCESS');
    expect(identity.dkim?.track.status).toBe('SUCCESS');
    expect(identity.verification.lastSuccessAt).toBeGreaterThanOrEqual(before);
    expect(identity.verification.lastSuccessAt).toBeLessThanOrEqual(core.clock.nowMs());
    expect(identity.verification.errorType).toBeUndefined();
  });

  it('when no record appears within 72 hours, then FAILED with HOST_NOT_FOUND', () => {
    ses.model.identities.create(scope, { emailIdentity: 'never.example.com' });
    core.clock.advance(71 * HOUR);
    expect(get('never.example.com').identity.verification).toMatchObject({
      status: 'PENDING',
      errorType: 'HOST_NOT_FOUND',
    });
    core.clock.advance(1 * HOUR);
    const { identity } = get('never.example.com');
    expect(identity.verification).toMatchObject({ status: 'FAILED', errorType: 'HOST_NOT_FOUND' });
    expect(identity.dkim?.track.status).toBe('FAILED');
    publishDkim('never.example.com');
    expect(get('never.example.com').identity.verification.status).toBe('FAILED');
  });

  it('when a CNAME points elsewhere, then ErrorType is INVALID_VALUE; when only a TXT is there, TYPE_NOT_FOUND', () => {
    ses.model.identities.create(scope, { emailIdentity: 'wrong.example.com' });
    const tokens = get('wrong.example.com').identity.dkim?.tokens ?? [];
    dns.set(`${tokens[0]}._domainkey.wrong.example.com`, 'CNAME', ['elsewhere.example.net']);
    expect(get('wrong.example.com').identity.verification.errorType).toBe('INVALID_VALUE');
    dns.remove(`${tokens[0]}._domainkey.wrong.example.com`, 'CNAME');
    dns.set(`${tokens[0]}._domainkey.wrong.example.com`, 'TXT', ['"hello"']);
    expect(get('wrong.example.com').identity.verification.errorType).toBe('TYPE_NOT_FOUND');
  });

  it('when a verified domain loses a record, then TEMPORARY_FAILURE, and SUCCESS again when it returns within 72 h', () => {
    ses.model.identities.create(scope, { emailIdentity: 'flaky.example.com' });
    publishDkim('flaky.example.com');
    const token = get('flaky.example.com').identity.dkim?.tokens[1];
    dns.remove(`${token}._domainkey.flaky.example.com`, 'CNAME');
    expect(get('flaky.example.com').identity.verification).toMatchObject({
      status: 'TEMPORARY_FAILURE',
      errorType: 'HOST_NOT_FOUND',
    });
    expect(get('flaky.example.com').identity.dkim?.track.status).toBe('TEMPORARY_FAILURE');
    core.clock.advance(71 * HOUR);
    publishDkim('flaky.example.com');
    expect(get('flaky.example.com').identity.verification.status).toBe('SUCCESS');
  });

  it('when a lost record stays away for 72 h, then FAILED', () => {
    ses.model.identities.create(scope, { emailIdentity: 'lost.example.com' });
    publishDkim('lost.example.com');
    const token = get('lost.example.com').identity.dkim?.tokens[2];
    dns.remove(`${token}._domainkey.lost.example.com`, 'CNAME');
    core.clock.advance(72 * HOUR);
    expect(get('lost.example.com').identity.verification.status).toBe('FAILED');
  });

  it('when a BYODKIM selector TXT with p= is published, then the domain verifies', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const key = privateKey.export({ format: 'der', type: 'pkcs1' }).toString('base64');
    ses.model.identities.create(scope, {
      emailIdentity: 'byo.example.com',
      dkimSigningAttributes: { DomainSigningSelector: 'sel1', DomainSigningPrivateKey: key },
    });
    dns.set('sel1._domainkey.byo.example.com', 'TXT', [
      '"v=DKIM1; k=rsa; " "p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQ"',
    ]);
    expect(get('byo.example.com').identity.dkim).toMatchObject({
      origin: 'EXTERNAL',
      tokens: ['sel1'],
      track: { status: 'SUCCESS' },
    });
  });

  it('when the MAIL FROM MX appears, then MAIL FROM is SUCCESS; a second MX makes it fail over to TEMPORARY_FAILURE', () => {
    ses.model.identities.create(scope, { emailIdentity: 'mf.example.com' });
    ses.model.identities.putMailFrom(scope, 'mf.example.com', 'bounce.mf.example.com', 'REJECT_MESSAGE');
    expect(get('mf.example.com').identity.mailFrom.track?.status).toBe('PENDING');
    dns.set('bounce.mf.example.com', 'MX', ['10 feedback-smtp.us-east-1.amazonses.com']);
    expect(get('mf.example.com').identity.mailFrom.track?.status).toBe('SUCCESS');
    dns.set('bounce.mf.example.com', 'MX', [
      '10 feedback-smtp.us-east-1.amazonses.com',
      '20 other.example.com',
    ]);
    expect(get('mf.example.com').identity.mailFrom.track).toMatchObject({
      status: 'TEMPORARY_FAILURE',
      errorType: 'INVALID_VALUE',
    });
  });

  it('when the MAIL FROM MX never appears, then MAIL FROM is FAILED after 72 h', () => {
    ses.model.identities.create(scope, { emailIdentity: 'mf2.example.com' });
    ses.model.identities.putMailFrom(scope, 'mf2.example.com', 'mail.mf2.example.com', undefined);
    core.clock.advance(72 * HOUR);
    expect(get('mf2.example.com').identity.mailFrom.track?.status).toBe('FAILED');
  });

  it('when verification is auto, then domains, DKIM and MAIL FROM succeed at once', () => {
    ses.stop();
    core.db.close();
    setup('auto');
    const created = ses.model.identities.create(scope, { emailIdentity: 'auto.example.com' });
    expect(created.verification.status).toBe('SUCCESS');
    expect(created.dkim?.track.status).toBe('SUCCESS');
    ses.model.identities.putMailFrom(scope, 'auto.example.com', 'm.auto.example.com', undefined);
    expect(get('auto.example.com').identity.mailFrom.track?.status).toBe('SUCCESS');
    expect(
      ses.model.identities.create(scope, { emailIdentity: 'a@auto.example.com' }).verification.status,
    ).toBe('SUCCESS');
  });
});

describe('declared transitions', () => {
  it('when an undeclared transition is asked for, then it throws', () => {
    expect(() => applyTransition(newTrack('start', 0), 'lost', 1)).toThrow(
      /undeclared transition: lost from PENDING/,
    );
    expect(() => applyTransition({ status: 'FAILED' }, 'found', 1)).toThrow(/undeclared/);
  });
});
