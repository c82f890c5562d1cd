import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type HeldPort,
  holdTcpPort,
  holdUdpPort,
  startUntilExit,
} from '@ses-console/emulator/testing/start-up-probes';
import { describe, expect, it } from 'vitest';

const indexJs = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/index.js');

/** `npm start`'s server (`node dist/index.js`, built by the global set-up) while `held` is taken. */
async function startWhileHeld(held: HeldPort, env: Record<string, string>) {
  try {
    return await startUntilExit(
      indexJs,
      {
        SES_BACKEND: 'emulator',
        HOST: '127.0.0.1',
        PORT: '0',
        EMULATOR_PORT: '0',
        EMULATOR_DNS_PORT: 'off',
        LOG_LEVEL: 'warn',
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        ...env,
      },
      'console ready',
    );
  } finally {
    await held.release();
  }
}

const dnsLine = (port: number) =>
  `Port ${port} on 127.0.0.1 (the emulator's DNS server, UDP and TCP) is in use by another program: set EMULATOR_DNS_PORT to a free port, or EMULATOR_DNS_PORT=off to run without the DNS server.\n`;

describe('npm start when a port is taken', () => {
  it("when the DNS port is taken over UDP, then the BFF prints one line naming it, EMULATOR_DNS_PORT and 'off', and exits non-zero", async () => {
    const held = await holdUdpPort();
    const { code, output } = await startWhileHeld(held, { EMULATOR_DNS_PORT: String(held.port) });
    expect(output).toBe(dnsLine(held.port));
    expect(code).toBe(1);
  });

  it('when the DNS port is taken over TCP, then the BFF prints the same one line and exits non-zero', async () => {
    const held = await holdTcpPort();
    const { code, output } = await startWhileHeld(held, { EMULATOR_DNS_PORT: String(held.port) });
    expect(output).toBe(dnsLine(held.port));
    expect(code).toBe(1);
  });

  it("when the embedded emulator's port is taken, then the BFF prints one line naming it and EMULATOR_PORT, and exits non-zero", async () => {
    const held = await holdTcpPort();
    const { code, output } = await startWhileHeld(held, { EMULATOR_PORT: String(held.port) });
    expect(output).toBe(
      `Port ${held.port} on 127.0.0.1 (the emulator's AWS endpoint) is in use by another program: set EMULATOR_PORT to a free port.\n`,
    );
    expect(code).toBe(1);
  });

  it("when the console's port is taken, then the BFF prints one line naming it and PORT, and exits non-zero", async () => {
    const held = await holdTcpPort();
    const { code, output } = await startWhileHeld(held, { PORT: String(held.port) });
    expect(output).toBe(
      `Port ${held.port} on 127.0.0.1 (the console) is in use by another program: set PORT to a free port.\n`,
    );
    expect(code).toBe(1);
  });
});
