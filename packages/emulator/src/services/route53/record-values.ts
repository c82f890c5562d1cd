import { isIPv4, isIPv6 } from 'node:net';
import { parseDnsName } from './dns-names.js';

/**
 * Resource record value rules per record type. Each problem is reported in Route 53's wording:
 * `Invalid Resource Record: FATAL problem: <Code> (<description>) encountered with '<value>'`.
 */

/** Longest `Value` Route 53 accepts for one resource record. */
export const MAX_VALUE_LENGTH = 4000;
/** Longest character-string inside a TXT/SPF value (RFC 1035). */
export const MAX_CHARACTER_STRING_LENGTH = 255;

function fatal(code: string, description: string, value: string): string {
  return `Invalid Resource Record: FATAL problem: ${code} (${description}) encountered with '${value}'`;
}

/** Splits a TXT/SPF value into its quoted character-strings; `undefined` when it is not all quoted strings. */
function characterStrings(value: string): string[] | undefined {
  const strings: string[] = [];
  let i = 0;
  while (i < value.length) {
    if (value[i] === ' ' || value[i] === '\t') {
      i++;
      continue;
    }
    if (value[i] !== '"') return undefined;
    let text = '';
    i++;
    let closed = false;
    while (i < value.length) {
      const ch = value[i] as string;
      if (ch === '\\' && i + 1 < value.length) {
        const octal = /^[0-9]{3}/.exec(value.slice(i + 1));
        text += octal ? String.fromCharCode(Number(octal[0])) : value[i + 1];
        i += octal ? 4 : 2;
        continue;
      }
      if (ch === '"') {
        closed = true;
        i++;
        break;
      }
      text += ch;
      i++;
    }
    if (!closed) return undefined;
    strings.push(text);
  }
  return strings.length > 0 ? strings : undefined;
}

function checkDomainValue(value: string): string | undefined {
  const parsed = parseDnsName(value);
  return parsed.ok ? undefined : fatal(parsed.problem.code, parsed.problem.description, value);
}

function checkUint16(field: string, value: string): boolean {
  return /^\d+$/.test(field) && Number(field) <= 65535 && value.length > 0;
}

const CHECKS: Record<string, (value: string) => string | undefined> = {
  A: (v) =>
    isIPv4(v) ? undefined : fatal('ARRDATAIllegalIPv4Address', 'Value is not a valid IPv4 address', v),
  AAAA: (v) =>
    isIPv6(v) ? undefined : fatal('AAAARRDATAIllegalIPv6Address', 'Value is not a valid IPv6 address', v),
  CNAME: checkDomainValue,
  NS: checkDomainValue,
  PTR: checkDomainValue,
  MX: (v) => {
    const fields = v.trim().split(/\s+/);
    if (fields.length !== 2) return fatal('MXRRDATANotTwoFields', "MX record doesn't have 2 fields", v);
    if (!checkUint16(fields[0] as string, v)) {
      return fatal('MXRRDATAIllegalPriority', 'MX priority must be an integer from 0 to 65535', v);
    }
    return checkDomainValue(fields[1] as string);
  },
  SRV: (v) => {
    const fields = v.trim().split(/\s+/);
    if (fields.length !== 4) return fatal('SRVRRDATANotFourFields', "SRV record doesn't have 4 fields", v);
    if (!fields.slice(0, 3).every((f) => checkUint16(f, v))) {
      return fatal(
        'SRVRRDATAIllegalNumber',
        'SRV priority, weight and port must be integers from 0 to 65535',
        v,
      );
    }
    return checkDomainValue(fields[3] as string);
  },
  TXT: checkTxt,
  SPF: checkTxt,
  SOA: (v) =>
    v.trim().split(/\s+/).length === 7
      ? undefined
      : fatal('SOARRDATANotSevenFields', "SOA record doesn't have 7 fields", v),
};

function checkTxt(value: string): string | undefined {
  const strings = characterStrings(value);
  if (!strings) {
    return fatal('InvalidCharacterString', 'Value should be enclosed in quotation marks', value);
  }
  if (strings.some((s) => s.length > MAX_CHARACTER_STRING_LENGTH)) {
    return fatal('CharacterStringTooLong', 'Value is too long', value);
  }
  return undefined;
}

/** The first problem with `value` as a record of `type`, or `undefined` when Route 53 would accept it. */
export function checkRecordValue(type: string, value: string): string | undefined {
  if (value.length === 0) return fatal('EmptyValue', 'Value is empty', value);
  if (value.length > MAX_VALUE_LENGTH) return fatal('ValueTooLong', 'Value is too long', value);
  return CHECKS[type]?.(value);
}

/** Values compared the way Route 53 matches a DELETE against the current set (order does not matter). */
export function sameValues(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const sortedB = [...b].sort();
  return [...a].sort().every((v, i) => v === sortedB[i]);
}
