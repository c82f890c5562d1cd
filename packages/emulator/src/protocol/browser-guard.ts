import type { IncomingHttpHeaders } from 'node:http';
import net from 'node:net';

/**
 * What keeps web pages away from the emulator. It has no sign-in, so any page the user opens could
 * otherwise `fetch('http://127.0.0.1:4566/_emulator/reset', {method: 'POST', mode: 'no-cors'})` or post a
 * hidden form to an AWS route, and a DNS-rebinding page could read the captured mail. AWS SDKs and CLIs
 * never send what browsers add, so the emulator refuses requests that carry it:
 * - an `Origin` header (browsers send it on every fetch/XHR but same-origin GETs, and on form posts);
 * - `Sec-Fetch-Site: cross-site` or `same-site` (another port on 127.0.0.1 is the same site), unless it
 *   is a top-level GET navigation (`Sec-Fetch-Mode: navigate`): clicking the verification link in a
 *   mail viewer, or opening `/_aws/ses` in a tab, reads nothing a page could see and changes nothing
 *   without the link's secret token;
 * - any `Sec-Fetch-*` request whose Host is a DNS name other than `localhost`: a browser that reached the
 *   emulator by a name is a DNS-rebinding page (the emulator's own links use its IP address);
 * - on AWS routes, a body type only browsers send without asking first (`text/plain`,
 *   `multipart/form-data`): no AWS SDK or CLI sends one. Form encoding stays allowed (the query protocol
 *   of SES v1, SNS and STS uses it, and a page's form post carries `Origin` anyway). The control plane
 *   accepts any type, because scripts post JSON there with `fetch`'s default `text/plain`; a page's
 *   request to it carries `Origin` / `Sec-Fetch-Site`.
 * (Node's fetch adds `Sec-Fetch-Mode: cors` on its own, so that header alone is no sign of a browser.)
 *
 * A bogus `Content-Encoding` is refused too: no AWS SDK compresses SES or Route 53 requests, and a body
 * the emulator cannot read as sent must be a 4xx, never a guess.
 */
export interface BrowserRefusal {
  status: 403 | 415;
  message: string;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function hostname(hostHeader: string): string {
  const text = hostHeader.trim().toLowerCase();
  if (text.startsWith('[')) return text.slice(1, text.indexOf(']'));
  const colon = text.lastIndexOf(':');
  return colon >= 0 ? text.slice(0, colon) : text;
}

const BROWSER_ONLY_TYPES = ['text/plain', 'multipart/form-data'];

export function browserRefusal(
  method: string,
  headers: IncomingHttpHeaders,
  options: { awsRoute: boolean },
): BrowserRefusal | undefined {
  const origin = header(headers, 'origin');
  if (origin !== undefined) {
    return {
      status: 403,
      message: `The emulator does not accept requests from web pages (Origin ${JSON.stringify(origin.slice(0, 100))}); use an AWS SDK, the AWS CLI or curl.`,
    };
  }
  const site = header(headers, 'sec-fetch-site');
  if (site !== undefined) {
    const name = hostname(header(headers, 'host') ?? '');
    if (name !== 'localhost' && net.isIP(name) === 0) {
      return {
        status: 403,
        message:
          'A browser reached the emulator by a DNS name (possible DNS rebinding); open it by its IP address or localhost.',
      };
    }
    const navigation =
      (method === 'GET' || method === 'HEAD') && header(headers, 'sec-fetch-mode') === 'navigate';
    if ((site === 'cross-site' || site === 'same-site') && !navigation) {
      return {
        status: 403,
        message: `The emulator does not accept requests from other sites' pages (Sec-Fetch-Site: ${site}).`,
      };
    }
  }
  const contentType = header(headers, 'content-type') ?? '';
  const parameters = contentType.indexOf(';');
  const type = (parameters < 0 ? contentType : contentType.slice(0, parameters)).trim().toLowerCase();
  if (options.awsRoute && BROWSER_ONLY_TYPES.includes(type)) {
    return {
      status: 415,
      message: `Content-Type ${type} is not an AWS protocol's: send application/json, application/xml or application/x-www-form-urlencoded.`,
    };
  }
  const encoding = (header(headers, 'content-encoding') ?? '').trim().toLowerCase();
  if (encoding !== '' && encoding !== 'identity') {
    return {
      status: 415,
      message: `Content-Encoding ${JSON.stringify(encoding.slice(0, 40))} is not supported: send the body uncompressed.`,
    };
  }
  return undefined;
}
