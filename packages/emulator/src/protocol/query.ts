import { AwsError } from './aws-error.js';
import type { IncomingRequest, OutgoingResponse } from './http-types.js';
import type { MatchedOperation, OperationEntry, OperationTable } from './router.js';
import { type WireProtocol, XML_CORE_CODES } from './wire-protocol.js';
import { toXmlDocument, type XmlElement, xmlErrorResponse } from './xml.js';

/**
 * The AWS query protocol (SES v1, SNS, STS): `POST /` with an `application/x-www-form-urlencoded` body
 * `Action=<Op>&Version=<api version>&…`, members as dotted keys, an XML answer
 * `<OpResponse xmlns><OpResult>…</OpResult><ResponseMetadata><RequestId/></ResponseMetadata></OpResponse>`
 * and `<ErrorResponse>` errors (the same writer as REST-XML's). Knows forms, XML and HTTP, nothing about
 * any service's resources.
 *
 * Request keys, as the SDKs' query serialiser writes them:
 * - structures: `Message.Subject.Data`, `Destination.ToAddresses.member.1`;
 * - lists: `Identities.member.1`, `Identities.member.2`, … (1-based; an empty list is `Identities=`);
 * - maps: `Attributes.entry.1.key` / `Attributes.entry.1.value` (or the model's names, e.g. SNS
 *   `MessageAttributes.entry.1.Name` / `….Value.DataType`).
 */

// --- Errors common to every query service (AWS "Common Errors"), one class per code ---------------

/** An `Action` the service does not have. */
export class InvalidAction extends AwsError {
  constructor(action: string) {
    super(
      'InvalidAction',
      400,
      `The action ${action} is not valid for this web service (or the emulator does not implement it).`,
    );
  }
}

/**
 * A form the operation's input cannot be read from: a list numbered with a gap, a key given twice, a
 * list where a single value belongs. [inf] AWS answers such forms 400 `InvalidQueryParameter` ("The AWS
 * query string is malformed or does not adhere to AWS standards"); the message names the parameter.
 */
export class InvalidQueryParameter extends AwsError {
  constructor(message: string) {
    super('InvalidQueryParameter', 400, message);
  }
}

/** A form without an `Action` (or with several). AWS "Common Errors": 400 `MissingAction`. */
export class MissingAction extends AwsError {
  constructor() {
    super('MissingAction', 400, 'The request must contain the parameter Action.');
  }
}

/** A required parameter is absent (here: `Version`). AWS "Common Errors": 400 `MissingParameter`. */
export class MissingParameter extends AwsError {
  constructor(message: string) {
    super('MissingParameter', 400, message);
  }
}

/**
 * A `Version` the service does not have. AWS's query services answer 400 `NoSuchVersion` "The requested
 * version (…) of service … does not exist" [obs: aws/aws-sdk-php#1217]; the emulator adds the one it has.
 */
export class NoSuchVersion extends AwsError {
  constructor(version: string, service: string, expected: string) {
    super(
      'NoSuchVersion',
      400,
      `The requested version (${version}) of service ${service} does not exist: the Version parameter must be ${expected}.`,
    );
  }
}

/**
 * Why a query service cannot run a request it was given (`ServiceModule.unknownOperation`): no or several
 * `Action`s, no `Version`, another API's `Version`, or an `Action` it does not have — each a 400 naming
 * the parameter. `service` is the name AWS's messages use (`AmazonSimpleEmailService`).
 */
export function queryRefusal(req: IncomingRequest, expected: { version: string; service: string }): AwsError {
  const fields = isForm(req) ? new URLSearchParams(req.body.toString('utf8')) : new URLSearchParams();
  const actions = fields.getAll('Action').filter((a) => a !== '');
  const versions = fields.getAll('Version').filter((v) => v !== '');
  if (actions.length !== 1) {
    return actions.length === 0
      ? new MissingAction()
      : new InvalidQueryParameter('Action: given more than once.');
  }
  if (versions.length === 0) {
    return new MissingParameter(
      `The request must contain the parameter Version (${expected.version} for ${expected.service}).`,
    );
  }
  if (versions.length > 1) return new InvalidQueryParameter('Version: given more than once.');
  if (versions[0] !== expected.version) {
    return new NoSuchVersion(versions[0] as string, expected.service, expected.version);
  }
  return new InvalidAction(actions[0] as string);
}

