import type { Scope, TagRecord } from '../../../store/ses-records.js';
import { BadRequestException, missingField, NotFoundException, validationError } from './errors.js';

export type ResourceKind = 'identity' | 'configuration-set';

/** The one ARN form used everywhere (tags, responses): `arn:aws:ses:{region}:{account}:{kind}/{name}`. */
export function resourceArn(scope: Scope, kind: ResourceKind, name: string): string {
  return `arn:aws:ses:${scope.region}:${scope.accountId}:${kind}/${name}`;
}

const ARN = /^arn:aws:ses:([a-z0-9-]+):(\d{12}):(identity|configuration-set)\/(.+)$/;

export function parseResourceArn(arn: string | undefined): Scope & { kind: ResourceKind; name: string } {
  if (arn === undefined) throw missingField('resourceArn');
  const m = ARN.exec(arn);
  if (!m) {
    throw new BadRequestException(
      `Invalid ResourceArn ${arn}: expected arn:aws:ses:<region>:<account-id>:identity/<name> or …:configuration-set/<name>.`,
    );
  }
  return {
    region: m[1] as string,
    accountId: m[2] as string,
    kind: m[3] as ResourceKind,
    name: m[4] as string,
  };
}

export function resourceNotFound(arn: string): NotFoundException {
  return new NotFoundException(`Resource not found: ${arn}`);
}

export const MAX_TAGS = 50;
const TAG_CHARS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/** A tag as a request sends it (`{Key, Value}`), not yet validated: every API version's wire reads into this. */
export type TagInput = Record<string, unknown>;

/** Validates `Tags` input ([{Key, Value}]); a missing Value is stored as "". */
export function parseTags(input: TagInput[] | undefined, field = 'tags'): TagRecord[] {
  if (input === undefined) return [];
  if (input.length > MAX_TAGS) {
    throw validationError(field, `Member must have length less than or equal to ${MAX_TAGS}`);
  }
  const seen = new Set<string>();
  return input.map((item, i) => {
    const at = `${field}.${i + 1}.member`;
    const key = item.Key;
    const value = item.Value ?? '';
    if (key === undefined || key === null) throw missingField(`${at}.key`);
    if (typeof key !== 'string' || typeof value !== 'string') {
      throw validationError(at, 'Key and Value must be strings');
    }
    if (key.length < 1 || key.length > 128) {
      throw validationError(`${at}.key`, 'Member must have length between 1 and 128', key);
    }
    if (value.length > 256) {
      throw validationError(`${at}.value`, 'Member must have length less than or equal to 256', value);
    }
    if (!TAG_CHARS.test(key) || !TAG_CHARS.test(value)) {
      throw validationError(
        at,
        'Member must satisfy regular expression pattern: ^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$',
        !TAG_CHARS.test(key) ? key : value,
      );
    }
    if (key.toLowerCase().startsWith('aws:')) {
      throw new BadRequestException(`Invalid tag key ${key}: the aws: prefix is reserved for AWS use.`);
    }
    if (seen.has(key)) throw new BadRequestException(`Duplicate tag key ${key}: tag keys must be unique.`);
    seen.add(key);
    return { Key: key, Value: value };
  });
}
