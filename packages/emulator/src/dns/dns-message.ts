/**
 * Minimal DNS wire format (RFC 1035) for an authoritative server: parse one question, write answers.
 * Record data comes in Route 53's presentation form (`10 mail.example.com`, `"v=spf1 …"`, SOA text).
 */
export const RR_TYPES = {
  A: 1,
  NS: 2,
  CNAME: 5,
  SOA: 6,
  PTR: 12,
  MX: 15,
  TXT: 16,
  AAAA: 28,
  SRV: 33,
  SPF: 99,
  CAA: 257,
  ANY: 255,
} as const;
export type RrTypeName = keyof typeof RR_TYPES;

const TYPE_NAMES = new Map<number, RrTypeName>(
  Object.entries(RR_TYPES).map(([k, v]) => [v, k as RrTypeName]),
);

export function typeName(code: number): string {
  return TYPE_NAMES.get(code) ?? `TYPE${code}`;
}

export const RCODE = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 } as const;
export type Rcode = keyof typeof RCODE;

export interface DnsQuestion {
  id: number;
  /** Lowercase, no trailing dot. */
  name: string;
  type: number;
  klass: number;
  recursionDesired: boolean;
}

export interface ResourceRecord {
  /** Owner name, no trailing dot. */
  name: string;
  type: RrTypeName;
  ttl: number;
  /** One value in Route 53 presentation form. */
  value: string;
}

export class DnsFormatError extends Error {}

function readName(buf: Buffer, start: number): { name: string; end: number } {
  const labels: string[] = [];
  let offset = start;
  let end = -1;
  for (let jumps = 0; jumps < 64; ) {
    const len = buf[offset];
    if (len === undefined) throw new DnsFormatError('name runs past the message');
    if (len === 0) {
      if (end < 0) end = offset + 1;
      return { name: labels.join('.'), end };
    }
    if ((len & 0xc0) === 0xc0) {
      const next = buf[offset + 1];
      if (next === undefined) throw new DnsFormatError('truncated pointer');
      if (end < 0) end = offset + 2;
      offset = ((len & 0x3f) << 8) | next;
      jumps++;
      continue;
    }
    if (offset + 1 + len > buf.length) throw new DnsFormatError('label runs past the message');
    labels.push(buf.toString('latin1', offset + 1, offset + 1 + len));
    offset += 1 + len;
  }
  throw new DnsFormatError('too many compression pointers');
}

export function parseQuery(buf: Buffer): DnsQuestion {
  if (buf.length < 12) throw new DnsFormatError('message shorter than a header');
  const id = buf.readUInt16BE(0);
  const flags = buf.readUInt16BE(2);
  if (flags & 0x8000) throw new DnsFormatError('not a query');
  if (buf.readUInt16BE(4) !== 1) throw new DnsFormatError('exactly one question expected');
  const { name, end } = readName(buf, 12);
  if (end + 4 > buf.length) throw new DnsFormatError('question runs past the message');
  return {
    id,
    name: name.toLowerCase(),
    type: buf.readUInt16BE(end),
    klass: buf.readUInt16BE(end + 2),
    recursionDesired: Boolean(flags & 0x0100),
  };
}

function encodeName(name: string): Buffer {
  const trimmed = name.replace(/\.$/, '');
  const parts: Buffer[] = [];
  if (trimmed) {
    for (const label of trimmed.split('.')) {
      const bytes = Buffer.from(label, 'latin1');
      if (bytes.length === 0 || bytes.length > 63) throw new DnsFormatError(`bad label in ${name}`);
      parts.push(Buffer.from([bytes.length]), bytes);
    }
  }
  parts.push(Buffer.from([0]));
  return Buffer.concat(parts);
}

/** Splits Route 53 TXT presentation (`"a" "b"`, with `\"` escapes) into character strings. */
export function txtStrings(value: string): string[] {
  const strings: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"/g;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    strings.push(
      (m[1] as string).replace(/\\(\d{3}|.)/g, (_, e: string) =>
        e.length === 3 ? String.fromCharCode(Number.parseInt(e, 8)) : e,
      ),
    );
  }
  return strings.length > 0 ? strings : [value];
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}

