import type { EmulatorCore } from '../core.js';
import type { IncomingRequest, OutgoingResponse } from '../protocol/http-types.js';
import type { Route53Service } from '../services/route53/service.js';
import type { SesV2Service } from '../services/sesv2/service.js';

export interface ControlPlane {
  /** Answers `/_emulator/*` and `/_aws/ses` requests; `undefined` for anything else. */
  handle(req: IncomingRequest): Promise<OutgoingResponse | undefined>;
}

function json(status: number, body: unknown): OutgoingResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

export function createControlPlane(
  _core: EmulatorCore,
  _services: { sesv2: SesV2Service; route53: Route53Service },
): ControlPlane {
  return {
    async handle(req) {
      if (req.method === 'GET' && req.rawPath === '/_emulator/health') {
        return json(200, { status: 'ok', services: ['sesv2', 'route53'] });
      }
      return undefined;
    },
  };
}
