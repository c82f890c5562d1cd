import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { emulatorOptionsFromEnv } from '../src/options.js';
import { ensureBuilt } from './child-emulator.js';
import { type HeldPort, holdTcpPort, holdUdpPort, startUntilExit } from './start-up-probes.js';

const mainJs = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/main.js');

/** `pnpm emulator` (`node dist/main.js`) with `env`, while `held` is taken, until it exits. */
async function startWhileHeld(held: HeldPort, env: Record<string, string>) {
  try {
    return await startUntilExit(
      mainJs,
      {
        EMULATOR_HOST: '127.0.0.1',
        EMULATOR_PORT: '0',
        EMULATOR_DNS_PORT: 'off',
        AWS_EC2_METADATA_DISABLED: 'true',
        ...env,
      },
      'ready on',
    );
  } finally {
    await held.release();
  }
}

const dnsLine = (port: number) =>
  `Port ${port} on 127.0.0.1 (the emulator's DNS server, UDP and TCP) is in use by another program: set EMULATOR_DNS_PORT to a free port, or EMULATOR_DNS_PORT=off to run without the DNS server.\n`;

describe('pnpm emulator when a port is taken', () => {
  beforeAll(() => ensureBuilt());

  it("when the DNS port is taken over UDP, then it prints one line naming it, EMULATOR_DNS_PORT and 'off', and exits non-zero", async () => {
    const held = await holdUdpPort();
    const { code, output } = await startWhileHeld(held, { EMULATOR_DNS_PORT: String(held.port) });
    expect(output).toBe(dnsLine(held.port));
    expect(code).toBe(1);
  });

  it('when the DNS port is taken over TCP, then it prints the same one line and exits non-zero', async () => {
    const held = await holdTcpPort();
    const { code, output } = await startWhileHeld(held, { EMULATOR_DNS_PORT: String(held.port) });
    expect(output).toBe(dnsLine(held.port));
    expect(code).toBe(1);
  });

  it('when its HTTP port is taken, then it prints one line naming it and EMULATOR_PORT, and exits non-zero', async () => {
    const held = await holdTcpPort();
    const { code, output } = await startWhileHeld(held, { EMULATOR_PORT: String(held.port) });
    expect(output).toBe(
      `Port ${held.port} on 127.0.0.1 (the emulator's AWS endpoint) is in use by another program: set EMULATOR_PORT to a free port.\n`,
    );
    expect(code).toBe(1);
  });

  it('when EMULATOR_DNS_PORT is off, then it starts with no DNS server and prints only its ready line', async () => {
    const { output } = await startUntilExit(
      mainJs,
      { EMULATOR_HOST: '127.0.0.1', EMULATOR_PORT: '0', EMULATOR_DNS_PORT: 'off' },
      'ready on',
    );
    expect(output).toMatch(
      /^SES \(v2 and v1\), SNS and Route 53 emulator ready on http:\/\/127\.0\.0\.1:\d+\n$/,
    );
  });
});

describe('EMULATOR_PORT and EMULATOR_DNS_PORT', () => {
  it('when they are off, a number or missing, then the options say so', () => {
    expect(emulatorOptionsFromEnv({ EMULATOR_DNS_PORT: 'off' }).dnsPort).toBeUndefined();
    expect(emulatorOptionsFromEnv({ EMULATOR_DNS_PORT: '0' }).dnsPort).toBe(0);
    expect(emulatorOptionsFromEnv({}).dnsPort).toBe(10053);
    expect(emulatorOptionsFromEnv({}).port).toBe(4566);
    expect(emulatorOptionsFromEnv({ EMULATOR_PORT: '4567' }).port).toBe(4567);
  });

  it('when they are not ports, then the error names the variable and what it takes', () => {
    expect(() => emulatorOptionsFromEnv({ EMULATOR_PORT: 'abc' })).toThrow(
      'EMULATOR_PORT must be a whole number from 0 to 65535, not "abc"',
    );
    expect(() => emulatorOptionsFromEnv({ EMULATOR_DNS_PORT: 'none' })).toThrow(
      'EMULATOR_DNS_PORT must be a port number or "off", not "none"',
    );
  });
});
