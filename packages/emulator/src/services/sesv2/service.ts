import { UnknownOperationException } from '../../protocol/core-errors.js';
import { REST_JSON } from '../../protocol/rest-json.js';
import type { ServiceModule } from '../service.js';
import { TooManyRequestsException } from '../ses/model/errors.js';
import type { SesState } from '../ses/state.js';
import { InternalServiceErrorException } from './errors.js';
import { createHandlers } from './handlers.js';
import { createSesV2Router } from './routes.js';

/**
 * SES v2 (REST-JSON under `/v2/email`, signed as `ses`) over the shared SES state; `/v1/email` for the
 * one operation older models spell there (routes.ts).
 */
export function createSesV2Module(ses: SesState): ServiceModule {
  return {
    name: 'sesv2',
    signingNames: ['ses'],
    recognition: { kind: 'path-prefix', prefix: '/v2/email', alsoPrefixes: ['/v1/email'] },
    protocol: REST_JSON,
    operations: createSesV2Router(createHandlers(ses.model)),
    unknownOperation: (req) =>
      new UnknownOperationException(`Unknown operation ${req.method} ${req.rawPath}`),
    faults: {
      throttle: () => new TooManyRequestsException(),
      serverError: () => new InternalServiceErrorException(),
      lostAnswer: () => new InternalServiceErrorException(),
    },
  };
}
