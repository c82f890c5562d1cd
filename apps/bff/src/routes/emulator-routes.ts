import {
  advanceClockRequestSchema,
  apiPaths,
  clockResponseSchema,
  mailboxQuerySchema,
  mailboxResponseSchema,
  verifyEmailRequestSchema,
  verifyEmailResponseSchema,
} from '@ses-console/contract';
import type { EmulatorControl } from '../services/emulator-control-service.js';
import type { RouteSpec } from './route-spec.js';
import { parseInput } from './validate.js';

/** Registered only with SES_BACKEND=emulator: captured mail, email verification and the clock. */
export function emulatorRoutes(emulator: EmulatorControl): RouteSpec[] {
  return [
    {
      method: 'get',
      path: apiPaths.emulatorMailbox,
      tag: 'Emulator',
      summary: 'Messages the emulator captured (sent mail and verification emails)',
      query: mailboxQuerySchema,
      responses: { 200: { description: 'Messages', schema: mailboxResponseSchema } },
      handler: async (req, res) => {
        const filter = parseInput(mailboxQuerySchema, req.query);
        res.json({ messages: await emulator.mailbox(filter) });
      },
    },
    {
      method: 'post',
      path: apiPaths.emulatorVerifyEmail,
      tag: 'Emulator',
      summary: 'Follow the link of a verification email (verifies the address)',
      body: verifyEmailRequestSchema,
      responses: { 200: { description: 'Verified', schema: verifyEmailResponseSchema } },
      handler: async (req, res) => {
        const { token } = parseInput(verifyEmailRequestSchema, req.body);
        await emulator.verifyEmail(token);
        res.json({ verified: true });
      },
    },
    {
      method: 'get',
      path: apiPaths.emulatorClock,
      tag: 'Emulator',
      summary: "The emulator's clock",
      responses: { 200: { description: 'Now', schema: clockResponseSchema } },
      handler: async (_req, res) => {
        res.json(await emulator.clock());
      },
    },
    {
      method: 'post',
      path: apiPaths.emulatorClock,
      tag: 'Emulator',
      summary: "Advance the emulator's clock (the verification engine runs at once)",
      body: advanceClockRequestSchema,
      responses: { 200: { description: 'Now, after the advance', schema: clockResponseSchema } },
      handler: async (req, res) => {
        const { advanceSeconds } = parseInput(advanceClockRequestSchema, req.body);
        res.json(await emulator.advanceClock(advanceSeconds));
      },
    },
  ];
}
