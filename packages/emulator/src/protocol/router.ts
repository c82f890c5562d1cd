import type { IncomingRequest, OutgoingResponse } from './http-types.js';

export type RouteParams = Record<string, string>;
export type RouteHandler = (
  req: IncomingRequest,
  params: RouteParams,
) => OutgoingResponse | Promise<OutgoingResponse>;

/** An operation found for a request, ready to run. */
export interface MatchedOperation {
  operation: string;
  /** Path labels by name (REST); what fault counters count as the call's target. */
  params: RouteParams;
  run(): OutgoingResponse | Promise<OutgoingResponse>;
}

/** One entry of an operation table, for tests that must cover every operation. */
export interface OperationEntry {
  method: string;
  template: string;
  operation: string;
  labels: string[];
}

/**
 * How a service finds the operation a request calls: by method + path (`Router`, REST protocols) or by
 * the `Action` form field (`QueryActions`, query protocol).
 */
export interface OperationTable {
  /** The operation of a request its service recognised; `undefined` when there is none. */
  resolve(req: IncomingRequest): MatchedOperation | undefined;
  list(): OperationEntry[];
}

interface Route {
  method: string;
  /** Path template as added, e.g. `/v2/email/identities/{EmailIdentity}`. */
  template: string;
  operation: string;
  /** What every path it matches starts with: the template up to its first label. */
  prefix: string;
  pattern: RegExp;
  labels: string[];
  handler: RouteHandler;
}

/**
 * Method + path-template routing, with templates spelled as in the SDK models
 * (`/v2/email/identities/{EmailIdentity}`). Labels are percent-decoded (never `+` → space).
 * A trailing slash on the request is tolerated. Serves the REST services and the control plane alike.
 */
export class Router implements OperationTable {
  private readonly routes: Route[] = [];

  add(method: string, template: string, operation: string, handler: RouteHandler): this {
    const labels: string[] = [];
    const trimmed = template.replace(/\/+$/, '');
    const firstLabel = trimmed.indexOf('{');
    const source = trimmed
      .split('/')
      .map((segment) => {
        const label = /^\{([^}+]+)\+?\}$/.exec(segment);
        if (label) {
          labels.push(label[1] as string);
          return '([^/]+)';
        }
        return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('/');
    this.routes.push({
      method,
      template,
      operation,
      prefix: firstLabel < 0 ? trimmed : trimmed.slice(0, firstLabel),
      pattern: new RegExp(`^${source}/?$`),
      labels,
      handler,
    });
    return this;
  }

  /** Every route, for tests that must cover each operation (method, path template, operation, labels). */
  list(): OperationEntry[] {
    return this.routes.map(({ method, template, operation, labels }) => ({
      method,
      template,
      operation,
      labels: [...labels],
    }));
  }

  /** Finds the route for a request; `undefined` when no template matches or a label is badly encoded. */
  match(method: string, rawPath: string): { route: Route; params: RouteParams } | undefined {
    for (const route of this.routes) {
      // The prefix test first: a string comparison instead of a regular expression for most routes.
      if (route.method !== method || !rawPath.startsWith(route.prefix)) continue;
      const m = route.pattern.exec(rawPath);
      if (!m) continue;
      const params: RouteParams = {};
      try {
        route.labels.forEach((label, i) => {
          params[label] = decodeURIComponent(m[i + 1] as string);
        });
      } catch {
        return undefined; // malformed percent-encoding: no operation matches (a 4xx, never a 500)
      }
      return { route, params };
    }
    return undefined;
  }

  resolve(req: IncomingRequest): MatchedOperation | undefined {
    const found = this.match(req.method, req.rawPath);
    if (!found) return undefined;
    const { route, params } = found;
    return { operation: route.operation, params, run: () => route.handler(req, params) };
  }

  /** The methods some route answers at this path (for a 405 that says which to use). */
  methodsAt(rawPath: string): string[] {
    const methods = this.routes.filter((r) => this.at(r, rawPath)).map((r) => r.method);
    return [...new Set(methods)];
  }

  /** Whether some route (of any method) answers at this path: `methodsAt(rawPath).length > 0`, sooner. */
  hasRouteAt(rawPath: string): boolean {
    return this.routes.some((r) => this.at(r, rawPath));
  }

  private at(route: Route, rawPath: string): boolean {
    return rawPath.startsWith(route.prefix) && route.pattern.test(rawPath);
  }
}
