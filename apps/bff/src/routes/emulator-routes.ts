import type { EmulatorControl } from '../services/emulator-control-service.js';
import { type RouteBinding, route } from './route-spec.js';

/** `/api/emulator/*`, registered only with SES_BACKEND=emulator: captured mail, email verification, the clock, production access. */
export function emulatorRoutes(emulator: EmulatorControl): RouteBinding[] {
  return [
    route('getMailbox', async ({ query }) => ({ messages: await emulator.mailbox(query) })),
    route('verifyEmail', async ({ body }) => {
      await emulator.verifyEmail(body.token);
      return { verified: true as const };
    }),
    route('getClock', () => emulator.clock()),
    route('advanceClock', ({ body }) => emulator.advanceClock(body.advanceSeconds)),
    // Per account: the request's account's production access (the emulator's default one without ACCOUNTS).
    route('setEmulatorAccount', ({ body }, { scope }) =>
      emulator.setAccount(body.region, body.productionAccess, scope.id),
    ),
  ];
}
