import { EventEmitter } from 'node:events';
import { Clock } from './clock.js';
import { type EmulatorLogger, jsonLinesLogger } from './logger.js';
import { type Db, openDatabase } from './store/db.js';
import { MetaRepo } from './store/meta-repo.js';

export type VerificationMode = 'realistic' | 'auto';

export interface EmulatorConfig {
  /** Folder for the SQLite store; omitted means in-memory (tests). */
  dataDir?: string;
  verificationMode: VerificationMode;
  /**
   * Whether accounts start in the SES sandbox (AWS's default, `EMULATOR_SANDBOX=on`): recipients must be
   * verified or mailbox-simulator addresses, 200 recipients / 24 h, 1 / s. `false`: every account starts
   * with production access. Omitted: on. The control plane (`/_emulator/account`) changes one account + Region.
   */
  sandbox?: boolean;
  /** Account used when the access key is not a 12-digit account id. */
  defaultAccountId: string;
  /** Region used for unsigned requests. */
  defaultRegion: string;
  /** Base URL the emulator is reachable at (used in verification links); set once listening. */
  publicUrl: string;
}

export interface EmulatorEvents {
  /**
   * Route 53 records of an account changed (the engine re-checks that account's identities): `names`
   * are the record names a change batch wrote (FQDN, lowercase, trailing dot), so only identities
   * whose checks look one of them up need a new look; without `names` (a zone created or deleted,
   * which moves what answers every name below it) anything in the account may have changed.
   */
  'dns-changed': [accountId: string, names?: readonly string[]];
}

/** What every part of the emulator shares: the store, the clock, an event bus and the logger. */
export interface EmulatorCore {
  config: EmulatorConfig;
  db: Db;
  meta: MetaRepo;
  clock: Clock;
  events: EventEmitter<EmulatorEvents>;
  logger: EmulatorLogger;
}

/** `logger` defaults to JSON lines on stderr. */
export function createCore(config: EmulatorConfig, options: { logger?: EmulatorLogger } = {}): EmulatorCore {
  const db = openDatabase(config.dataDir);
  const meta = new MetaRepo(db);
  return {
    config,
    db,
    meta,
    clock: new Clock(meta),
    events: new EventEmitter<EmulatorEvents>(),
    logger: options.logger ?? jsonLinesLogger(),
  };
}
