import type { EmulatorCore } from '../../core.js';
import type { DnsView } from '../../dns/dns-view.js';
import type { ResolverDnsView } from '../../dns/resolver-dns-view.js';
import { createSesStore, type SesStore } from '../../store/ses-store.js';
import { createSesModel, type SesModel } from './model/index.js';
import type { TopicDirectory } from './model/notification-settings.js';
import { verificationEmail } from './model/verification-email.js';
import { dnsQuestions } from './verification/dns-checks.js';
import { type RunReason, VerificationEngine } from './verification/verification-engine.js';

/**
 * SES as every API version sees it: one store per account + region, the model's rules and the
 * verification engine. SES v2 (REST-JSON, `services/sesv2/`) and SES v1 (query, `services/sesv1/`)
 * serve it, each through its own wire layer.
 */
export interface SesState {
  model: SesModel;
  store: SesStore;
  engine: VerificationEngine;
  /** Starts the verification engine's timer and its clock / DNS triggers. */
  start(): void;
  stop(): void;
}

/**
 * `dns`: public DNS as the engine sees it (the Route 53 store); `resolver` replaces it with real DNS
 * queries; `topics`: the SNS topics feedback is published to.
 */
export function createSesState(
  core: EmulatorCore,
  deps: { dns: DnsView; resolver?: ResolverDnsView; topics?: TopicDirectory },
): SesState {
  const store = createSesStore(core.db, verificationEmail);
  const { resolver } = deps;
  const ctx = {
    store,
    dns: resolver ?? deps.dns,
    prefetch: resolver
      ? (identities: Parameters<typeof dnsQuestions>[0]) => resolver.prefetch(dnsQuestions(identities))
      : undefined,
    mode: () => core.config.verificationMode,
    sandbox: () => core.config.sandbox ?? true,
    now: () => core.clock.nowMs(),
    publicUrl: () => core.config.publicUrl,
    logger: core.logger,
  };
  const model = createSesModel(ctx, deps.topics);
  const engine = new VerificationEngine(ctx);
  const unsubscribe: Array<() => void> = [];
  const runInBackground = (accountId: string | undefined, reason: RunReason, names?: readonly string[]) => {
    engine
      .runResolved(accountId, reason, names)
      .catch((err: unknown) =>
        core.logger.error({ err, accountId, reason }, 'emulator: verification engine run failed'),
      );
  };
  // A change batch names the records it wrote: only identities whose checks ask those are re-checked.
  const onDnsChanged = (accountId: string, names?: readonly string[]) =>
    runInBackground(accountId, 'dns', names);

  return {
    model,
    store,
    engine,
    start: () => {
      runInBackground(undefined, 'time');
      engine.start();
      unsubscribe.push(core.clock.onChange(() => runInBackground(undefined, 'time')));
      core.events.on('dns-changed', onDnsChanged);
      unsubscribe.push(() => core.events.off('dns-changed', onDnsChanged));
    },
    stop: () => {
      engine.stop();
      for (const off of unsubscribe.splice(0)) off();
    },
  };
}
