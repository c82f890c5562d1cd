import type { EmulatorCore } from '../../core.js';
import type { DnsView } from '../../engine/dns-view.js';
import type { AwsError } from '../../protocol/aws-error.js';
import { xmlErrorResponse } from '../../protocol/rest-xml.js';
import { Route53Repo } from '../../store/route53-repo.js';
import type { ServiceModule } from '../service.js';
import { InvalidAction } from './errors.js';
import { type ChangeInfo, type HostedZone, Route53Model } from './model.js';
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
}

export function createRoute53Service(core: EmulatorCore): Route53Service {
  const repo = new Route53Repo(core.db);
  const model = new Route53Model(repo, core.clock, core.events);
  const errorResponse = (requestId: string, error: AwsError) =>
    xmlErrorResponse(ROUTE53_NAMESPACE, requestId, error);
  let seedCounter = 0;
  return {
    module: {
      name: 'route53',
      owns: (rawPath) => rawPath.startsWith('/2013-04-01/'),
      router: route53Router(model, () => core.config.publicUrl),
      errorResponse,
      unknownOperation: (requestId, method, rawPath) =>
        errorResponse(requestId, new InvalidAction(method, rawPath)),
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
  };
}