// --- Reading the form --------------------------------------------------------------------------------

/** A decoded member: text, a list (from `member.N` or map `entry.N`) or a structure. */
export type QueryNode = string | QueryList | QueryStruct;
export type QueryList = readonly QueryNode[];
export interface QueryStruct {
  readonly [member: string]: QueryNode | undefined;
}

/** The form of a query request: its `Action`, `Version` and every other field as sent. */
export interface QueryForm {
  action: string;
  version: string;
  fields: URLSearchParams;
}

/**
 * Longest dotted key accepted: far beyond any AWS input (SNS `MessageAttributes.entry.1.Value.StringValue`
 * has 5 parts), small enough that no form nests without bound.
 */
export const MAX_KEY_SEGMENTS = 32;

const FORM_TYPE = 'application/x-www-form-urlencoded';
const forms = new WeakMap<IncomingRequest, QueryForm | null>();

function isForm(req: IncomingRequest): boolean {
  const type = req.headers['content-type'];
  const text = (Array.isArray(type) ? type[0] : type) ?? '';
  return text.split(';')[0]?.trim().toLowerCase() === FORM_TYPE;
}

/**
 * The query form of `POST /` with a form body naming exactly one `Action` and one `Version`;
 * `undefined` for anything else. Read once per request.
 */
export function queryFormOf(req: IncomingRequest): QueryForm | undefined {
  const known = forms.get(req);
  if (known !== undefined) return known ?? undefined;
  let form: QueryForm | null = null;
  if (req.method === 'POST' && req.rawPath === '/' && isForm(req)) {
    // URLSearchParams reads `+` as a space, as form encoding means (the SDKs send `%20` and `%2B`).
    const fields = new URLSearchParams(req.body.toString('utf8'));
    const actions = fields.getAll('Action');
    const versions = fields.getAll('Version');
    if (actions.length === 1 && versions.length === 1 && actions[0] && versions[0]) {
      fields.delete('Action');
      fields.delete('Version');
      form = { action: actions[0], version: versions[0], fields };
    }
  }
  forms.set(req, form);
  return form ?? undefined;
}

interface RawNode {
  value?: string;
  children: Map<string, RawNode>;
}

const INDEX = /^[1-9]\d{0,8}$/;
/** The dotted path of every decoded list and structure, for messages that name the parameter. */
const paths = new WeakMap<object, string>();

function pathOf(node: object | undefined, member: string): string {
  const base = node ? paths.get(node) : undefined;
  return base ? `${base}.${member}` : member;
}

/** Lists from `member.N`, maps from `entry.N`: numbered from 1 without gaps. */
function decodeNumbered(node: RawNode, path: string): QueryNode[] {
  if (node.value !== undefined) {
    throw new InvalidQueryParameter(`${path}: give list members as ${path}.1, ${path}.2, …, not a value.`);
  }
  const items: Array<[number, RawNode]> = [];
  for (const [segment, child] of node.children) {
    if (!INDEX.test(segment)) {
      throw new InvalidQueryParameter(
        `${path}.${segment}: list members are numbered 1, 2, 3, …, not ${JSON.stringify(segment)}.`,
      );
    }
    items.push([Number(segment), child]);
  }
  items.sort((a, b) => a[0] - b[0]);
  return items.map(([index, child], i) => {
    if (index !== i + 1) {
      throw new InvalidQueryParameter(
        `${path}.${index}: list members are numbered from 1 without gaps, but ${path}.${i + 1} is missing.`,
      );
    }
    return decodeNode(child, `${path}.${index}`);
  });
}

