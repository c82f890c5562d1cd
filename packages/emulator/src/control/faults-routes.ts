import type { FaultInjector } from '../faults/fault-injector.js';
import { AwsError } from '../protocol/aws-error.js';
import type { IncomingRequest, OutgoingResponse } from '../protocol/http-types.js';
import type { ControlPlane } from './control-plane.js';
import { json } from './responses.js';

/**
 * `/_emulator/faults`: GET the rules and call/injection counters, POST `{rules, seed?}` to replace the
 * rules (counters restart; a bad configuration is a 400 naming the field and changes nothing), DELETE
 * to clear everything.
 */
export function addFaultRoutes(control: ControlPlane, faults: FaultInjector): void {
  control
    .add('GET', '/_emulator/faults', 'GetFaults', () => json(200, faults.current()))
    .add('POST', '/_emulator/faults', 'SetFaults', (req) => replaceFaults(req, faults))
    .add('DELETE', '/_emulator/faults', 'ClearFaults', () => {
      faults.clear();
      return json(200, faults.current());
    });
}

function replaceFaults(req: IncomingRequest, faults: FaultInjector): OutgoingResponse {
  let body: unknown;
  try {
    body = JSON.parse(req.body.toString('utf8') || '{}');
  } catch {
    return json(400, { message: 'Body must be JSON: {"rules":[…],"seed"?:n}' });
  }
  try {
    faults.replace(body);
  } catch (error) {
    if (error instanceof AwsError) return json(400, { message: error.message });
    throw error;
  }
  return json(200, faults.current());
}
