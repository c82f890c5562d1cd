import { XMLParser } from 'fast-xml-parser';
import type { AwsError } from './aws-error.js';
import type { OutgoingResponse } from './http-types.js';

/**
 * The XML both XML protocols share (REST-XML for Route 53, query for SES v1, SNS and STS): a tiny
 * element-tree serialiser, a request body parser (fast-xml-parser) and the one `<ErrorResponse>` error
 * writer. Knows XML and HTTP, nothing about any service's resources.
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

/** A map as AWS's XML protocols write it: `<entry><key>k</key><value>v</value></entry>` per entry, in order. */
export function xmlMap(entries: Iterable<readonly [key: string, value: XmlValue]>): XmlList {
  return xmlList(
    'entry',
    [...entries].map(([key, value]) => ({ key, value })),
  );
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

/**
 * The error document of both XML protocols (REST-XML and query):
 * `<ErrorResponse xmlns><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`, `RequestId` a
 * direct child of `ErrorResponse`. The SDKs read `Error.Code` and `Error.Message` (and the request id
 * from the `x-amzn-requestid` header); classic query needs no `x-amzn-query-error` header.
 */
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
