import { Resolver } from 'node:dns/promises';
import { mapWithConcurrency } from '@ses-console/contract/concurrency';
import type { DnsRecordSet, DnsView } from './dns-view.js';

/**
 * Public DNS as a real resolver answers it (`EMULATOR_VERIFICATION_DNS=resolver`): a checker (SES's
 * verification engine) asks the DNS servers (by default the emulator's own DNS server) instead of
 * reading the Route 53 store. DNS is asynchronous and a check pass is one synchronous transaction, so
 * the records a pass needs are resolved first (`prefetch`) and the pass reads the answers from this cache.
 */
export interface DnsQuestion {
  name: string;
  type: string;
}

type Answer =
  | { kind: 'records'; set: DnsRecordSet }
  | { kind: 'nodata' }
  | { kind: 'nxdomain' }
  | { kind: 'error' };

const CONCURRENCY = 16;

function key(name: string, type: string): string {
  return `${name.toLowerCase().replace(/\.$/, '')}|${type.toUpperCase()}`;
}

/** Route 53 presentation form, so the engine's comparisons work the same on both views. */
async function query(resolver: Resolver, name: string, type: string): Promise<string[]> {
  switch (type) {
    case 'CNAME':
      return resolver.resolveCname(name);
    case 'MX':
      return (await resolver.resolveMx(name)).map((mx) => `${mx.priority} ${mx.exchange}`);
    case 'TXT':
      return (await resolver.resolveTxt(name)).map((strings) =>
        strings.map((s) => `"${s.replace(/"/g, '\\"')}"`).join(' '),
      );
    default:
      throw new Error(`resolver view does not query ${type}`);
  }
}

export class ResolverDnsView implements DnsView {
  private readonly cache = new Map<string, Answer>();
  private readonly resolver: Resolver;

  constructor(servers: string[], timeoutMs = 2000) {
    this.resolver = new Resolver({ timeout: timeoutMs, tries: 2 });
    if (servers.length > 0) this.setServers(servers);
  }

  /** `host` or `host:port` entries (IPv4, or `[IPv6]:port`). */
  setServers(servers: string[]): void {
    this.resolver.setServers(servers);
  }

  /** Resolves every question (each name and type once), replacing older answers. */
  async prefetch(questions: Iterable<DnsQuestion>): Promise<void> {
    const wanted = new Map<string, DnsQuestion>();
    for (const question of questions) wanted.set(key(question.name, question.type), question);
    await mapWithConcurrency([...wanted.values()], CONCURRENCY, async ({ name, type }) => {
      this.cache.set(key(name, type), await this.resolve(name, type));
    });
  }

  private async resolve(name: string, type: string): Promise<Answer> {
    try {
      const values = await query(this.resolver, name, type);
      return values.length > 0 ? { kind: 'records', set: { ttl: 0, values } } : { kind: 'nodata' };
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'ENOTFOUND') return { kind: 'nxdomain' };
      if (code === 'ENODATA') return { kind: 'nodata' };
      return { kind: 'error' };
    }
  }

  lookup(_accountId: string, name: string, type: string): DnsRecordSet | undefined {
    const answer = this.cache.get(key(name, type));
    return answer?.kind === 'records' ? answer.set : undefined;
  }

  nameExists(_accountId: string, name: string): boolean {
    for (const [k, answer] of this.cache) {
      if (
        k.startsWith(`${name.toLowerCase().replace(/\.$/, '')}|`) &&
        (answer.kind === 'records' || answer.kind === 'nodata')
      ) {
        return true;
      }
    }
    return false;
  }
}
