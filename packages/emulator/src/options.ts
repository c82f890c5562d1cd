import type { VerificationMode } from './core.js';
import { type FaultConfig, parseFaultConfig } from './faults/fault-injector.js';
import { type EmulatorLogger, jsonLinesLogger, parseLogLevel } from './logger.js';
import { parseCredentials, type SigV4Credential } from './protocol/sigv4.js';
import { parseRoleEntries, type RoleEntry } from './services/sts/roles.js';

export interface EmulatorOptions {
  /** TCP port; 0 picks a free one. Default 4566. */
  port?: number;
  host?: string;
  /** Folder for the SQLite store; omitted means in-memory. */
  dataDir?: string;
  verificationMode?: VerificationMode;
  /** Accounts start in the SES sandbox (default true, as in AWS); false grants production access. */
  sandbox?: boolean;
  defaultAccountId?: string;
  defaultRegion?: string;
  /**
   * Port of the DNS server (UDP + TCP on `host`) that serves the default account's public hosted zones;
   * omitted means no DNS server; 0 picks a free port.
   */
  dnsPort?: number;
  /** `sigv4`: verify every AWS request's signature against these keys (default: accept any signature). */
  auth?: { mode: 'sigv4'; credentials: ReadonlyMap<string, SigV4Credential> };
  /**
   * How the verification engine looks at public DNS: `store` (default) reads the Route 53 store;
   * `resolver` asks DNS servers (default: the emulator's own DNS server) like SES would.
   */
  verificationDns?: { mode: 'store' } | { mode: 'resolver'; servers?: string[] };
  /**
   * EMULATOR_ROUTE53_RESERVED_NAMES=on: CreateHostedZone refuses the names AWS reserves (example.com,
   * example.net, example.org and below) as AWS does. Default off: those are the names demos and tests use.
   */
  route53ReservedNames?: boolean;
  /**
   * EMULATOR_ROLES: the only roles STS AssumeRole accepts, each with the external id it requires and its
   * maximum session. Omitted: any well-formed role ARN (as with LocalStack). `/_emulator/roles` changes it.
   */
  roles?: RoleEntry[];
  /** Faults injected from start-up (also settable at run time through `/_emulator/faults`). */
  faults?: FaultConfig;
  /**
   * EMULATOR_CONTROL_TOKEN: when set, `/_emulator/*` and `/_aws/ses` (but the health probe and the
   * verification link) need it in `x-emulator-control-token` or `Authorization: Bearer`. Required to
   * listen on a non-loopback `host`.
   */
  controlToken?: string;
  /** A request's headers and body must have arrived within this (default 120 s; then 408). */
  requestTimeoutMs?: number;
  /** Open connections at most (default 1000). */
  maxConnections?: number;
  /**
   * Where the emulator logs (unexpected errors; each request at debug level). Embedded, pass the host's
   * pino logger; default: JSON lines on stderr at info level.
   */
  logger?: EmulatorLogger;
}

/** Addresses only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Emulator options from the documented environment variables (docs/configuration.md, "Emulator"). */
export function emulatorOptionsFromEnv(env: NodeJS.ProcessEnv): EmulatorOptions {
  const mode = env.EMULATOR_VERIFICATION ?? 'realistic';
  if (mode !== 'realistic' && mode !== 'auto') {
    throw new Error(`EMULATOR_VERIFICATION must be "realistic" or "auto", not "${mode}"`);
  }
  return {
    port: parseBoundedInt('EMULATOR_PORT', env.EMULATOR_PORT, 0, 65_535) ?? 4566,
    host: env.EMULATOR_HOST ?? '127.0.0.1',
    dataDir: env.DATA_DIR ?? '.data',
    verificationMode: mode,
    sandbox: parseSandbox(env.EMULATOR_SANDBOX),
    defaultAccountId: env.EMULATOR_ACCOUNT_ID ?? '000000000000',
    defaultRegion: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1',
    dnsPort: parseDnsPort(env.EMULATOR_DNS_PORT),
    auth: parseAuth(env.EMULATOR_AUTH, env.EMULATOR_CREDENTIALS),
    verificationDns: parseVerificationDns(
      env.EMULATOR_VERIFICATION_DNS,
      env.EMULATOR_VERIFICATION_DNS_SERVERS,
    ),
    route53ReservedNames: parseOnOff('EMULATOR_ROUTE53_RESERVED_NAMES', env.EMULATOR_ROUTE53_RESERVED_NAMES),
    faults: env.EMULATOR_FAULTS ? parseFaultsEnv(env.EMULATOR_FAULTS) : undefined,
    roles: parseRolesEnv(env.EMULATOR_ROLES),
    controlToken: parseControlToken(env.EMULATOR_CONTROL_TOKEN),
    requestTimeoutMs: parseBoundedInt(
      'EMULATOR_REQUEST_TIMEOUT_MS',
      env.EMULATOR_REQUEST_TIMEOUT_MS,
      1_000,
      600_000,
    ),
    maxConnections: parseBoundedInt('EMULATOR_MAX_CONNECTIONS', env.EMULATOR_MAX_CONNECTIONS, 1, 1_000_000),
    // Standalone: JSON lines on stderr at LOG_LEVEL (`debug` adds a line per request). The BFF passes its
    // own pino logger instead.
    logger: jsonLinesLogger({ level: parseLogLevel(env.LOG_LEVEL) }),
  };
}

/** `EMULATOR_SANDBOX=on` (default, as AWS) or `off` (every account starts with production access). */
function parseSandbox(value: string | undefined): boolean {
  if (value === undefined || value === '' || value === 'on') return true;
  if (value === 'off') return false;
  throw new Error(`EMULATOR_SANDBOX must be "on" or "off", not "${value}"`);
}

