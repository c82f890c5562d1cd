export type { VerificationMode } from './core.js';
export type { FaultConfig, FaultRule, FaultStats } from './faults/fault-injector.js';
export { type EmulatorLogger, jsonLinesLogger, type LogLevel } from './logger.js';
export {
  type EmulatorOptions,
  emulatorOptionsFromEnv,
  emulatorPorts,
  isLoopbackHost,
  type ListeningPort,
  portConflictLine,
} from './options.js';
export { type RunningEmulator, startEmulator } from './server.js';
export { type EmulatedService, emulatedOperations } from './services/operation-list.js';
export type { EmulatorAccountView } from './services/ses/account-route.js';
export type { SeedOptions, SeedResult } from './services/ses/seed.js';
export type { RoleEntry } from './services/sts/roles.js';
export type { StoreReport } from './store/inspect.js';
