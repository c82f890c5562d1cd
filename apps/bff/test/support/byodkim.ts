import { generateKeyPairSync } from 'node:crypto';

/** A BYODKIM private key as SES takes it: the base64 body of a PEM RSA key, no header lines. */
export function byodkimKey(): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
  return privateKey
    .export({ type: 'pkcs1', format: 'pem' })
    .toString()
    .replace(/-----[A-Z ]+-----/g, '')
    .replace(/\s+/g, '');
}
