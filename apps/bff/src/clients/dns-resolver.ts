import { Resolver } from 'node:dns/promises';

export interface DnsResolverOptions {
  /** `host[:port]` of each server; empty = the host's own resolvers (`/etc/resolv.conf`). */
  servers: string[];
  /** Per-query timeout. */
  timeoutMs: number;
  /** Attempts per server before giving up. */
  tries?: number;
}

/** The answer to one question: records, no record (NXDOMAIN/NODATA), or no answer at all. */
export type DnsAnswer<T> =
  | { kind: 'records'; records: T[] }
  | { kind: 'none' }
  | { kind: 'error'; code: string; message: string };

export interface DnsResolver {
  /** What the diagnostics report as the servers asked. */
  servers: string[];
  cname(name: string): Promise<DnsAnswer<string>>;
  /** Each record's character-strings joined, as receivers read them. */
  txt(name: string): Promise<DnsAnswer<string>>;
  mx(name: string): Promise<DnsAnswer<{ priority: number; exchange: string }>>;
}

/** c-ares codes meaning "the name has no record of this type", as opposed to "no answer". */
const NO_RECORD = new Set(['ENODATA', 'ENOTFOUND']);

const ERROR_TEXT: Record<string, string> = {
  ETIMEOUT: 'the DNS server did not answer in time',
  ESERVFAIL: 'the DNS server answered SERVFAIL',
  EREFUSED: 'the DNS server refused the query',
  ECONNREFUSED: 'the DNS server could not be reached (connection refused)',
  EBADRESP: 'the DNS server sent a malformed answer',
  // c-ares refuses the name before asking anyone: a record name over 253 characters, or a label over
  // 63 (a long domain's DKIM names, `<token>._domainkey.<domain>`, can be).
  EBADNAME: 'the name is too long for DNS to look up (over 253 characters, or a label over 63)',
};

async function ask<T>(query: () => Promise<T[]>): Promise<DnsAnswer<T>> {
  try {
    return { kind: 'records', records: await query() };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && NO_RECORD.has(code)) return { kind: 'none' };
    const known = typeof code === 'string' ? code : 'EUNKNOWN';
    // The message says what happened; the code travels beside it (the diagnostics add it once).
    return { kind: 'error', code: known, message: ERROR_TEXT[known] ?? 'the DNS lookup failed' };
  }
}

/** Throws when a server is not `host[:port]` (IPv4, or `[IPv6]:port`); used to check `DNS_SERVERS` at start-up. */
export function checkDnsServers(servers: string[]): void {
  new Resolver().setServers(servers);
}

/** Real DNS over the network through Node's c-ares resolver (UDP, TCP on truncation). */
export function createDnsResolver(options: DnsResolverOptions): DnsResolver {
  const resolver = new Resolver({ timeout: options.timeoutMs, tries: options.tries ?? 2 });
  if (options.servers.length > 0) resolver.setServers(options.servers);
  return {
    servers: options.servers.length > 0 ? options.servers : ['system'],
    cname: (name) => ask(() => resolver.resolveCname(name)),
    txt: (name) => ask(async () => (await resolver.resolveTxt(name)).map((chunks) => chunks.join(''))),
    mx: (name) => ask(() => resolver.resolveMx(name)),
  };
}