function decodeNode(node: RawNode, path: string): QueryNode {
  if (node.children.size === 0) return node.value ?? '';
  const names = [...node.children.keys()];
  if (names.length === 1 && (names[0] === 'member' || names[0] === 'entry')) {
    if (node.value !== undefined && node.value !== '') {
      throw new InvalidQueryParameter(`${path}: given both as a value and as a list.`);
    }
    const list = decodeNumbered(node.children.get(names[0]) as RawNode, `${path}.${names[0]}`);
    paths.set(list, path);
    return list;
  }
  // `Foo=` beside `Foo.Bar=…` adds nothing (an empty value is how an empty list or structure is sent).
  if (node.value !== undefined && node.value !== '') {
    throw new InvalidQueryParameter(`${path}: given both as a value and as a structure.`);
  }
  return decodeStruct(node, path);
}

/** Members by name, in a prototype-less object (a member called `__proto__` is just a member). */
function decodeStruct(node: RawNode, path: string): QueryStruct {
  const struct: Record<string, QueryNode> = Object.create(null);
  for (const [name, child] of node.children)
    struct[name] = decodeNode(child, path ? `${path}.${name}` : name);
  if (path) paths.set(struct, path);
  return struct;
}

/**
 * Decodes the fields of a query form into structures, lists and text, checking the numbering of every
 * list and that no key is given twice or both as a value and as a structure.
 */
export function decodeQueryFields(fields: URLSearchParams): QueryStruct {
  const root: RawNode = { children: new Map() };
  for (const [key, value] of fields) {
    const segments = key.split('.');
    if (segments.length > MAX_KEY_SEGMENTS) {
      throw new InvalidQueryParameter(
        `${key.slice(0, 80)}…: keys have at most ${MAX_KEY_SEGMENTS} dotted parts.`,
      );
    }
    if (segments.some((s) => s === '')) {
      throw new InvalidQueryParameter(`${JSON.stringify(key.slice(0, 200))}: empty part in a dotted key.`);
    }
    let node = root;
    for (const segment of segments) {
      let child = node.children.get(segment);
      if (!child) {
        child = { children: new Map() };
        node.children.set(segment, child);
      }
      node = child;
    }
    if (node.value !== undefined) throw new InvalidQueryParameter(`${key}: given more than once.`);
    node.value = value;
  }
  return decodeStruct(root, '');
}

// --- Typed reads of decoded members (absent → undefined; required-ness is each model's rule) --------

function wrongShape(struct: QueryStruct, member: string, expected: string): InvalidQueryParameter {
  return new InvalidQueryParameter(`${pathOf(struct, member)}: must be ${expected}.`);
}

export function queryString(struct: QueryStruct, member: string): string | undefined {
  const value = struct[member];
  if (value === undefined || typeof value === 'string') return value;
  throw wrongShape(struct, member, 'a single value');
}

export function queryBoolean(struct: QueryStruct, member: string): boolean | undefined {
  const value = queryString(struct, member);
  if (value === undefined) return undefined;
  if (value === 'true' || value === 'false') return value === 'true';
  throw wrongShape(struct, member, '"true" or "false"');
}

export function queryInteger(struct: QueryStruct, member: string): number | undefined {
  const value = queryString(struct, member);
  if (value === undefined) return undefined;
  if (!/^-?\d{1,15}$/.test(value)) throw wrongShape(struct, member, 'a whole number');
  return Number(value);
}

export function queryStruct(struct: QueryStruct, member: string): QueryStruct | undefined {
  const value = struct[member];
  if (value === undefined) return undefined;
  // `Foo=` is how a structure whose members are all unset would arrive.
  if (value === '') return Object.create(null);
  if (typeof value === 'object' && !Array.isArray(value)) return value as QueryStruct;
  throw wrongShape(struct, member, `a structure (${pathOf(struct, member)}.<Member>=…)`);
}

export function queryList(struct: QueryStruct, member: string): QueryList | undefined {
  const value = struct[member];
  if (value === undefined) return undefined;
  if (value === '') return []; // the SDKs send an empty list as `Foo=`
  if (Array.isArray(value)) return value;
  throw wrongShape(struct, member, `a list (${pathOf(struct, member)}.member.1, ….member.2, …)`);
}

