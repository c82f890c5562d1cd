import { InvalidAction, queryFormOf, queryProtocol } from '../../protocol/query.js';
import type { ServiceModule } from '../service.js';
import { InternalError, Throttled } from './errors.js';
import { createSnsActions, SNS_NAMESPACE } from './handlers.js';
import type { SnsState } from './state.js';

/** SNS over the query protocol: `POST /` with `Version=2010-03-31`, signed as `sns`. */
export function createSnsModule(sns: SnsState): ServiceModule {
  return {
    name: 'sns',
    signingNames: ['sns'],
    recognition: { kind: 'query', version: '2010-03-31' },
    protocol: queryProtocol(SNS_NAMESPACE),
    operations: createSnsActions(sns.model),
    unknownOperation: (req) => new InvalidAction(queryFormOf(req)?.action ?? ''),
    faults: {
      throttle: () => new Throttled(),
      serverError: () => new InternalError(),
      lostAnswer: () => new InternalError(),
    },
  };
}
