import { type Clock, ClockRangeError } from '../clock.js';
import type { IncomingRequest, OutgoingResponse } from '../protocol/http-types.js';
import type { ControlPlane } from './control-plane.js';
import { badRequest, isResponse, json, readJsonObject } from './responses.js';

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** `GET /_emulator/clock` → `{now}`; `POST` with `{advanceSeconds}` or `{set}` moves it (listeners run first). */
export function addClockRoutes(control: ControlPlane, clock: Clock): void {
  control
    .add('GET', '/_emulator/clock', 'GetClock', () => json(200, { now: clock.now().toISOString() }))
    .add('POST', '/_emulator/clock', 'SetClock', (req) => moveClock(req, clock));
}

function moveClock(req: IncomingRequest, clock: Clock): OutgoingResponse {
  const body = readJsonObject(req.body);
  if (isResponse(body)) return body;
  const { advanceSeconds, set } = body;
  if ((advanceSeconds === undefined) === (set === undefined)) {
    return badRequest(
      'Give exactly one of advanceSeconds (a number of seconds) or set (an ISO-8601 instant).',
    );
  }
  try {
    if (advanceSeconds !== undefined) {
      if (typeof advanceSeconds !== 'number') {
        return badRequest('advanceSeconds must be a non-negative number of seconds.');
      }
      clock.advance(advanceSeconds);
    } else {
      const instant = typeof set === 'string' && ISO_8601.test(set) ? new Date(set) : undefined;
      if (!instant || Number.isNaN(instant.getTime())) {
        return badRequest('set must be an ISO-8601 instant with a time zone, e.g. 2030-01-01T00:00:00Z.');
      }
      clock.set(instant);
    }
  } catch (error) {
    // The clock owns its range (one rule for every caller); out of range is the caller's mistake.
    if (error instanceof ClockRangeError) return badRequest(error.message);
    throw error;
  }
  return json(200, { now: clock.now().toISOString() });
}
