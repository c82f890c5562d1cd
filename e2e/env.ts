/** Ports of the console (BFF) and of its embedded emulator, shared by the Playwright config and the fixtures. */
export const consolePort = Number(process.env.E2E_PORT ?? 18080);
export const emulatorPort = Number(process.env.E2E_EMULATOR_PORT ?? 14566);
export const consoleUrl = `http://127.0.0.1:${consolePort}`;
export const emulatorUrl = process.env.E2E_EMULATOR_URL ?? `http://127.0.0.1:${emulatorPort}`;

/**
 * The admin-portal journey's own stack: a stand-in for oauth2-proxy on `authPort` in front of a BFF in
 * AUTH_MODE=proxy (`authBffPort`) with its own emulator. Defaults: the ports above plus one or two.
 */
export const authPort = Number(process.env.E2E_AUTH_PORT ?? consolePort + 2);
export const authBffPort = Number(process.env.E2E_AUTH_BFF_PORT ?? consolePort + 1);
export const authEmulatorPort = Number(process.env.E2E_AUTH_EMULATOR_PORT ?? emulatorPort + 1);
export const authDnsPort = Number(
  process.env.E2E_AUTH_DNS_PORT ?? Number(process.env.E2E_DNS_PORT ?? 11053) + 1,
);
export const authUrl = `http://127.0.0.1:${authPort}`;
export const authEmulatorUrl = `http://127.0.0.1:${authEmulatorPort}`;
