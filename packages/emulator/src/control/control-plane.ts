import type { EmulatorCore } from '../core.js';
import type { FaultInjector } from '../faults/fault-injector.js';
import type { IncomingRequest, OutgoingResponse } from '../protocol/http-types.js';
import { type RouteHandler, Router } from '../protocol/router.js';
import { inspectStore } from '../store/inspect.js';
import { deleteAllState } from '../store/reset.js';
import { addClockRoutes } from './clock-routes.js';
import { addFaultRoutes } from './faults-routes.js';
import { json } from './responses.js';

/** What the control plane answered, and through which endpoint (for the request log). */
export interface ControlAnswer {
  operation?: string;
  response: OutgoingResponse;
}

const CONTROL_PREFIX = '/_emulator/';

function spokenList(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/**
 * The control plane: every `/_emulator/*` endpoint and the services' own control endpoints (SES's
 * `/_aws/ses` mailbox), routed by the same `Router` as the REST services. JSON in and out; the core
 * answers its refusals (browser guard, token, body size) in the REST-JSON error form. With
 * EMULATOR_CONTROL_TOKEN set, every endpoint but those added as `open` needs the token.
 */
export class ControlPlane {
  private readonly router = new Router();
  /** The routes outside `/_emulator/` again (SES's `/_aws/ses`), for `owns` to test only those. */
  private readonly outside = new Router();
  /** `GET <template>` of the endpoints open without the token (GET and HEAD). */
  private readonly open = new Set<string>();

  add(
    method: string,
    template: string,
    operation: string,
    handler: RouteHandler,
    options: { open?: boolean } = {},
  ): this {
    this.router.add(method, template, operation, handler);
    // Routes outside the prefix kept apart for `owns` (a template of `/_emulator/` itself also matches
    // `/_emulator`, which is not under it).
    if (!template.replace(/\/+$/, '').startsWith(CONTROL_PREFIX)) {
      this.outside.add(method, template, operation, handler);
    }
    if (options.open && method === 'GET') this.open.add(template);
    return this;
  }

  /** Whether a path is the control plane's: anything under `/_emulator/`, and every path it has a route at. */
  owns(rawPath: string): boolean {
    // A path a route under the prefix answers starts with the prefix: only the others need testing
    // (every request asks this first, most of them for a service).
    return rawPath.startsWith(CONTROL_PREFIX) || this.outside.hasRouteAt(rawPath);
  }

  /** Whether a request needs the control token: all but GET/HEAD of an open endpoint. */
  needsToken(method: string, rawPath: string): boolean {
    if (method !== 'GET' && method !== 'HEAD') return true;
    const route = this.router.match('GET', rawPath)?.route;
    return route === undefined || !this.open.has(route.template);
  }

  async answer(req: IncomingRequest): Promise<ControlAnswer> {
    const found = this.router.resolve(req);
    if (found) return { operation: found.operation, response: await found.run() };
    const methods = this.router.methodsAt(req.rawPath);
    if (methods.length > 0) {
      const response = json(405, { message: `Use ${spokenList(methods)}` });
      response.headers.allow = methods.join(', ');
      return { response };
    }
    return { response: json(404, { message: `No control-plane endpoint ${req.method} ${req.rawPath}` }) };
  }
}

/**
 * The endpoints every emulator has, whatever it serves: health (which lists `services`), the clock,
 * the store report, reset (every table emptied, the clock back to real time) and fault injection.
 */
export function createControlPlane(
  core: EmulatorCore,
  deps: { faults: FaultInjector; services: readonly string[] },
): ControlPlane {
  const control = new ControlPlane()
    .add('GET', '/_emulator/health', 'Health', () => json(200, { status: 'ok', services: deps.services }), {
      open: true,
    })
    .add('GET', '/_emulator/store', 'InspectStore', (req) =>
      json(200, inspectStore(core.db, { integrity: req.query.get('integrity') === 'true' })),
    )
    .add('POST', '/_emulator/reset', 'Reset', () => {
      deleteAllState(core.db);
      core.clock.reset();
      return json(200, { reset: true, now: core.clock.now().toISOString() });
    });
  addClockRoutes(control, core.clock);
  addFaultRoutes(control, deps.faults);
  return control;
}