function encodeRdata(rr: ResourceRecord): Buffer {
  const words = rr.value.trim().split(/\s+/);
  switch (rr.type) {
    case 'A':
      return Buffer.from(rr.value.trim().split('.').map(Number));
    case 'AAAA': {
      const [head = '', tail = ''] = rr.value.trim().split('::');
      const h = head ? head.split(':') : [];
      const t = tail ? tail.split(':') : [];
      const groups = rr.value.includes('::') ? [...h, ...Array(8 - h.length - t.length).fill('0'), ...t] : h;
      return Buffer.concat(groups.map((g) => u16(Number.parseInt(g, 16))));
    }
    case 'CNAME':
    case 'NS':
    case 'PTR':
      return encodeName(rr.value.trim());
    case 'MX':
      return Buffer.concat([u16(Number(words[0])), encodeName(words[1] ?? '')]);
    case 'SRV':
      return Buffer.concat([
        u16(Number(words[0])),
        u16(Number(words[1])),
        u16(Number(words[2])),
        encodeName(words[3] ?? ''),
      ]);
    case 'TXT':
    case 'SPF':
      return Buffer.concat(
        txtStrings(rr.value).map((s) => {
          const bytes = Buffer.from(s, 'utf8').subarray(0, 255);
          return Buffer.concat([Buffer.from([bytes.length]), bytes]);
        }),
      );
    case 'SOA':
      return Buffer.concat([
        encodeName(words[0] ?? ''),
        encodeName(words[1] ?? ''),
        ...words.slice(2, 7).map((w) => u32(Number(w))),
      ]);
    case 'CAA': {
      const tag = Buffer.from(words[1] ?? '', 'latin1');
      return Buffer.concat([
        Buffer.from([Number(words[0]), tag.length]),
        tag,
        Buffer.from(txtStrings(words.slice(2).join(' '))[0] ?? '', 'utf8'),
      ]);
    }
    default:
      throw new DnsFormatError(`cannot encode ${rr.type}`);
  }
}

function encodeRecord(rr: ResourceRecord): Buffer {
  const rdata = encodeRdata(rr);
  return Buffer.concat([
    encodeName(rr.name),
    u16(RR_TYPES[rr.type]),
    u16(1),
    u32(rr.ttl),
    u16(rdata.length),
    rdata,
  ]);
}

export interface DnsAnswer {
  rcode: Rcode;
  /** Authoritative answer (the name is in one of our zones). */
  authoritative: boolean;
  answers: ResourceRecord[];
  authority: ResourceRecord[];
}

/** Builds the response message; over UDP, sets TC and drops records past `maxBytes`. */
export function buildResponse(
  q: DnsQuestion,
  answer: DnsAnswer,
  maxBytes = Number.POSITIVE_INFINITY,
): Buffer {
  const question = Buffer.concat([encodeName(q.name), u16(q.type), u16(q.klass)]);
  const encode = (records: ResourceRecord[]) => records.map(encodeRecord);
  let answers = encode(answer.answers);
  let authority = encode(answer.authority);
  let truncated = false;
  const size = () => 12 + question.length + [...answers, ...authority].reduce((n, b) => n + b.length, 0);
  if (size() > maxBytes) {
    truncated = true;
    authority = [];
    while (answers.length > 0 && size() > maxBytes) answers = answers.slice(0, -1);
  }
  let flags = 0x8000 | RCODE[answer.rcode];
  if (answer.authoritative) flags |= 0x0400;
  if (truncated) flags |= 0x0200;
  if (q.recursionDesired) flags |= 0x0100;
  const header = Buffer.concat([
    u16(q.id),
    u16(flags),
    u16(1),
    u16(answers.length),
    u16(authority.length),
    u16(0),
  ]);
  return Buffer.concat([header, question, ...answers, ...authority]);
}

/** An error response for a query that could not be parsed past its id. */
export function buildErrorResponse(buf: Buffer, rcode: Rcode): Buffer | undefined {
  if (buf.length < 2) return undefined;
  return Buffer.concat([buf.subarray(0, 2), u16(0x8000 | RCODE[rcode]), u16(0), u16(0), u16(0), u16(0)]);
}
