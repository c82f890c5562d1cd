import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { dnsServersFor } from '../src/server.js';

describe('DNS_SERVERS (resolvers of the DNS diagnostics)', () => {
  it('when unset in emulator mode, then diagnostics ask the embedded emulator DNS server', () => {
    expect(dnsServersFor(loadConfig({}, '/x'), 11053)).toEqual(['127.0.0.1:11053']);
  });

  it('when unset in aws mode, then the host resolvers are used (empty list)', () => {
    expect(dnsServersFor(loadConfig({ SES_BACKEND: 'aws' }, '/x'), undefined)).toEqual([]);
  });

  it('when set, then its host[:port] list wins in both modes', () => {
    const config = loadConfig({ DNS_SERVERS: '10.0.0.2, 127.0.0.1:5353,[::1]:53' }, '/x');
    expect(dnsServersFor(config, 11053)).toEqual(['10.0.0.2', '127.0.0.1:5353', '[::1]:53']);
  });

  it('when a server is not an IP address, then start-up fails naming DNS_SERVERS', () => {
    expect(() => loadConfig({ DNS_SERVERS: 'dns.example.com' }, '/x')).toThrow(/DNS_SERVERS must be/);
  });
});
