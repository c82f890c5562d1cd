import type { RunningEmulator } from '@ses-console/emulator';

/** The emulator's fault rules and counters (`GET /_emulator/faults`). */
export interface FaultState {
  calls: Record<string, number>;
  /** Calls per operation by target (e.g. identity), counted on arrival, faulted or not. */
  received: Record<string, Record<string, number>>;
  injected: Record<string, number>;
  outcomes: Record<string, Record<string, number>>;
  succeeded: Record<string, Record<string, number>>;
}

export async function setFaults(emulator: RunningEmulator, config: unknown): Promise<void> {
  const res = await fetch(`${emulator.url}/_emulator/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(config),
  });
  if (res.status !== 200) throw new Error(`setting faults failed: ${res.status} ${await res.text()}`);
}

export async function clearFaults(emulator: RunningEmulator): Promise<void> {
  await fetch(`${emulator.url}/_emulator/faults`, { method: 'DELETE' });
}

export async function faultState(emulator: RunningEmulator): Promise<FaultState> {
  return (await (await fetch(`${emulator.url}/_emulator/faults`)).json()) as FaultState;
}
