import { createPrivateKey, randomBytes } from 'node:crypto';
import type { DkimSigningKeyLength } from '@aws-sdk/client-sesv2';
import { BadRequestException, missingField, validationError } from './errors.js';

const TOKEN_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** One Easy DKIM token: 32 lowercase alphanumerics, like SES's. */
export function dkimToken(): string {
  const bytes = randomBytes(32);
  let token = '';
  for (const byte of bytes) token += TOKEN_ALPHABET[byte % TOKEN_ALPHABET.length];
  return token;
}

export function easyDkimTokens(): string[] {
  return [dkimToken(), dkimToken(), dkimToken()];
}

export const KEY_LENGTHS: readonly DkimSigningKeyLength[] = ['RSA_1024_BIT', 'RSA_2048_BIT'];

export function parseKeyLength(value: string | undefined, field: string): DkimSigningKeyLength | undefined {
  if (value === undefined) return undefined;
  if (!(KEY_LENGTHS as readonly string[]).includes(value)) {
    throw validationError(field, `Member must satisfy enum value set: [${KEY_LENGTHS.join(', ')}]`, value);
  }
  return value as DkimSigningKeyLength;
}

const SELECTOR = /^(([a-zA-Z0-9])|([a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))$/;
const BASE64 = /^[a-zA-Z0-9+/]+={0,2}$/;

/**
 * Validates BYODKIM input: a DNS-label selector and an RSA private key of 1024–2048 bits given as
 * base64 DER (PKCS#1 or PKCS#8, the PEM body without BEGIN/END lines).
 */
export function validateByodkim(
  selector: string | undefined,
  privateKey: string | undefined,
  prefix: string,
): void {
  if (selector === undefined) throw missingField(`${prefix}.domainSigningSelector`);
  if (privateKey === undefined) throw missingField(`${prefix}.domainSigningPrivateKey`);
  if (selector.length < 1 || selector.length > 63 || !SELECTOR.test(selector)) {
    throw validationError(
      `${prefix}.domainSigningSelector`,
      'Member must have length between 1 and 63 and satisfy regular expression pattern: ^(([a-zA-Z0-9])|([a-zA-Z0-9][a-zA-Z0-9\\-]*[a-zA-Z0-9]))$',
      selector,
    );
  }
  if (privateKey.length < 1 || privateKey.length > 20480 || !BASE64.test(privateKey)) {
    throw validationError(
      `${prefix}.domainSigningPrivateKey`,
      'Member must have length between 1 and 20480 and satisfy regular expression pattern: ^[a-zA-Z0-9+\\/]+={0,2}$',
    );
  }
  const der = Buffer.from(privateKey, 'base64');
  let bits: number | undefined;
  for (const type of ['pkcs1', 'pkcs8'] as const) {
    try {
      const key = createPrivateKey({ key: der, format: 'der', type });
      if (key.asymmetricKeyType === 'rsa') bits = key.asymmetricKeyDetails?.modulusLength;
      break;
    } catch {
      // try the next encoding
    }
  }
  if (bits === undefined) {
    throw new BadRequestException(
      'The input you provided is invalid. DomainSigningPrivateKey must be a base64-encoded RSA private key (PKCS#1 or PKCS#8 DER).',
    );
  }
  if (bits < 1024 || bits > 2048) {
    throw new BadRequestException(
      `The input you provided is invalid. The DomainSigningPrivateKey is ${bits} bits; it must be between 1024 and 2048 bits.`,
    );
  }
}
