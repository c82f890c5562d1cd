import { type FaultInjector, parseFaultConfig } from '../faults/fault-injector.js';
import { AwsError } from '../protocol/aws-error.js';
import type { IncomingRequest, OutgoingResponse } from '../protocol/http-types.js';

function json(status: number, body: unknown): OutgoingResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/**
 * `/_emulator/faults`: GET the rules and call/injection counters, POST `{rules, seed?}` to replace the
 * rules (counters restart), DELETE to clear everything.
 */
export function handleFaultsRequest(
  req: IncomingRequest,
  faults: FaultInjector,
): OutgoingResponse | undefined {
  if (req.rawPath !== '/_emulator/faults') return undefined;
  switch (req.method) {
    case 'GET':
      return json(200, faults.current());
    case 'DELETE':
      faults.clear();
      return json(200, faults.current());
    case 'POST': {
      let body: unknown;
      try {
        body = JSON.parse(req.body.toString('utf8') || '{}');
      } catch {
        return json(400, { message: 'Body must be JSON: {"rules":[…],"seed"?:n}' });
      }
      let config: ReturnType<typeof parseFaultConfig>;
      try {
        config = parseFaultConfig(body);
      } catch (error) {
        if (error instanceof AwsError) return json(400, { message: error.message });
        throw error;
      }
      faults.clear();
      faults.configure(config);
      return json(200, faults.current());
    }
    default:
      return json(405, { message: 'Use GET, POST or DELETE' });
  }
}
