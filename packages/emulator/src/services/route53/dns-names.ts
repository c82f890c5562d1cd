/**
 * DNS names as Route 53 handles them: case-insensitive, fully qualified (trailing dot optional on input,
 * always present on output), `\ooo` octal escapes for characters outside `a-z 0-9 - _`.
 */

const MAX_NAME_LENGTH = 255;
const MAX_LABEL_LENGTH = 63;

/** Why a name is not a valid DNS name, in Route 53's FATAL-problem vocabulary. */
export interface NameProblem {
  code: string;
  description: string;
  /** What Route 53 quotes after "encountered with": the offending character, when it names one. */
  encountered?: string;
}

export type ParsedName = { ok: true; name: string } | { ok: false; problem: NameProblem };

/** Decodes `\ooo` escapes (and `\c` literals), lowercases and appends the trailing dot. */
export function parseDnsName(input: string): ParsedName {
  let decoded = '';
  for (let i = 0; i < input.length; i++) {
    const ch = input[i] as string;
    if (ch !== '\\') {
      decoded += ch;
      continue;
    }
    const octal = /^[0-7]{3}/.exec(input.slice(i + 1));
    if (octal) {
      decoded += String.fromCharCode(Number.parseInt(octal[0], 8));
      i += 3;
    } else if (i + 1 < input.length) {
      decoded += input[i + 1];
      i += 1;
    } else {
      return { ok: false, problem: { code: 'InvalidEscape', description: 'Name ends with a backslash' } };
    }
  }
  let name = decoded.toLowerCase();
  if (name === '.' || name === '') {
    return { ok: false, problem: { code: 'DomainNameEmpty', description: 'Domain name is empty' } };
  }
  if (!name.endsWith('.')) name += '.';
  const labels = name.slice(0, -1).split('.');
  for (const label of labels) {
    if (label.length === 0) {
      return { ok: false, problem: { code: 'DomainLabelEmpty', description: 'Domain label is empty' } };
    }
    if (label.length > MAX_LABEL_LENGTH) {
      return { ok: false, problem: { code: 'LabelTooLong', description: 'Domain label is too long' } };
    }
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
    const unsupported = /[\x00-\x20\x7f-\uffff]/.exec(label);
    if (unsupported) {
      // Route 53 quotes the character itself, e.g. `… UnsupportedCharacter (Value contains unsupported
      // characters) encountered with ' '` for a name with a space.
      return {
        ok: false,
        problem: {
          code: 'UnsupportedCharacter',
          description: 'Value contains unsupported characters',
          encountered: unsupported[0],
        },
      };
    }
  }
  if (name.length > MAX_NAME_LENGTH) {
    return { ok: false, problem: { code: 'DomainNameTooLong', description: 'Domain name is too long' } };
  }
  return { ok: true, name };
}

/** Whether every label is a host-name label (letters, digits, hyphen, underscore): what a zone name may use. */
export function isHostnameLike(name: string): boolean {
  return name
    .slice(0, -1)
    .split('.')
    .every((label) => /^[a-z0-9_-]+$/.test(label));
}

/** The name as Route 53 returns it: characters outside `a-z 0-9 - _ .` as `\ooo`. */
export function presentDnsName(name: string): string {
  return name.replace(/[^a-z0-9_.-]/g, (ch) => `\\${ch.charCodeAt(0).toString(8).padStart(3, '0')}`);
}

/** Sort key with the labels reversed (`www.example.com.` → `com.example.www.`), as Route 53 orders names. */
export function reversedName(name: string): string {
  const labels = name.replace(/\.$/, '').split('.');
  return `${labels.reverse().join('.')}.`;
}

/** Whether `name` equals `zone` or lies below it. */
export function isInZone(name: string, zone: string): boolean {
  return name === zone || name.endsWith(`.${zone}`);
}

/** `name` and each parent suffix, longest first: `a.b.com.` → `a.b.com.`, `b.com.`, `com.`. */
export function suffixesOf(name: string): string[] {
  const labels = name.replace(/\.$/, '').split('.');
  return labels.map((_, i) => `${labels.slice(i).join('.')}.`);
}
