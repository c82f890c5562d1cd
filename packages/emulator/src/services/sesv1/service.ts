import { QueryActions, queryProtocol, queryRefusal } from '../../protocol/query.js';
import type { ServiceModule } from '../service.js';
import type { SesState } from '../ses/state.js';
import { SES_V1_NAMESPACE, ServiceUnavailable, Throttling, toSesV1Error } from './errors.js';
import { createSesV1Handlers } from './handlers.js';

/** SES v1's API version: the `Version` of its query forms. */
export const SES_V1_VERSION = '2010-12-01';

/**
 * SES v1 (query protocol, `POST /` with `Version=2010-12-01`, signed as `ses`) over the shared SES
 * state: an identity made through v1 is the same identity through v2, and the reverse.
 */
export function createSesV1Module(ses: SesState): ServiceModule {
  const actions = new QueryActions(SES_V1_VERSION);
  for (const [action, handler] of Object.entries(createSesV1Handlers(ses.model))) {
    actions.add(action, (req, input) => {
      try {
        return handler(req, input);
      } catch (error) {
        throw toSesV1Error(error);
      }
    });
  }
  return {
    name: 'sesv1',
    signingNames: ['ses'],
    recognition: { kind: 'query', version: SES_V1_VERSION },
    protocol: queryProtocol(SES_V1_NAMESPACE),
    operations: actions,
    unknownOperation: (req) =>
      queryRefusal(req, { version: SES_V1_VERSION, service: 'AmazonSimpleEmailService' }),
    faults: {
      throttle: () => new Throttling(),
      serverError: () => new ServiceUnavailable(),
      lostAnswer: () => new ServiceUnavailable(),
    },
  };
}
