import type { EmulatorCore } from '../../core.js';
import type { DnsView } from '../../engine/dns-view.js';
import type { ResolverDnsView } from '../../engine/resolver-dns-view.js';
import { type RunReason, VerificationEngine } from '../../engine/verification-engine.js';
import { AwsError } from '../../protocol/aws-error.js';
import { jsonError } from '../../protocol/rest-json.js';
import { createSesStore, type SesStore } from '../../store/ses-store.js';
import type { ServiceModule } from '../service.js';
import { createHandlers } from './handlers.js';
import { createSesModel, type SesModel } from './model/index.js';
import type { IdentityRecord } from './model/types.js';
import { createSesV2Router } from './routes.js';

export interface SesV2Service {
  module: ServiceModule;
  model: SesModel;
  store: SesStore;
  engine: VerificationEngine;
  /** Starts the verification engine's timer and its clock / DNS triggers. */
  start(): void;
  stop(): void;
}

export function createSesV2Service(
  core: EmulatorCore,
  deps: { dns: DnsView; resolver?: ResolverDnsView },
): SesV2Service {
  const store = createSesStore(core.db);
  const ctx = {
    store,
    dns: deps.resolver ?? deps.dns,
    prefetch: deps.resolver
      ? (identities: IdentityRecord[]) => deps.resolver!.prefetch(identities)
      : undefined,
    mode: () => core.config.verificationMode,
    now: () => core.clock.nowMs(),
    publicUrl: () => core.config.publicUrl,
  };
  const model = createSesModel(ctx);
  const engine = new VerificationEngine(ctx);
  const router = createSesV2Router(createHandlers(model));
  const unsubscribe: Array<() => void> = [];
  const runInBackground = (accountId: string | undefined, reason: RunReason) => {
    engine
      .runResolved(accountId, reason)
      .catch((error) => console.error('emulator: verification engine run failed', error));
  };
  const onDnsChanged = (accountId: string) => runInBackground(accountId, 'dns');

  return {
    module: {
      name: 'sesv2',
      owns: (rawPath) => rawPath.startsWith('/v2/email/') || rawPath === '/v2/email',
      router,
      errorResponse: jsonError,
      unknownOperation: (requestId, method, rawPath) =>
        jsonError(
          requestId,
          new AwsError('UnknownOperationException', 404, `Unknown operation ${method} ${rawPath}`),
        ),
    },
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
