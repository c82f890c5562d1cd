import type { EmulatorCore } from '../../core.js';
import type { DnsView } from '../../engine/dns-view.js';
import { AwsError } from '../../protocol/aws-error.js';
import { jsonError } from '../../protocol/rest-json.js';
import { Router } from '../../protocol/router.js';
import type { ServiceModule } from '../service.js';

export interface SesV2Service {
  module: ServiceModule;
  /** Starts the verification engine's timer. */
  start(): void;
  stop(): void;
}

export function createSesV2Service(_core: EmulatorCore, _deps: { dns: DnsView }): SesV2Service {
  const router = new Router();
  return {
    module: {
      name: 'sesv2',
      owns: (rawPath) => rawPath.startsWith('/v2/email/'),
      router,
      errorResponse: jsonError,
      unknownOperation: (requestId, method, rawPath) =>
        jsonError(
          requestId,
          new AwsError('UnknownOperationException', 404, `Unknown operation ${method} ${rawPath}`),
        ),
    },
    start: () => {},
    stop: () => {},
  };
}
