import type { EmulatorCore } from '../../core.js';
import type { DnsView } from '../../dns/dns-view.js';
import type { ZoneRecordSource } from '../../dns/zone-answers.js';
import { InternalFailure } from '../../protocol/core-errors.js';
import { restXmlProtocol } from '../../protocol/rest-xml.js';
import { Route53Repo } from '../../store/route53-repo.js';
import type { ServiceModule } from '../service.js';
import { InvalidAction, PriorRequestNotComplete, Throttling } from './errors.js';
import { type ChangeInfo, type HostedZone, Route53Model, type Route53Rules } from './model.js';
import { route53Router } from './routes.js';
import { ROUTE53_NAMESPACE } from './wire.js';

/** A record set for `upsertRecords` (seed/demo code); `values` as Route 53 stores them (TXT quoted). */
export interface SeedRecord {
  name: string;
  type: string;
  /** Default 300. */
  ttl?: number;
  values: string[];
}

export interface Route53Service {
  module: ServiceModule;
  /** Public DNS as the verification engine sees it: the account's public hosted zones. */
  dnsView: DnsView;
  /**
   * Creates a public hosted zone (SOA + NS included) exactly as CreateHostedZone would, with a generated
   * CallerReference; emits `dns-changed`. Throws the same AwsErrors as the API (e.g. InvalidDomainName).
   */
  createHostedZone(accountId: string, name: string, options?: { comment?: string }): HostedZone;
  /** One UPSERT change batch through the same rules as ChangeResourceRecordSets; emits `dns-changed`. */
  upsertRecords(accountId: string, zoneId: string, records: SeedRecord[]): ChangeInfo;
  /** Empties all Route 53 state (for `POST /_emulator/reset`). */
  reset(): void;
  /** The account's public zones for the DNS server. */
  zoneRecordSource(accountId: string): ZoneRecordSource;
}

export function createRoute53Service(core: EmulatorCore, rules: Route53Rules = {}): Route53Service {
  const repo = new Route53Repo(core.db);
  const model = new Route53Model(repo, core.clock, core.events, rules);
  let seedCounter = 0;
  return {
    module: {
      name: 'route53',
      signingNames: ['route53'],
      recognition: { kind: 'path-prefix', prefix: '/2013-04-01' },
      protocol: restXmlProtocol(ROUTE53_NAMESPACE),
      operations: route53Router(model, () => core.config.publicUrl),
      unknownOperation: (req) => new InvalidAction(req.method, req.rawPath),
      faults: {
        throttle: () => new Throttling(),
        serverError: () => new PriorRequestNotComplete(),
        lostAnswer: () => new InternalFailure(),
      },
    },
    dnsView: model.dnsView,
    createHostedZone: (accountId, name, options = {}) =>
      model.createHostedZone(accountId, {
        name,
        callerReference: `emulator-seed-${core.clock.nowMs()}-${++seedCounter}`,
        ...(options.comment !== undefined && { comment: options.comment }),
      }).zone,
    upsertRecords: (accountId, zoneId, records) =>
      model.changeResourceRecordSets(accountId, zoneId, {
        changes: records.map((r) => ({
          action: 'UPSERT',
          recordSet: { name: r.name, type: r.type, ttl: r.ttl ?? 300, values: r.values },
        })),
      }),
    reset: () => repo.reset(),
    zoneRecordSource: (accountId) => model.zoneRecordSource(accountId),
  };
}
