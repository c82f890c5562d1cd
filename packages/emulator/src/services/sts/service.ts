import { queryProtocol, queryRefusal } from '../../protocol/query.js';
import type { ServiceModule } from '../service.js';
import { ServiceUnavailable, STS_NAMESPACE, Throttling } from './errors.js';
import { createStsActions, STS_VERSION } from './handlers.js';
import type { StsState } from './state.js';

/**
 * STS over the query protocol: `POST /` with `Version=2011-06-15`, signed as `sts`. The credentials it
 * issues act in the role's account for every service (the dispatcher reads them from the store).
 */
export function createStsModule(sts: StsState): ServiceModule {
  return {
    name: 'sts',
    signingNames: ['sts'],
    recognition: { kind: 'query', version: STS_VERSION },
    protocol: queryProtocol(STS_NAMESPACE),
    operations: createStsActions(sts.model),
    unknownOperation: (req) =>
      queryRefusal(req, { version: STS_VERSION, service: 'AWSSecurityTokenService' }),
    faults: {
      throttle: () => new Throttling(),
      serverError: () => new ServiceUnavailable(),
      lostAnswer: () => new ServiceUnavailable(),
    },
  };
}
