import { AwsError } from '../../protocol/aws-error.js';

/** STS's errors (query protocol), one class per code, as its model and AWS's answers spell them. */

export const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';

/** A request member breaks a model constraint, or AWS's own rule on it (`… is invalid`). 400. */
export class ValidationError extends AwsError {
  constructor(message: string) {
    super('ValidationError', 400, message);
  }
}

/** The caller may not assume the role (it does not exist, or the external id is not the one it requires). */
export class AccessDenied extends AwsError {
  constructor(message: string) {
    super('AccessDenied', 403, message);
  }
}

export class MalformedPolicyDocument extends AwsError {
  constructor(message: string) {
    super('MalformedPolicyDocument', 400, message);
  }
}

export class PackedPolicyTooLarge extends AwsError {
  constructor(message: string) {
    super('PackedPolicyTooLarge', 400, message);
  }
}

/** A value the model allows but STS refuses (tag rules) [obs: LS-snap]. */
export class InvalidParameterValue extends AwsError {
  constructor(message: string) {
    super('InvalidParameterValue', 400, message);
  }
}

export class Throttling extends AwsError {
  constructor() {
    super('Throttling', 400, 'Rate exceeded');
  }
}

export class ServiceUnavailable extends AwsError {
  constructor() {
    super('ServiceUnavailable', 503, 'Service is unable to handle request.');
  }
}

/**
 * The model constraints a request breaks, reported together as AWS does: `2 validation errors
 * detected: Value 'x' at 'roleSessionName' failed to satisfy constraint: …; Value …` (members named in
 * lowerCamelCase, as the wire model's validator names them) [obs: LS-snap for roleSessionName].
 */
export class Constraints {
  private readonly broken: string[] = [];

  private add(value: string | number | undefined, member: string, rule: string): void {
    const shown = value === undefined ? 'null' : `'${value}'`;
    this.broken.push(`Value ${shown} at '${member}' failed to satisfy constraint: ${rule}`);
  }

  required(value: unknown, member: string): boolean {
    if (value !== undefined) return true;
    this.add(undefined, member, 'Member must not be null');
    return false;
  }

  /** Length (in UTF-16 units, as the JVM counts) and pattern (anchored to the whole value). */
  text(
    value: string | undefined,
    member: string,
    rule: { min?: number; max?: number; pattern?: { source: string; regex: RegExp } },
  ): void {
    if (value === undefined) return;
    if (rule.min !== undefined && value.length < rule.min) {
      this.add(value, member, `Member must have length greater than or equal to ${rule.min}`);
    }
    if (rule.max !== undefined && value.length > rule.max) {
      this.add(value, member, `Member must have length less than or equal to ${rule.max}`);
    }
    if (rule.pattern && !rule.pattern.regex.test(value)) {
      this.add(value, member, `Member must satisfy regular expression pattern: ${rule.pattern.source}`);
    }
  }

  integer(value: number | undefined, member: string, min: number, max: number): void {
    if (value === undefined) return;
    if (value < min) this.add(value, member, `Member must have value greater than or equal to ${min}`);
    if (value > max) this.add(value, member, `Member must have value less than or equal to ${max}`);
  }

  count(length: number | undefined, member: string, max: number, shown: string): void {
    if (length !== undefined && length > max) {
      this.broken.push(
        `Value '${shown}' at '${member}' failed to satisfy constraint: Member must have length less than or equal to ${max}`,
      );
    }
  }

  /** Throws the one ValidationError naming every broken constraint, if any. */
  check(): void {
    const n = this.broken.length;
    if (n === 0) return;
    throw new ValidationError(
      `${n} validation error${n === 1 ? '' : 's'} detected: ${this.broken.join('; ')}`,
    );
  }
}

/** A model pattern: its source as AWS quotes it, and the whole-value regex that checks it. */
export function pattern(source: string, flags = ''): { source: string; regex: RegExp } {
  return { source, regex: new RegExp(`^(?:${source})$`, flags) };
}
