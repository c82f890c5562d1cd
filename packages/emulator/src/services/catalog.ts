import type { ControlPlane } from '../control/control-plane.js';
import type { EmulatorCore } from '../core.js';
import { ResolverDnsView } from '../dns/resolver-dns-view.js';
import type { ZoneRecordSource } from '../dns/zone-answers.js';
import type { EmulatorOptions } from '../options.js';
import { createRoute53Service } from './route53/service.js';
import type { ServiceModule } from './service.js';
import { addSesControlRoutes } from './ses/control-routes.js';
import { type SeedOptions, type SeedResult, seedIdentities } from './ses/seed.js';
import { createSesState } from './ses/state.js';
import { createSesV1Module } from './sesv1/service.js';
import { createSesV2Module } from './sesv2/service.js';
import { addSnsControlRoutes } from './sns/control-routes.js';
import { createSnsModule } from './sns/service.js';
import { createSnsState } from './sns/state.js';
import { addStsControlRoutes } from './sts/control-routes.js';
import { createStsModule } from './sts/service.js';
import { createStsState } from './sts/state.js';

/**
 * The services this emulator serves and how they are wired to each other: the one place that names
 * them. Route 53's public zones are the DNS that SES's verification engine reads (or a real resolver
 * replaces them); SES v2 and SES v1 serve the one SES state; SES publishes feedback to SNS topics, and
 * SNS emails its email subscribers into SES's mailbox; STS issues the temporary credentials that every
 * service's requests then act with (in the role's account, read from the store by the dispatcher). The core (`server.ts`, `dispatcher.ts`) only
 * sees the result: service modules, their control-plane endpoints, and what the DNS server answers from.
 */
export interface ServiceCatalog {
  /** Every AWS service on the port, in the order they are asked whether a request is theirs. */
  modules: ServiceModule[];
  /** Adds the services' own control-plane endpoints (mailbox, verification link, seeding). */
  addControlRoutes(control: ControlPlane): void;
  /** The zones the DNS server answers from for an account. */
  zoneRecordSource(accountId: string): ZoneRecordSource;
  /** Resolver mode without servers asks the emulator's own DNS server at `address` (`host:port`). */
  useOwnDnsServer(address: string): void;
  /** Seeds identities in every status (benchmarks, demos); same as `POST /_emulator/seed`. */
  seed(options: SeedOptions): SeedResult;
  /** Starts background work (the verification engine). */
  start(): void;
  stop(): void;
}

export function createServiceCatalog(
  core: EmulatorCore,
  options: Pick<EmulatorOptions, 'verificationDns' | 'route53ReservedNames' | 'roles'>,
): ServiceCatalog {
  const route53 = createRoute53Service(core, { reservedNames: options.route53ReservedNames === true });
  const resolverServers =
    options.verificationDns?.mode === 'resolver' ? (options.verificationDns.servers ?? []) : undefined;
  const resolver = resolverServers ? new ResolverDnsView(resolverServers) : undefined;
  // SNS emails its email subscribers into SES's mailbox; SES publishes feedback to SNS topics.
  const sns = createSnsState(core, { email: (message) => ses.store.mailbox.insert(message) });
  const ses = createSesState(core, { dns: route53.dnsView, resolver, topics: sns.topics });
  const sts = createStsState(core, { roles: options.roles });
  const defaults = () => ({ accountId: core.config.defaultAccountId, region: core.config.defaultRegion });
  return {
    modules: [
      createSesV2Module(ses),
      route53.module,
      createSesV1Module(ses),
      createSnsModule(sns),
      createStsModule(sts),
    ],
    addControlRoutes: (control) => {
      addSesControlRoutes(control, ses, { now: () => core.clock.nowMs(), defaults, zones: route53 });
      addSnsControlRoutes(control, sns);
      addStsControlRoutes(control, sts);
    },
    zoneRecordSource: (accountId) => route53.zoneRecordSource(accountId),
    useOwnDnsServer: (address) => {
      if (resolver && resolverServers?.length === 0) resolver.setServers([address]);
    },
    seed: (seedOptions) => seedIdentities(ses, seedOptions, defaults(), route53),
    start: () => ses.start(),
    stop: () => {
      ses.stop();
      sns.delivery.stop();
    },
  };
}
