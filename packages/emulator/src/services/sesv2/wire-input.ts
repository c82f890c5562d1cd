import { SerializationException } from '../../protocol/rest-json.js';

/**
 * Typed reads of JSON request members. A member of the wrong JSON type is a SerializationException,
 * as AWS answers it; absence is `undefined` (required-ness is a model rule, checked there).
 */
export type JsonObject = Record<string, unknown>;

function wrongType(member: string, expected: string): SerializationException {
  return new SerializationException(`Value for member '${member}' must be ${expected}.`);
}

export function optString(body: JsonObject, member: string): string | undefined {
  const value = body[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw wrongType(member, 'a string');
  return value;
}

export function optBoolean(body: JsonObject, member: string): boolean | undefined {
  const value = body[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw wrongType(member, 'a boolean');
  return value;
}

export function optNumber(body: JsonObject, member: string): number | undefined {
  const value = body[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw wrongType(member, 'a number');
  return value;
}

export function optObject(body: JsonObject, member: string): JsonObject | undefined {
  const value = body[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw wrongType(member, 'an object');
  return value as JsonObject;
}

export function optArray(body: JsonObject, member: string): unknown[] | undefined {
  const value = body[member];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw wrongType(member, 'a list');
  return value;
}

export function optStringList(body: JsonObject, member: string): string[] | undefined {
  const list = optArray(body, member);
  if (!list) return undefined;
  for (const item of list) if (typeof item !== 'string') throw wrongType(member, 'a list of strings');
  return list as string[];
}

/** A list of objects (e.g. `Tags`): each item must be a JSON object. */
export function optObjectList(body: JsonObject, member: string): JsonObject[] | undefined {
  const list = optArray(body, member);
  if (!list) return undefined;
  for (const item of list) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      throw wrongType(member, 'a list of objects');
    }
  }
  return list as JsonObject[];
}
