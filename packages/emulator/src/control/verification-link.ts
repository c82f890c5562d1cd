/**
 * The verification link of a captured verification email: how the emulator writes it and how a reader
 * (the BFF's mailbox, e2e, the demo kit) finds it again. Pure and dependency-free, exported as
 * `@ses-console/emulator/verification-link`.
 *
 * Reading is a bounded scan, linear in the text: find each occurrence of the literal
 * `/_emulator/verify-email?token=` with `indexOf`, walk back to the start of the URL (never past the
 * previous occurrence, so no character is looked at twice) and forward over the token. A regular
 * expression such as `https?:\/\/[^\s"'<>]+\/_emulator\/…` backtracks over every `http://` it sees and
 * takes quadratic time on a message of many of them.
 *
 * Only a link to the given emulator's own verify endpoint counts: same origin, exactly this path, and a
 * token shaped as the emulator mints them. A link to any other host is just text.
 */

export const VERIFY_EMAIL_PATH = '/_emulator/verify-email';

/** What `GET /_emulator/verify-email` accepts as `token`; the emulator mints 32 (24 random bytes, base64url). */
export const VERIFICATION_TOKEN_RULE = '16 to 128 characters of A-Z, a-z, 0-9, "_" and "-"';
const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;
const MAX_TOKEN_CHARS = 128;
/** Longest origin (`http://host:port`) looked at in front of the path; real ones are far shorter. */
const MAX_ORIGIN_CHARS = 2048;

const MARKER = `${VERIFY_EMAIL_PATH}?token=`;

export interface VerificationLink {
  /** The link as the emulator writes it: `<origin>/_emulator/verify-email?token=<token>`. */
  url: string;
  token: string;
}

export function isVerificationToken(value: unknown): value is string {
  return typeof value === 'string' && TOKEN.test(value);
}

/** The link a verification email carries; `emulatorUrl` is the emulator's public URL. */
export function verificationLinkFor(emulatorUrl: string, token: string): string {
  return `${emulatorUrl.replace(/\/+$/, '')}${MARKER}${token}`;
}

/** A character that cannot be part of a URL in the mail text (where a link starts or ends). */
function isDelimiter(code: number): boolean {
  // whitespace (as \s), " ' < >
  if (code === 0x22 || code === 0x27 || code === 0x3c || code === 0x3e) return true;
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0x80) return false;
  return /\s/.test(String.fromCharCode(code));
}

function isTokenChar(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) || // 0-9
    (code >= 0x41 && code <= 0x5a) || // A-Z
    (code >= 0x61 && code <= 0x7a) || // a-z
    code === 0x2d || // -
    code === 0x5f // _
  );
}

/** `http://host:port` as the WHATWG URL parser normalises it; `undefined` for anything else. */
function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.origin === 'null' ? undefined : parsed.origin;
  } catch {
    return undefined;
  }
}

/** `scheme://authority` and nothing more: no path, query, fragment or user info. Anchored, no nesting. */
const ORIGIN_AS_WRITTEN = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#\\@]+$/;

/** Whether `prefix` (the text in front of the path) is exactly `origin`, written in any case. */
function isOrigin(prefix: string, origin: string): boolean {
  if (!ORIGIN_AS_WRITTEN.test(prefix)) return false;
  try {
    return new URL(prefix).href === `${origin}/`;
  } catch {
    return false;
  }
}

/**
 * The first verification link in `text` that points at the emulator at `emulatorUrl`, or `undefined`.
 * Never throws, whatever the text (malformed URLs, `%zz`, lone surrogates).
 */
export function findVerificationLink(text: string, emulatorUrl: string): VerificationLink | undefined {
  const origin = originOf(emulatorUrl);
  if (origin === undefined) return undefined;
  let floor = 0; // nothing before this index is looked at again
  let at = text.indexOf(MARKER);
  while (at !== -1) {
    let start = at;
    const backLimit = Math.max(floor, at - MAX_ORIGIN_CHARS);
    while (start > backLimit && !isDelimiter(text.charCodeAt(start - 1))) start--;
    const tokenStart = at + MARKER.length;
    let end = tokenStart;
    while (end < text.length && end - tokenStart <= MAX_TOKEN_CHARS && isTokenChar(text.charCodeAt(end))) {
      end++;
    }
    const bounded = start === 0 || isDelimiter(text.charCodeAt(start - 1));
    const token = text.slice(tokenStart, end);
    if (bounded && isVerificationToken(token) && isOrigin(text.slice(start, at), origin)) {
      return { url: verificationLinkFor(origin, token), token };
    }
    floor = Math.max(end, tokenStart);
    at = text.indexOf(MARKER, floor);
  }
  return undefined;
}
