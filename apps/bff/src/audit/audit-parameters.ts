import { createHash } from 'node:crypto';

/**
 * Request fields the audit log must not keep as sent: BYODKIM private keys, policy documents,
 * verification tokens, and test-email bodies (large, and mail content). Each is replaced by
 * `sha256:<hex>`, enough to tell whether two requests carried the same value.
 */
const HASHED_FIELDS = new Set(['privateKey', 'document', 'token', 'body']);

/**
 * What one entry may hold. The recorder runs on every change before the handler, on input nothing has
 * validated yet (zod strips unknown members later), so every walk and every serialisation here is
 * bounded: a 100,000-deep or 2 MB body costs the same small entry as a normal one.
 */
export const auditLimits = {
  /** Object/array levels kept below the body; deeper values become a note. */
  depth: 8,
  /** Members of one object, items of one array. */
  members: 100,
  /** Characters of one string value or key. */
  text: 1024,
  /** About the characters of all parameters together (as JSON). */
  parameters: 16_384,
  /** Characters of the identity column (a bulk delete's names joined). */
  identity: 65_536,
  /** Levels a hashed value is serialised to before hashing. */
  hashDepth: 64,
} as const;

/** What the parameters of an entry say where something was left out. */
export const OMITTED = '[omitted]';
const TOO_DEEP = '[nested too deep]';

/**
 * NUL and lone surrogates replaced by U+FFFD: PostgreSQL refuses both in JSONB (`\u0000` →
 * 22P05, a lone `\ud800` escape is invalid JSON) and NUL in TEXT, so a single such character would
 * otherwise make the entry unwritable.
 */
export function storableText(text: string): string {
  return text
    .replaceAll('\u0000', '\uFFFD')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** `storableText`, cut to `max` characters (never between the halves of a surrogate pair). */
export function boundedText(text: string, max: number): string {
  const clean = storableText(text);
  if (clean.length <= max) return clean;
  const note = `…[${clean.length} characters]`;
  let cut = Math.max(0, max - note.length);
  const last = clean.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
  return `${clean.slice(0, cut)}${note}`;
}

/** JSON text of `value`, depth-limited (no recursion without bound on hostile input). */
function boundedJson(value: unknown, depth: number): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (depth >= auditLimits.hashDepth) return JSON.stringify(TOO_DEEP);
  if (Array.isArray(value)) return `[${value.map((v) => boundedJson(v, depth + 1)).join(',')}]`;
  const members = Object.entries(value as Record<string, unknown>).map(
    ([k, v]) => `${JSON.stringify(k)}:${boundedJson(v, depth + 1)}`,
  );
  return `{${members.join(',')}}`;
}

export function sha256Of(value: unknown): string {
  const text = typeof value === 'string' ? value : boundedJson(value, 0);
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

interface Budget {
  left: number;
}

function redact(value: unknown, depth: number, budget: Budget): unknown {
  if (typeof value === 'string') {
    const text = boundedText(value, auditLimits.text);
    budget.left -= text.length + 3;
    return text;
  }
  if (value === null || typeof value === 'number' || typeof value === 'boolean') {
    budget.left -= 8;
    return value;
  }
  if (typeof value !== 'object') return null;
  if (depth > auditLimits.depth) {
    budget.left -= TOO_DEEP.length + 3;
    return TOO_DEEP;
  }
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (let i = 0; i < value.length; i += 1) {
      if (i >= auditLimits.members || budget.left <= 0) {
        items.push(`${OMITTED} ${value.length - i} more items`);
        break;
      }
      items.push(redact(value[i], depth + 1, budget));
    }
    return items;
  }
  const members: [string, unknown][] = [];
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i += 1) {
    const key = keys[i] as string;
    if (i >= auditLimits.members || budget.left <= 0) {
      members.push([OMITTED, `${keys.length - i} more members`]);
      break;
    }
    const v = (value as Record<string, unknown>)[key];
    const name = boundedText(key, 128);
    budget.left -= name.length + 4;
    if (HASHED_FIELDS.has(key) && v !== null && v !== undefined) {
      budget.left -= 72;
      members.push([name, sha256Of(v)]);
    } else {
      members.push([name, redact(v, depth + 1, budget)]);
    }
  }
  // fromEntries defines own properties: a member named `__proto__` stays data, never a prototype.
  return Object.fromEntries(members);
}

function pathParameters(params: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [boundedText(k, 128), boundedText(String(v), auditLimits.text)]),
  );
}

/** Path parameters plus the JSON body, secrets hashed, everything bounded and storable. */
export function auditParameters(params: Record<string, string>, body: unknown): Record<string, unknown> {
  const fromBody =
    body && typeof body === 'object' && !Array.isArray(body) ? body : body === undefined ? {} : { body };
  const redacted = redact(fromBody, 0, { left: auditLimits.parameters }) as Record<string, unknown>;
  return { ...redacted, ...pathParameters(params) };
}

/** What a refused request keeps: its path parameters, never its body. */
export function refusedParameters(params: Record<string, string>): Record<string, unknown> {
  return pathParameters(params);
}

/** The identity (or identities) a request is about: path parameter, else the body's name fields. */
export function auditIdentity(params: Record<string, string>, body: unknown): string | null {
  if (params.identity) return boundedText(params.identity, auditLimits.identity);
  if (!body || typeof body !== 'object') return null;
  const b = body as Record<string, unknown>;
  if (Array.isArray(b.identities)) return joinedNames(b.identities);
  if (typeof b.name === 'string') return boundedText(b.name, auditLimits.identity);
  if (typeof b.from === 'string') return boundedText(b.from, auditLimits.identity);
  return null;
}

/** A bulk request's names, `, `-joined up to the identity limit, then how many more there were. */
function joinedNames(values: unknown[]): string | null {
  const names = values.filter((v): v is string => typeof v === 'string');
  if (names.length === 0) return null;
  const reserve = 40;
  let text = '';
  for (let i = 0; i < names.length; i += 1) {
    const name = boundedText(names[i] as string, 512);
    const next = text ? `${text}, ${name}` : name;
    if (next.length > auditLimits.identity - reserve) return `${text} …(+${names.length - i} more)`;
    text = next;
  }
  return text;
}

/** Text columns of an entry (actor, path, codes…): storable and at most `max` characters. */
export function auditText(value: string, max: number = auditLimits.text): string {
  return boundedText(value, max);
}
