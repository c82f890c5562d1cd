import { XMLParser } from 'fast-xml-parser';
import type { AwsError } from './aws-error.js';
import type { IncomingRequest, OutgoingResponse } from './http-types.js';

/**
 * REST-XML wire format (Route 53 style): a tiny element tree serialiser, a request body parser and the
 * `ErrorResponse` error form. Knows XML and HTTP, nothing about any service's resources.
 */

/** A list serialises as its wrapper element holding one `member` element per item (wrapper always emitted). */
export interface XmlList {
  readonly kind: 'xml-list';
  member: string;
  items: XmlValue[];
}

/** Element values: objects become child elements in key order; `undefined` members are omitted. */
export type XmlValue = string | number | boolean | Date | XmlList | XmlElement | undefined;
export interface XmlElement {
  [name: string]: XmlValue;
}

export function xmlList(member: string, items: XmlValue[]): XmlList {
  return { kind: 'xml-list', member, items };
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#xD;')
    .replace(/\n/g, '&#xA;');
}

function isList(value: XmlValue): value is XmlList {
  return typeof value === 'object' && !(value instanceof Date) && value.kind === 'xml-list';
}

function serialise(name: string, value: XmlValue): string {
  if (value === undefined) return '';
  if (value instanceof Date) return `<${name}>${value.toISOString()}</${name}>`;
  if (isList(value)) {
    if (value.items.length === 0) return `<${name}/>`;
    return `<${name}>${value.items.map((item) => serialise(value.member, item)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    const children = Object.entries(value)
      .map(([child, v]) => serialise(child, v))
      .join('');
    return `<${name}>${children}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** Serialises `body` under a root element carrying the default namespace. */
export function toXmlDocument(root: string, namespace: string, body: XmlElement): string {
  const inner = Object.entries(body)
    .map(([name, v]) => serialise(name, v))
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${namespace}">${inner}</${root}>`;
}

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

/** The standard REST-XML error: `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/>`. */
export function xmlErrorResponse(namespace: string, requestId: string, error: AwsError): OutgoingResponse {
  return {
    status: error.status,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body:
      `<?xml version="1.0"?>\n<ErrorResponse xmlns="${namespace}"><Error><Type>${error.fault}</Type>` +
      `<Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error>` +
      `<RequestId>${escapeXml(requestId)}</RequestId></ErrorResponse>`,
  };
}

/** Parsed XML: element text stays a string (never coerced to numbers); repeated elements named in `lists` are arrays. */
export type ParsedXml = { [name: string]: ParsedXmlNode };
export type ParsedXmlNode = string | ParsedXml | ParsedXmlNode[];

export class XmlSyntaxError extends Error {}

/**
 * Parses a request body and returns the children of its root element (namespace attributes dropped).
 * `lists` names the member elements that are always arrays (e.g. `Change`, `ResourceRecord`).
 * Throws `XmlSyntaxError` when the body is not well-formed or the root element is not `expectedRoot`.
 */
export function parseXmlRequest(body: Buffer, expectedRoot: string, lists: readonly string[]): ParsedXml {
  const text = body.toString('utf8');
  const parser = new XMLParser({
    ignoreAttributes: true,
    removeNSPrefix: true,
    parseTagValue: false,
    trimValues: true,
    ignoreDeclaration: true,
    processEntities: true,
    htmlEntities: true,
    isArray: (tagName) => lists.includes(tagName),
  });
  let doc: unknown;
  try {
    doc = parser.parse(text, true);
  } catch (error) {
    throw new XmlSyntaxError(`The XML request body is not well-formed: ${(error as Error).message}`);
  }
  const root = (doc as Record<string, unknown>)[expectedRoot];
  if (root === undefined) {
    throw new XmlSyntaxError(`The XML request body must have the root element <${expectedRoot}>.`);
  }
  return typeof root === 'object' && root !== null ? (root as ParsedXml) : {};
}
