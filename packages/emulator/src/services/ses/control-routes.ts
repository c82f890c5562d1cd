import type { ControlPlane } from '../../control/control-plane.js';
import type { Scope } from '../../store/ses-records.js';
import { addAccountRoute } from './account-route.js';
import { addMailboxRoutes } from './mailbox-routes.js';
import type { HostedZoneSeeder } from './seed.js';
import { addSeedRoute } from './seed-route.js';
import type { SesState } from './state.js';
import { addVerifyEmailRoute } from './verify-email-route.js';

/**
 * SES's control-plane endpoints, shared by every SES API version: the captured mailbox (`/_aws/ses`),
 * the verification link (`/_emulator/verify-email`), seeding (`/_emulator/seed`, with Route 53
 * zones from `zones`) and the account's sandbox / production access (`/_emulator/account`).
 */
export function addSesControlRoutes(
  control: ControlPlane,
  ses: SesState,
  deps: { now: () => number; defaults: () => Scope; zones: HostedZoneSeeder },
): void {
  addMailboxRoutes(control, ses.store.mailbox);
  addVerifyEmailRoute(control, ses, deps.now);
  addSeedRoute(control, ses, deps.defaults, deps.zones);
  addAccountRoute(control, ses, deps.defaults);
}
