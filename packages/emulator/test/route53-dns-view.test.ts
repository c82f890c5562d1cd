import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type EmulatorCore } from '../src/core.js';
import { InvalidChangeBatch } from '../src/services/route53/errors.js';
import { CHANGE_PROPAGATION_SECONDS, Route53Model } from '../src/services/route53/model.js';
import { createRoute53Service, type Route53Service } from '../src/services/route53/service.js';
import { Route53Repo } from '../src/store/route53-repo.js';

const ACCOUNT = '123456789012';
const dkim = (domain: string, target: string) =>
  ['tok', 'tok2', 'tok3'].map((t) => ({
    name: `${t}._domainkey.${domain}`,
    type: 'CNAME',
    ttl: 1800,
    values: [`${t}.${target}.dkim.amazonses.com`],
  }));

describe('Route 53 DNS view and seeding API (model level)', () => {
  let core: EmulatorCore;
  let route53: Route53Service;
  let model: Route53Model;
  let dnsChanged: string[];

  beforeEach(() => {
    core = createCore({
      verificationMode: 'realistic',
      defaultAccountId: '000000000000',
      defaultRegion: 'us-east-1',
      publicUrl: '',
    });
    route53 = createRoute53Service(core);
    model = new Route53Model(new Route53Repo(core.db), core.clock, core.events);
    dnsChanged = [];
    core.events.on('dns-changed', (accountId) => dnsChanged.push(accountId));
  });
  afterEach(() => core.db.close());

  it('when DKIM CNAMEs exist in example.com and shop.example.com, then lookup answers from the longest-suffix zone', () => {
    const parent = route53.createHostedZone(ACCOUNT, 'example.com');
    const child = route53.createHostedZone(ACCOUNT, 'shop.example.com');
    route53.upsertRecords(ACCOUNT, parent.id, dkim('mail.shop.example.com', 'parent'));
    route53.upsertRecords(ACCOUNT, child.id, dkim('mail.shop.example.com', 'child'));

    expect(route53.dnsView.lookup(ACCOUNT, 'TOK._domainkey.mail.shop.example.com', 'CNAME')).toEqual({
      ttl: 1800,
      values: ['tok.child.dkim.amazonses.com'],
    });
    expect(route53.dnsView.lookup(ACCOUNT, 'tok._domainkey.mail.shop.example.com.', 'TXT')).toBeUndefined();
    expect(route53.dnsView.nameExists(ACCOUNT, 'tok._domainkey.mail.shop.example.com')).toBe(true);
    expect(route53.dnsView.nameExists(ACCOUNT, 'nothing.shop.example.com')).toBe(false);
  });

  it('when a name is only in a private zone, then lookup ignores it', () => {
    const { zone } = model.createHostedZone(ACCOUNT, {
      name: 'corp.example.com',
      callerReference: 'private-1',
      vpc: { vpcId: 'vpc-1', vpcRegion: 'us-east-1' },
    });
    model.changeResourceRecordSets(ACCOUNT, zone.id, {
      changes: [
        {
          action: 'UPSERT',
          recordSet: { name: '_amazonses.corp.example.com', type: 'TXT', ttl: 60, values: ['"x"'] },
        },
      ],
    });
    expect(route53.dnsView.lookup(ACCOUNT, '_amazonses.corp.example.com', 'TXT')).toBeUndefined();
    expect(route53.dnsView.nameExists(ACCOUNT, '_amazonses.corp.example.com')).toBe(false);
  });

  it('when another account publishes a record, then lookup for this account does not see it', () => {
    const zone = route53.createHostedZone('210987654321', 'example.com');
    route53.upsertRecords('210987654321', zone.id, [
      { name: 'example.com', type: 'MX', values: ['10 in.example.com'] },
    ]);
    expect(route53.dnsView.lookup('210987654321', 'example.com', 'MX')?.values).toEqual([
      '10 in.example.com',
    ]);
    expect(route53.dnsView.lookup(ACCOUNT, 'example.com', 'MX')).toBeUndefined();
  });

  it('when batches succeed or are rejected, then dns-changed is emitted once per success and never for a rejection', () => {
    const zone = route53.createHostedZone(ACCOUNT, 'events.example.com');
    expect(dnsChanged).toEqual([ACCOUNT]);
    route53.upsertRecords(ACCOUNT, zone.id, dkim('events.example.com', 'e'));
    expect(dnsChanged).toEqual([ACCOUNT, ACCOUNT]);
    expect(() =>
      route53.upsertRecords(ACCOUNT, zone.id, [
        { name: 'bad.events.example.com', type: 'TXT', values: ['unquoted'] },
      ]),
    ).toThrow(InvalidChangeBatch);
    expect(dnsChanged).toHaveLength(2);
    expect(route53.dnsView.lookup(ACCOUNT, 'bad.events.example.com', 'TXT')).toBeUndefined();
  });

  it('when a zone is deleted, then dns-changed is emitted and its records no longer answer', () => {
    const zone = route53.createHostedZone(ACCOUNT, 'short-lived.example.com');
    expect(route53.dnsView.lookup(ACCOUNT, 'short-lived.example.com', 'NS')?.values).toHaveLength(4);
    model.deleteHostedZone(ACCOUNT, zone.id);
    expect(dnsChanged).toHaveLength(2);
    expect(route53.dnsView.lookup(ACCOUNT, 'short-lived.example.com', 'NS')).toBeUndefined();
  });

  it('when the clock passes SubmittedAt plus the propagation delay, then GetChange turns from PENDING to INSYNC', () => {
    const zone = route53.createHostedZone(ACCOUNT, 'clock.example.com');
    const change = route53.upsertRecords(ACCOUNT, zone.id, dkim('clock.example.com', 'c'));
    expect(model.getChange(ACCOUNT, change.id).status).toBe('PENDING');
    core.clock.advance(CHANGE_PROPAGATION_SECONDS - 1);
    expect(model.getChange(ACCOUNT, `/change/${change.id}`).status).toBe('PENDING');
    core.clock.advance(1);
    expect(model.getChange(ACCOUNT, change.id).status).toBe('INSYNC');
  });

  it('when reset is called, then every zone is gone', () => {
    route53.createHostedZone(ACCOUNT, 'reset.example.com');
    route53.reset();
    expect(model.listHostedZones(ACCOUNT, { maxItems: 100 }).items).toEqual([]);
    expect(route53.dnsView.nameExists(ACCOUNT, 'reset.example.com')).toBe(false);
  });
});
