/**
 * `@ses-console/emulator/client`: one typed client for a running emulator, used by the e2e suite, the
 * demo kit, the benchmarks and the BFF's emulator routes. It speaks only HTTP (the AWS SDK and the
 * control plane) and imports nothing of the emulator's server, store or SQLite.
 */

export {
  findVerificationLink,
  isVerificationToken,
  VERIFICATION_TOKEN_RULE,
  type VerificationLink,
} from '@ses-console/emulator/verification-link';
export type {
  EmulatorAccountView,
  FaultConfig,
  FaultRule,
  RoleEntry,
  SeedOptions,
  SeedResult,
  StoreReport,
} from '../index.js';
export {
  type CapturedMessage,
  type CapturedSnsMessage,
  isAddressedTo,
  sesNotificationAbout,
  verificationLinkIn,
} from './captured-message.js';
export {
  type ClockState,
  CONTROL_TOKEN_HEADER,
  EmulatorControlClient,
  EmulatorControlError,
  type EmulatorControlOptions,
  EmulatorUnreachableError,
  type FaultState,
  type RolesState,
} from './control-client.js';
export {
  dkimCnameRecords,
  EmulatorClient,
  type EmulatorClientOptions,
  type RecordToWrite,
} from './emulator-client.js';
export {
  createRoute53Client,
  createSesClient,
  credentialsFor,
  type SdkClientOptions,
} from './sdk-clients.js';
