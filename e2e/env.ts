/** Ports of the console (BFF) and of its embedded emulator, shared by the Playwright config and the fixtures. */
export const consolePort = Number(process.env.E2E_PORT ?? 18080);
export const emulatorPort = Number(process.env.E2E_EMULATOR_PORT ?? 14566);
export const consoleUrl = `http://127.0.0.1:${consolePort}`;
export const emulatorUrl = process.env.E2E_EMULATOR_URL ?? `http://127.0.0.1:${emulatorPort}`;
