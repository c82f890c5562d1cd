import type { IncomingRequest, OutgoingResponse } from './http-types.js';

export type RouteParams = Record<string, string>;
export type RouteHandler = (
  req: IncomingRequest,
  params: RouteParams,
) => OutgoingResponse | Promise<OutgoingResponse>;

interface Route {
  method: string;
  /** Path template as added, e.g. `/v2/email/identities/{EmailIdentity}`. */
  template: string;
  operation: string;
  pattern: RegExp;
  labels: string[];
  handler: RouteHandler;
}

/**
 * Method + path-template routing, with templates spelled as in the SDK models
 * (`/v2/email/identities/{EmailIdentity}`). Labels are percent-decoded (never `+` → space).
 * A trailing slash on the request is tolerated.
 */
export class Router {
  private readonly routes: Route[] = [];

  add(method: string, template: string, operation: string, handler: RouteHandler): this {
    const labels: string[] = [];
    const source = template
      .replace(/\/+$/, '')
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
      pattern: new RegExp(`^${source}/?$`),
      labels,
      handler,
    });
    return this;
  }

  /** Every route, for tests that must cover each operation (method, path template, operation, labels). */
  list(): Array<{ method: string; template: string; operation: string; labels: string[] }> {
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
      if (route.method !== method) continue;
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
}