export function queryStringList(struct: QueryStruct, member: string): string[] | undefined {
  const list = queryList(struct, member);
  if (!list) return undefined;
  if (!list.every((item) => typeof item === 'string')) {
    throw wrongShape(struct, member, 'a list of single values');
  }
  return list as string[];
}

export function queryStructList(struct: QueryStruct, member: string): QueryStruct[] | undefined {
  const list = queryList(struct, member);
  if (!list) return undefined;
  if (!list.every((item) => typeof item === 'object' && !Array.isArray(item))) {
    throw wrongShape(struct, member, 'a list of structures');
  }
  return list as QueryStruct[];
}

/**
 * A map (`Foo.entry.N.key` / `Foo.entry.N.value`, or the model's own names for key and value), in the
 * order sent; a key given twice is refused.
 */
export function queryMap(
  struct: QueryStruct,
  member: string,
  names: { key: string; value: string } = { key: 'key', value: 'value' },
): Map<string, QueryNode> | undefined {
  const entries = queryStructList(struct, member);
  if (!entries) return undefined;
  const map = new Map<string, QueryNode>();
  entries.forEach((entry, i) => {
    const at = `${pathOf(struct, member)}.entry.${i + 1}`;
    const key = entry[names.key];
    const value = entry[names.value];
    if (typeof key !== 'string' || key === '') {
      throw new InvalidQueryParameter(`${at}.${names.key}: every map entry needs a key.`);
    }
    if (value === undefined) throw new InvalidQueryParameter(`${at}.${names.value}: the entry has no value.`);
    if (map.has(key))
      throw new InvalidQueryParameter(`${at}.${names.key}: the key ${JSON.stringify(key)} is given twice.`);
    map.set(key, value);
  });
  return map;
}

// --- Answers -----------------------------------------------------------------------------------------

/**
 * A query answer: `<{Action}Response xmlns><{Action}Result>result</{Action}Result><ResponseMetadata>…`.
 * An operation with an empty output shape passes `{}` (SES still writes an empty Result element); one
 * without an output shape passes `undefined` (no Result element at all).
 */
export function queryResponse(
  req: IncomingRequest,
  namespace: string,
  action: string,
  result: XmlElement | undefined,
): OutgoingResponse {
  return {
    status: 200,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': req.ctx.requestId },
    body: toXmlDocument(`${action}Response`, namespace, {
      [`${action}Result`]: result,
      ResponseMetadata: { RequestId: req.ctx.requestId },
    }),
  };
}

/** The query protocol of a service whose documents use `namespace`. */
export function queryProtocol(namespace: string): WireProtocol {
  return {
    name: 'query',
    codes: XML_CORE_CODES,
    errorResponse: (requestId, error) => xmlErrorResponse(namespace, requestId, error),
  };
}

// --- Operations by Action ----------------------------------------------------------------------------

export type QueryHandler = (
  req: IncomingRequest,
  input: QueryStruct,
) => OutgoingResponse | Promise<OutgoingResponse>;

/**
 * A query service's operations, found by the form's `Action` (and, given `version`, only in forms of
 * that API version: a service claimed by its signing scope alone must not run another API's form); the
 * input is decoded when the operation runs.
 */
export class QueryActions implements OperationTable {
  private readonly handlers = new Map<string, QueryHandler>();

  constructor(private readonly version?: string) {}

  add(action: string, handler: QueryHandler): this {
    this.handlers.set(action, handler);
    return this;
  }

  resolve(req: IncomingRequest): MatchedOperation | undefined {
    const form = queryFormOf(req);
    const handler = form && this.handlers.get(form.action);
    if (!form || !handler) return undefined;
    if (this.version !== undefined && form.version !== this.version) return undefined;
    return { operation: form.action, params: {}, run: () => handler(req, decodeQueryFields(form.fields)) };
  }

  list(): OperationEntry[] {
    return [...this.handlers.keys()].map((operation) => ({
      method: 'POST',
      template: '/',
      operation,
      labels: [],
    }));
  }
}
