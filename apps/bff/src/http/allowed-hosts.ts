import net from 'node:net';
import type { Request, RequestHandler } from 'express';
import { AppError } from '../errors/app-error.js';

/**
 * The Host / Origin allow-list (`ALLOWED_HOSTS`) that stops DNS rebinding and cross-site writes.
 *
 * A page on `http://attacker.example` whose name the attacker re-points at 127.0.0.1 is, for the browser,
 * the same origin as the console: it could open a session, read the CSRF token and change anything. Its
 * requests still say `Host: attacker.example`, so only names the console is meant to be reached by are
 * answered:
 * - `localhost` and the address the connection arrived on (127.0.0.1, ::1, or the LAN address when
 *   HOST is not loopback), with the port it arrived on. An IP address cannot be rebound, and `localhost`
 *   names this machine.
 * - the entries of `ALLOWED_HOSTS` (`name` for any port, `name:port` for one), by default the host of
 *   `OIDC_REDIRECT_URL`: the public name(s) a proxy or load balancer forwards.
 * Every other Host (and, from a trusted proxy, every other `X-Forwarded-Host`) gets 421 before a session
 * is looked up or made. `/healthz` and `/readyz` are mounted before this guard: load balancers probe them
 * by IP with any Host, and they show nothing but the backend kind.
 *
 * State-changing requests (anything but GET, HEAD, OPTIONS) that a browser marks as cross-site
 * (`Sec-Fetch-Site: cross-site`), or whose `Origin` is neither the request's own host nor an allowed one,
 * get 403 — on top of the CSRF token every API change needs.
 */
export interface AllowedHost {
  /** Lower-case host name or IP address (IPv6 without brackets). */
  hostname: string;
  /** `undefined`: any port. */
  port?: number;
}

const HOST_PATTERN = /^(\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9_.-]*[a-z0-9])?)(?::(\d{1,5}))?$/i;

/** `name`, `name:port`, `[v6]`, `[v6]:port` → AllowedHost; `undefined` when it is not a host. */
export function parseHost(text: string): AllowedHost | undefined {
  const match = HOST_PATTERN.exec(text.trim());
  if (!match) return undefined;
  const name = (match[1] ?? '').toLowerCase();
  const hostname = name.startsWith('[') ? name.slice(1, -1) : name;
  if (name.startsWith('[') && !net.isIPv6(hostname)) return undefined;
  if (match[2] === undefined) return { hostname };
  const port = Number(match[2]);
  return port >= 1 && port <= 65535 ? { hostname, port } : undefined;
}

/** Parses `ALLOWED_HOSTS` entries; throws an Error naming the first entry that is not a host. */
export function parseAllowedHosts(entries: readonly string[]): AllowedHost[] {
  return entries.map((entry) => {
    const host = parseHost(entry);
    if (!host) {
      throw new Error(
        `ALLOWED_HOSTS: "${entry}" is not a host name, IP address or host:port (e.g. console.example.com or 10.0.0.5:8080)`,
      );
    }
    return host;
  });
}

/** `::ffff:127.0.0.1` (IPv4 on a dual-stack socket) is 127.0.0.1. */
function bareAddress(address: string | undefined): string {
  if (!address) return '';
  const lower = address.toLowerCase();
  return lower.startsWith('::ffff:') && net.isIPv4(lower.slice(7)) ? lower.slice(7) : lower;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function firstHeader(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Shown back to the caller inside a JSON envelope only, shortened and without control characters. */
function quoted(value: string): string {
  const clean = value.replace(/[^\x20-\x7e]/g, '?');
  return `"${clean.length > 100 ? `${clean.slice(0, 100)}…` : clean}"`;
}

export interface HostGuardOptions {
  allowedHosts: readonly AllowedHost[];
  /** The peers whose `X-Forwarded-Host` is believed (TRUSTED_PROXIES); it must be allowed as well. */
  trustProxy?: (address: string) => boolean;
}

export function hostGuard(options: HostGuardOptions): RequestHandler {
  const { allowedHosts } = options;

  /** Is `host` (port defaulted for the scheme) one this console answers to, on this connection? */
  function allowed(req: Request, host: AllowedHost, defaultPort: number): boolean {
    const port = host.port ?? defaultPort;
    const local = bareAddress(req.socket.localAddress);
    if ((host.hostname === 'localhost' || host.hostname === local) && port === req.socket.localPort) {
      return true;
    }
    return allowedHosts.some(
      (a) => a.hostname === host.hostname && (a.port === undefined || a.port === port),
    );
  }

  function misdirected(what: string, value: string): AppError {
    return new AppError(
      421,
      'HostNotAllowed',
      `This console does not answer to ${what} ${quoted(value)}: reach it by its address or localhost, or add the name to ALLOWED_HOSTS.`,
    );
  }

  return (req, _res, next) => {
    const hostHeader = firstHeader(req, 'host') ?? '';
    const host = parseHost(hostHeader);
    if (!host || !allowed(req, host, 80)) throw misdirected('Host', hostHeader);
    const forwardedHost = firstHeader(req, 'x-forwarded-host');
    if (forwardedHost !== undefined && options.trustProxy?.(req.socket.remoteAddress ?? '')) {
      const first = forwardedHost.split(',')[0] ?? '';
      const forwarded = parseHost(first);
      if (!forwarded || !allowed(req, forwarded, 443)) throw misdirected('X-Forwarded-Host', first);
    }
    if (SAFE_METHODS.has(req.method)) return next();

    if (firstHeader(req, 'sec-fetch-site') === 'cross-site') {
      throw new AppError(
        403,
        'CrossSiteRequest',
        'The browser marked this change as coming from another site (Sec-Fetch-Site: cross-site); the console only accepts changes from its own pages.',
      );
    }
    const origin = firstHeader(req, 'origin');
    if (origin !== undefined && !originAllowed(req, origin, hostHeader, allowed)) {
      throw new AppError(
        403,
        'CrossOriginRequest',
        `Changes are only accepted from the console's own pages, not from Origin ${quoted(origin)}; add its host to ALLOWED_HOSTS if it is this console.`,
      );
    }
    next();
  };
}

function originAllowed(
  req: Request,
  origin: string,
  hostHeader: string,
  allowed: (req: Request, host: AllowedHost, defaultPort: number) => boolean,
): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // `null` (sandboxed frames, privacy redirects) and anything unparsable
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const defaultPort = url.protocol === 'https:' ? 443 : 80;
  // Same origin: the Origin names the host the request was sent to (ports defaulted per scheme, so a
  // TLS-terminating proxy's `https://console.example.com` matches `Host: console.example.com`).
  const self = parseHost(hostHeader);
  const originHost = parseHost(url.host);
  if (!originHost) return false;
  const originPort = originHost.port ?? defaultPort;
  if (self && self.hostname === originHost.hostname && (self.port ?? defaultPort) === originPort) return true;
  return allowed(req, { hostname: originHost.hostname, port: originPort }, defaultPort);
}
