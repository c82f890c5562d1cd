import type { VerificationMode } from './core.js';

export interface EmulatorOptions {
  /** TCP port; 0 picks a free one. Default 4566. */
  port?: number;
  host?: string;
  /** Folder for the SQLite store; omitted means in-memory. */
  dataDir?: string;
  verificationMode?: VerificationMode;
  defaultAccountId?: string;
  defaultRegion?: string;
  /**
   * Port of the DNS server (UDP + TCP on `host`) that serves the default account's public hosted zones;
   * omitted means no DNS server; 0 picks a free port.
   */
  dnsPort?: number;
}

/** Emulator options from the documented environment variables (README, "Emulator"). */
export function emulatorOptionsFromEnv(env: NodeJS.ProcessEnv): EmulatorOptions {
  const mode = env.EMULATOR_VERIFICATION ?? 'realistic';
  if (mode !== 'realistic' && mode !== 'auto') {
    throw new Error(`EMULATOR_VERIFICATION must be "realistic" or "auto", not "${mode}"`);
  }
  return {
    port: env.EMULATOR_PORT ? Number(env.EMULATOR_PORT) : 4566,
    host: env.EMULATOR_HOST ?? '127.0.0.1',
    dataDir: env.DATA_DIR ?? '.data',
    verificationMode: mode,
    defaultAccountId: env.EMULATOR_ACCOUNT_ID ?? '000000000000',
    defaultRegion: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1',
    dnsPort: parseDnsPort(env.EMULATOR_DNS_PORT),
  };
}

/** `EMULATOR_DNS_PORT`: default 10053; `off` turns the DNS server off. */
function parseDnsPort(value: string | undefined): number | undefined {
  if (value === 'off') return undefined;
  const port = Number(value ?? 10053);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`EMULATOR_DNS_PORT must be a port number or "off", not "${value}"`);
  }
  return port;
}