function parseControlToken(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (value.length < 16 || /\s/.test(value)) {
    throw new Error('EMULATOR_CONTROL_TOKEN must be at least 16 characters without spaces');
  }
  return value;
}

function parseBoundedInt(
  name: string,
  value: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined || value === '') return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, not "${value}"`);
  }
  return number;
}

/** An `on`/`off` switch; unset means off. */
function parseOnOff(name: string, value: string | undefined): boolean {
  if (value === undefined || value === '' || value === 'off') return false;
  if (value === 'on') return true;
  throw new Error(`${name} must be "on" or "off", not "${value}"`);
}

/** `EMULATOR_DNS_PORT`: default 10053; `off` turns the DNS server off; 0 picks a free port. */
function parseDnsPort(value: string | undefined): number | undefined {
  if (value === 'off') return undefined;
  const port = Number(value ?? 10053);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`EMULATOR_DNS_PORT must be a port number or "off", not "${value}"`);
  }
  return port;
}

/** `EMULATOR_AUTH=sigv4` with `EMULATOR_CREDENTIALS=AKID:SECRET[:ACCOUNT],…`; `none` (default) accepts any signature. */
function parseAuth(mode: string | undefined, credentials: string | undefined): EmulatorOptions['auth'] {
  if (mode === undefined || mode === 'none') return undefined;
  if (mode !== 'sigv4') throw new Error(`EMULATOR_AUTH must be "none" or "sigv4", not "${mode}"`);
  const parsed = parseCredentials(credentials ?? '');
  if (parsed.size === 0)
    throw new Error('EMULATOR_AUTH=sigv4 needs EMULATOR_CREDENTIALS=ACCESS_KEY_ID:SECRET[:ACCOUNT_ID],…');
  return { mode: 'sigv4', credentials: parsed };
}

/** `EMULATOR_ROLES`: a JSON list of `{arn, externalId?, maxSessionDuration?}`; unset or empty: any role. */
function parseRolesEnv(text: string | undefined): RoleEntry[] | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(
      `EMULATOR_ROLES must be JSON like [{"arn":"arn:aws:iam::123456789012:role/ConsoleRole","externalId":"x"}]: ${(error as Error).message}`,
    );
  }
  return parseRoleEntries(value, 'EMULATOR_ROLES');
}

function parseFaultsEnv(text: string): FaultConfig {
  try {
    return parseFaultConfig(JSON.parse(text));
  } catch (error) {
    throw new Error(
      `EMULATOR_FAULTS must be JSON like {"rules":[{"service":"sesv2","operation":"*","throttleProbability":0.3}]}: ${(error as Error).message}`,
    );
  }
}

/** `EMULATOR_VERIFICATION_DNS=store|resolver` and `EMULATOR_VERIFICATION_DNS_SERVERS=host[:port],…`. */
function parseVerificationDns(
  mode: string | undefined,
  servers: string | undefined,
): EmulatorOptions['verificationDns'] {
  if (mode === undefined || mode === 'store') return { mode: 'store' };
  if (mode !== 'resolver')
    throw new Error(`EMULATOR_VERIFICATION_DNS must be "store" or "resolver", not "${mode}"`);
  const list = (servers ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return { mode: 'resolver', servers: list.length > 0 ? list : undefined };
}

/** A port a process listens on, named for the person who has to move it. */
export interface ListeningPort {
  port: number;
  /** The environment variable that sets it, e.g. `PORT`. */
  variable: string;
  /** What listens there, e.g. `the console`. */
  what: string;
  /** Whether it is a UDP port too (a failed UDP `bind` can only be this one). */
  udp?: boolean;
  /** How to run without it at all, e.g. `EMULATOR_DNS_PORT=off to run without the DNS server`. */
  without?: string;
}

/**
 * The one line to print when a listener could not get its port (`EADDRINUSE`, or `EACCES` for a
 * privileged port): the port, what wanted it and the variable that moves it — instead of Node's stack
 * trace. `undefined` for any other error, or a port that is not among `ports`.
 */
export function portConflictLine(error: unknown, ports: readonly ListeningPort[]): string | undefined {
  const failure = error as (NodeJS.ErrnoException & { port?: unknown; address?: unknown }) | undefined;
  const code = failure?.code;
  if (code !== 'EADDRINUSE' && code !== 'EACCES') return undefined;
  const udp = failure?.syscall === 'bind';
  const port = ports.find((p) => p.port === failure?.port && (!udp || p.udp));
  if (!port) return undefined;
  const where = `Port ${port.port}${typeof failure?.address === 'string' ? ` on ${failure.address}` : ''} (${port.what})`;
  const or = port.without ? `, or ${port.without}` : '';
  return code === 'EADDRINUSE'
    ? `${where} is in use by another program: set ${port.variable} to a free port${or}.`
    : `${where} needs privileges this process does not have: set ${port.variable} to a port above 1023${or}.`;
}

/** The ports `startEmulator(options)` listens on, and the variables that set them. */
export function emulatorPorts(options: EmulatorOptions): ListeningPort[] {
  const ports: ListeningPort[] = [
    { port: options.port ?? 4566, variable: 'EMULATOR_PORT', what: "the emulator's AWS endpoint" },
  ];
  if (options.dnsPort !== undefined) {
    ports.push({
      port: options.dnsPort,
      variable: 'EMULATOR_DNS_PORT',
      what: "the emulator's DNS server, UDP and TCP",
      udp: true,
      without: 'EMULATOR_DNS_PORT=off to run without the DNS server',
    });
  }
  return ports;
}
