import type { FaultErrors } from '../faults/fault-injector.js';
import type { AwsError } from '../protocol/aws-error.js';
import type { IncomingRequest } from '../protocol/http-types.js';
import type { Recognition } from '../protocol/recognition.js';
import type { OperationTable } from '../protocol/router.js';
import type { WireProtocol } from '../protocol/wire-protocol.js';

/**
 * One emulated AWS service on the shared port, as the core's dispatcher (`dispatcher.ts`) sees it:
 * everything the core needs to know about a service is declared here, so the core never names one.
 */
export interface ServiceModule {
  /** The name fault rules, fault counters, the health probe and the request log use (`sesv2`, `route53`). */
  name: string;
  /** SigV4 signing names the credential scope may carry (`ses`, `route53`), checked with EMULATOR_AUTH=sigv4. */
  signingNames: readonly string[];
  /** How its requests are told from the other services' (path prefix, or query `Version`). */
  recognition: Recognition;
  /** Its wire protocol: the error writer and the codes of the core's own refusals. */
  protocol: WireProtocol;
  /** Its operations, by method + path (`Router`) or by `Action` (`QueryActions`). */
  operations: OperationTable;
  /** The error for a request it recognises but has no operation for. */
  unknownOperation(req: IncomingRequest): AwsError;
  /** The errors it answers for injected faults (`/_emulator/faults`). */
  faults: FaultErrors;
}
