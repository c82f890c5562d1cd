import { AwsError } from '../../protocol/aws-error.js';

/** One class per Route 53 error code; status codes from the service model (no explicit code ⇒ 400). */

export class NoSuchHostedZone extends AwsError {
  constructor(id: string) {
    super('NoSuchHostedZone', 404, `No hosted zone found with ID: ${id}`);
  }
}

export class NoSuchChange extends AwsError {
  constructor(id: string) {
    super('NoSuchChange', 404, `A change with the specified change ID does not exist: ${id}`);
  }
}

export class NoSuchDelegationSet extends AwsError {
  constructor(id: string) {
    super(
      'NoSuchDelegationSet',
      400,
      `A reusable delegation set with the specified ID does not exist: ${id}`,
    );
  }
}

export class InvalidInput extends AwsError {
  constructor(message: string) {
    super('InvalidInput', 400, message);
  }
}

/** AWS's wording for a constraint on one request member, e.g. `Value '-1' at 'maxitems' failed to …`. */
export function validationError(value: unknown, field: string, rule: string): InvalidInput {
  const shown = value === undefined || value === null ? 'null' : `'${String(value)}'`;
  return new InvalidInput(
    `1 validation error detected: Value ${shown} at '${field}' failed to satisfy constraint: ${rule}`,
  );
}

export class InvalidDomainName extends AwsError {
  constructor(message: string) {
    super('InvalidDomainName', 400, message);
  }
}

/** A rejected change batch; the wire message is AWS's bracketed list `[msg1, msg2]`. */
export class InvalidChangeBatch extends AwsError {
  constructor(readonly messages: string[]) {
    super('InvalidChangeBatch', 400, `[${messages.join(', ')}]`);
  }
}

export class HostedZoneAlreadyExists extends AwsError {
  constructor() {
    super(
      'HostedZoneAlreadyExists',
      409,
      'A hosted zone has already been created with the specified caller reference.',
    );
  }
}

export class HostedZoneNotEmpty extends AwsError {
  constructor() {
    super(
      'HostedZoneNotEmpty',
      400,
      'The specified hosted zone contains non-required resource record sets and so cannot be deleted.',
    );
  }
}

export class NoSuchHealthCheck extends AwsError {
  constructor(id: string) {
    super('NoSuchHealthCheck', 404, `No health check found with ID: ${id}`);
  }
}

/** A path under `/2013-04-01/` that names no emulated operation. */
export class InvalidAction extends AwsError {
  constructor(method: string, rawPath: string) {
    super('InvalidAction', 400, `The emulator does not implement ${method} ${rawPath}.`);
  }
}

/** What Route 53 answers when a caller exceeds its request rate (injected faults). */
export class Throttling extends AwsError {
  constructor() {
    super('Throttling', 400, 'Rate exceeded');
  }
}

/** Route 53's answer while a previous change is still being processed (its "server error" for injected faults). */
export class PriorRequestNotComplete extends AwsError {
  constructor() {
    super(
      'PriorRequestNotComplete',
      400,
      'The request was rejected because Route 53 was still processing a prior request.',
    );
  }
}

/**
 * An enum value in an XML request body that the schema does not list. Route 53 validates bodies against
 * its XSD first, so the answer is the validator's text, e.g. `Invalid XML ; cvc-enumeration-valid: Value
 * 'X' is not facet-valid with respect to enumeration '[CREATE, DELETE, UPSERT]'. It must be a value from
 * the enumeration.` (InvalidInput, observed in giantswarm/aws-operator#360).
 */
export function xmlEnumerationError(value: string, allowed: readonly string[]): InvalidInput {
  return new InvalidInput(
    `Invalid XML ; cvc-enumeration-valid: Value '${value}' is not facet-valid with respect to enumeration ` +
      `'[${allowed.join(', ')}]'. It must be a value from the enumeration.`,
  );
}
