/**
 * SPF records as Route 53 holds them (TXT values in presentation form: one or more quoted strings) and
 * the one change publishing makes to them: SES's `include:amazonses.com`. RFC 7208: a name may have only
 * one SPF record (two are a permerror, and SPF fails for every sender), so SES's mechanism is merged into
 * an existing record instead of being added as a second one.
 */

export const AMAZON_SES_INCLUDE = 'include:amazonses.com';

/** Route 53 TXT strings are at most 255 characters; longer text is split into several strings. */
const MAX_TXT_STRING = 255;

/**
 * The character strings of a TXT value in presentation form (`"a" "b"`; `\"`, `\\` and Route 53's octal
 * `\ooo` escapes).
 * A value that is not quoted counts as one string.
 */
export function txtStrings(value: string): string[] {
  const text = value.trim();
  if (!text.startsWith('"')) return [text];
  const strings: string[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text.charAt(i))) i++;
    if (i >= text.length) break;
    if (text.charAt(i) !== '"') {
      // An unquoted run between quoted strings: keep it as its own string.
      const start = i;
      while (i < text.length && !/\s/.test(text.charAt(i))) i++;
      strings.push(text.slice(start, i));
      continue;
    }
    i++;
    let current = '';
    while (i < text.length && text.charAt(i) !== '"') {
      const ch = text.charAt(i);
      if (ch === '\\' && i + 1 < text.length) {
        const octal = /^[0-7]{3}/.exec(text.slice(i + 1, i + 4));
        if (octal) {
          current += String.fromCharCode(Number.parseInt(octal[0], 8));
          i += 4;
        } else {
          current += text.charAt(i + 1);
          i += 2;
        }
        continue;
      }
      current += ch;
      i++;
    }
    i++; // closing quote
    strings.push(current);
  }
  return strings;
}

/** The text a resolver sees: the strings joined without separator (RFC 7208 §3.3). */
export function txtText(value: string): string {
  return txtStrings(value).join('');
}

const escapeTxt = (chunk: string) =>
  chunk.replace(/[\\"]/g, '\\$&').replace(/[^\x20-\x7e]/g, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\${code.toString(8).padStart(3, '0')}` : c;
  });

/** Presentation form of `text`, split into quoted strings of at most 255 characters. */
export function toTxtValue(text: string): string {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += MAX_TXT_STRING) chunks.push(text.slice(i, i + MAX_TXT_STRING));
  return (chunks.length > 0 ? chunks : ['']).map((c) => `"${escapeTxt(c)}"`).join(' ');
}

export function isSpf(value: string): boolean {
  return /^v=spf1(\s|$)/i.test(txtText(value).trim());
}

function termsOf(value: string): string[] {
  return txtText(value).trim().split(/\s+/).slice(1).filter(Boolean);
}

const isSesInclude = (term: string) => /^\+?include:amazonses\.com\.?$/i.test(term);
const isAll = (term: string) => /^[+\-~?]?all$/i.test(term);
const modifierName = (term: string) => /^([a-z][a-z0-9_.-]*)=/i.exec(term)?.[1]?.toLowerCase();

/** Whether this SPF record authorises SES (has `include:amazonses.com`). */
export function includesAmazonSes(value: string): boolean {
  return termsOf(value).some(isSesInclude);
}

/**
 * What SES's MAIL FROM SPF asks of the TXT values at a name: exactly one SPF record, and it includes
 * amazonses.com (the record SES suggests, or any merged one).
 */
export function satisfiesSesSpf(values: readonly string[]): boolean {
  const spf = values.filter(isSpf);
  return spf.length === 1 && includesAmazonSes(spf[0] as string);
}

/**
 * One SPF record from `records` (usually one) with `include:amazonses.com` added: the mechanisms in
 * their order without repeats, SES's include before the first `all`, modifiers (`redirect=`, `exp=`)
 * last and once each; `redirect=` is dropped when there is an `all` (RFC 7208 §6.1 ignores it then).
 */
export function mergeAmazonSesInclude(records: readonly string[]): string {
  const mechanisms: string[] = [];
  const modifiers = new Map<string, string>();
  let all: string | undefined;
  for (const record of records) {
    for (const term of termsOf(record)) {
      const modifier = modifierName(term);
      if (isAll(term)) all ??= term;
      else if (modifier) {
        if (!modifiers.has(modifier)) modifiers.set(modifier, term);
      } else if (!mechanisms.some((m) => m.toLowerCase() === term.toLowerCase())) mechanisms.push(term);
    }
  }
  if (!mechanisms.some(isSesInclude)) mechanisms.push(AMAZON_SES_INCLUDE);
  if (all) modifiers.delete('redirect');
  return toTxtValue(['v=spf1', ...mechanisms, ...(all ? [all] : []), ...modifiers.values()].join(' '));
}
