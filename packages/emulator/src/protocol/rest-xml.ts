import type { IncomingRequest, OutgoingResponse } from './http-types.js';
import { type WireProtocol, XML_CORE_CODES } from './wire-protocol.js';
import { toXmlDocument, type XmlElement, xmlErrorResponse } from './xml.js';

/** REST-XML wire format (Route 53): XML documents under the operation's root element, `<ErrorResponse>` errors. */

export interface XmlResponseOptions {
  status?: number;
  headers?: Record<string, string>;
}

/** A REST-XML response: `text/xml`, the request id header and the `{root}` document. */
export function xmlResponse(
  req: IncomingRequest,
  namespace: string,
  root: string,
  body: XmlElement,
  options: XmlResponseOptions = {},
): OutgoingResponse {
  return {
    status: options.status ?? 200,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': req.ctx.requestId, ...options.headers },
    body: toXmlDocument(root, namespace, body),
  };
}

/** The REST-XML protocol of a service whose documents use `namespace`. */
export function restXmlProtocol(namespace: string): WireProtocol {
  return {
    name: 'rest-xml',
    codes: XML_CORE_CODES,
    errorResponse: (requestId, error) => xmlErrorResponse(namespace, requestId, error),
  };
}
