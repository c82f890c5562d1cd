/**
 * The SES mailbox simulator (`<scenario>@simulator.amazonses.com`): which scenario an address asks
 * for. SES accepts `+label` suffixes (`bounce+label1@…`) and compares case-insensitively. Simulator
 * addresses are usable in the sandbox without verification and do not count against the 24-hour quota
 * (they do count against the send rate).
 */
export const SIMULATOR_DOMAIN = 'simulator.amazonses.com';

export const simulatorScenarios = ['success', 'bounce', 'ooto', 'complaint', 'suppressionlist'] as const;
export type SimulatorScenario = (typeof simulatorScenarios)[number];

/** The scenario of a bare address, or undefined when it is not a simulator address SES knows. */
export function simulatorScenario(address: string): SimulatorScenario | undefined {
  const at = address.lastIndexOf('@');
  if (at <= 0 || address.slice(at + 1).toLowerCase() !== SIMULATOR_DOMAIN) return undefined;
  const local = address.slice(0, at).toLowerCase().split('+')[0] ?? '';
  return (simulatorScenarios as readonly string[]).includes(local) ? (local as SimulatorScenario) : undefined;
}

export function isSimulatorAddress(address: string): boolean {
  return simulatorScenario(address) !== undefined;
}
