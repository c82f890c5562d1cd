import { describe, expect, it } from 'vitest';
import { createIdentityRequestSchema } from './identities.js';
import { apiPath, apiPaths } from './routes.js';
import { sendTestEmailRequestSchema } from './sending.js';
import {
  domainNameProblem,
  domainSchema,
  isValidDomain,
  isValidEmailAddress,
  policyDocumentSchema,
  tagListSchema,
} from './validation.js';

describe('identity name rules', () => {
  it.each(['example.com', 'mail.shop.example.com', 'xn--bcher-kva.example', 'a-b.co'])(
    'when the domain is %s, then it is valid',
    (d) => expect(isValidDomain(d)).toBe(true),
  );
  it.each([
    'example',
    '-a.com',
    'a-.com',
    'exa mple.com',
    'example.com.',
    '../etc',
    'a..com',
    `${'a'.repeat(64)}.com`,
    '1.2.3.4',
  ])('when the domain is %s, then it is rejected', (d) => expect(isValidDomain(d)).toBe(false));
  it('when a domain of valid labels has 254 characters, then the message is the total-length rule', () => {
    const domain = `${Array.from({ length: 4 }, () => 'a'.repeat(62)).join('.')}.ab`; // 4 × 63 + 2 = 254
    expect(domain).toHaveLength(254);
    const result = domainSchema.safeParse(domain);
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      'A domain name has at most 253 characters; this one has 254',
    ]);
  });
  it('when a domain of 254 characters also has a 64-character label, then the total length is still named first', () => {
    const domain = `${'b'.repeat(64)}.${Array.from({ length: 3 }, () => 'a'.repeat(61)).join('.')}.com`;
    expect(domain).toHaveLength(254);
    expect(domainNameProblem(domain)).toMatch(/^A domain name has at most 253 characters/);
  });
  it.each([
    [
      `${'a'.repeat(64)}.com`,
      /^Each label \(the part between dots\) has at most 63 characters; "a{12}…" has 64$/,
    ],
    ['example.com.', /^Leave out the dot at the end$/],
    ['example', /at least two labels/],
    ['a..com', /no empty labels/],
    ['bad_domain.com', /\("bad_domain" does not\)$/],
    ['1.2.3.4', /last label .* not all digits/],
  ])('when the domain is %s, then the message names its rule', (domain, message) => {
    expect(domainNameProblem(domain)).toMatch(message);
  });
  it('when the domain is empty, then only "Enter a domain" is said', () => {
    expect(domainSchema.safeParse('').error?.issues.map((i) => i.message)).toEqual(['Enter a domain']);
  });
  it('when an address has a +label, then it is valid; without a local part it is not', () => {
    expect(isValidEmailAddress('sender+tag@example.com')).toBe(true);
    expect(isValidEmailAddress('@example.com')).toBe(false);
    expect(isValidEmailAddress('a@b')).toBe(false);
  });
});

describe('create identity request', () => {
  it('when a domain request has no DKIM settings, then signing defaults on and tags empty', () => {
    const parsed = createIdentityRequestSchema.parse({ type: 'DOMAIN', name: 'example.com' });
    expect(parsed).toMatchObject({ dkimSigningEnabled: true, publishToRoute53: false, tags: [] });
  });
  it('when the name is not a domain, then the error names the name field and the rule', () => {
    const result = createIdentityRequestSchema.safeParse({ type: 'DOMAIN', name: 'not a domain' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['name']);
    expect(result.error?.issues[0]?.message).toMatch(/valid domain/);
  });
  it('when BYODKIM has a PEM header in the key, then it is rejected naming base64', () => {
    const result = createIdentityRequestSchema.safeParse({
      type: 'DOMAIN',
      name: 'example.com',
      dkim: { origin: 'EXTERNAL', selector: 'sel1', privateKey: '-----BEGIN RSA PRIVATE KEY-----' },
    });
    expect(result.error?.issues[0]?.path).toEqual(['dkim', 'privateKey']);
    expect(result.error?.issues[0]?.message).toMatch(/base64/);
  });
});

describe('tags and policies', () => {
  it('when two tags share a key, then the list is rejected', () => {
    expect(
      tagListSchema.safeParse([
        { key: 'a', value: '1' },
        { key: 'a', value: '2' },
      ]).success,
    ).toBe(false);
  });
  it('when a tag key starts with aws:, then it is reserved', () => {
    const result = tagListSchema.safeParse([{ key: 'aws:x', value: '' }]);
    expect(result.error?.issues[0]?.message).toMatch(/reserved/);
  });
  it('when a policy is not JSON or over 4 KB, then it is rejected', () => {
    expect(policyDocumentSchema.safeParse('{').success).toBe(false);
    expect(policyDocumentSchema.safeParse(JSON.stringify({ a: 'x'.repeat(5000) })).success).toBe(false);
    expect(policyDocumentSchema.safeParse('{"Version":"2012-10-17","Statement":[]}').success).toBe(true);
  });
});

describe('send test email', () => {
  it('when the scenario is custom without a recipient, then customRecipient is named', () => {
    const result = sendTestEmailRequestSchema.safeParse({
      from: 'a@example.com',
      scenario: 'custom',
      subject: 's',
    });
    expect(result.error?.issues[0]?.path).toEqual(['customRecipient']);
  });
});

describe('api paths', () => {
  it('when an identity has @ and +, then the path encodes them', () => {
    expect(apiPath(apiPaths.identity, { region: 'us-east-1', identity: 'a+b@example.com' })).toBe(
      '/api/regions/us-east-1/identities/a%2Bb%40example.com',
    );
  });
});
