import {
  type QueryStruct,
  queryBoolean,
  queryInteger,
  queryString,
  queryStringList,
  queryStruct,
} from '../../protocol/query.js';
import { missingField, validationError } from '../ses/model/errors.js';

/**
 * Reads of SES v1 request members with SES's own rules: a missing required member is a
 * `ValidationError` naming it as the API model does (camelCase: `emailAddress`, `message.subject`),
 * enums are checked against the model's values. Shapes (`member.N` lists, structures) are the query
 * layer's (`protocol/query.ts`).
 */

/** The member's name in SES's messages: `Message.Subject` → `message.subject`. */
function fieldName(path: string): string {
  return path
    .split('.')
    .map((part) => part.charAt(0).toLowerCase() + part.slice(1))
    .join('.');
}

export function requiredString(input: QueryStruct, member: string, path = member): string {
  const value = queryString(input, member);
  if (value === undefined) throw missingField(fieldName(path));
  return value;
}

export function requiredBoolean(input: QueryStruct, member: string): boolean {
  const value = queryBoolean(input, member);
  if (value === undefined) throw missingField(fieldName(member));
  return value;
}

export function requiredStruct(input: QueryStruct, member: string, path = member): QueryStruct {
  const value = queryStruct(input, member);
  if (value === undefined) throw missingField(fieldName(path));
  return value;
}

/** A required list of single values with at most `max` members. */
export function requiredStringList(input: QueryStruct, member: string, max: number): string[] {
  const list = queryStringList(input, member);
  if (list === undefined) throw missingField(fieldName(member));
  if (list.length > max) {
    throw validationError(fieldName(member), `Member must have length less than or equal to ${max}`);
  }
  return list;
}

export function optionalEnum<T extends string>(
  input: QueryStruct,
  member: string,
  values: readonly T[],
): T | undefined {
  const value = queryString(input, member);
  if (value === undefined) return undefined;
  if (!(values as readonly string[]).includes(value)) {
    throw validationError(
      fieldName(member),
      `Member must satisfy enum value set: [${[...values].sort().join(', ')}]`,
      value,
    );
  }
  return value as T;
}

export function requiredEnum<T extends string>(input: QueryStruct, member: string, values: readonly T[]): T {
  const value = optionalEnum(input, member, values);
  if (value === undefined) throw missingField(fieldName(member));
  return value;
}

export function optionalInteger(
  input: QueryStruct,
  member: string,
  range: { min: number; max: number },
): number | undefined {
  const value = queryInteger(input, member);
  if (value === undefined) return undefined;
  if (value < range.min || value > range.max) {
    throw validationError(
      fieldName(member),
      `Member must have value between ${range.min} and ${range.max}`,
      String(value),
    );
  }
  return value;
}
