import type { VerificationMode } from '../../../core.js';
import type { DnsView } from '../../../dns/dns-view.js';
import type { EmulatorLogger } from '../../../logger.js';
import type { IdentityRecord } from '../../../store/ses-records.js';
import type { SesStore } from '../../../store/ses-store.js';
import { normalizeDnsName } from './dns-checks.js';
import { deadlinePassed, evaluateIdentity, statusChanged } from './evaluate.js';
import { DNS_SEARCH_WINDOW_MS, EMAIL_LINK_VALIDITY_MS } from './transitions.js';

/** A check that changes nothing but its timestamps is written at most this often (emulated time). */
const CHECK_TIMESTAMP_REFRESH_MS = 5 * 60 * 1000;

export interface VerificationEngineDeps {
  store: SesStore;
  dns: DnsView;
  mode: () => VerificationMode;
  now: () => number;
  /**
   * For a DNS view that must be filled before a pass (a real resolver): resolves what these
   * identities' checks will look up. Without it, passes read the view directly (the Route 53 store).
   */
  prefetch?: (identities: IdentityRecord[]) => Promise<void>;
  /** Where a failed timer pass is reported. */
  logger: EmulatorLogger;
}

/**
 * Why the engine runs: `dns` after Route 53 records of an account changed (every live identity of
 * the account is looked up again, or with `names` only those whose checks ask one of them), `time`
 * on the real-time timer and after clock changes (only the identities whose 72-h / 24-h window has
 * run out are evaluated, so a big store stays cheap).
 */
export type RunReason = 'dns' | 'time';

/**
 * Drives every identity's status machines (`transitions.ts`) forward: on a real-time timer,
 * and whenever the emulator clock changes or Route 53 records of an account change (the owner of
 * this engine wires those triggers). Each run is one SQLite transaction.
 */
export class VerificationEngine {
  private timer: NodeJS.Timeout | undefined;
  private deferring = false;
  private deferredRun = false;

  constructor(private readonly deps: VerificationEngineDeps) {}

  /**
   * One pass over the identities still being checked (of one account, or all); returns how many
   * changed status. `names` (a `dns` pass of one account): the DNS names (FQDN, trailing dot
   * optional) whose records changed; only identities whose checks may ask one of them are
   * evaluated, so a record change costs what it can move, not the account's size. The others would
   * observe exactly what they did before, so their statuses could not move; what a full pass would
   * also have done to them (a 72-h / 24-h deadline, a key rotation, a 5-minute check timestamp) is
   * the time passes' work, which run on every clock change and every 5 s.
   */
  run(accountId?: string, reason: RunReason = 'dns', names?: readonly string[]): number {
    if (this.deferring) {
      if (reason === 'dns') this.deferredRun = true;
      return 0;
    }
    const { store, dns } = this.deps;
    const mode = this.deps.mode();
    const now = this.deps.now();
    let changed = 0;
    store.transaction(() => {
      // A time pass reads only the identities a deadline may have moved (SQL-filtered), not every live one.
      const candidates =
        reason === 'time'
          ? store.identities.listDueByTime(accountId, {
              now,
              emailWindowMs: EMAIL_LINK_VALIDITY_MS,
              dnsWindowMs: DNS_SEARCH_WINDOW_MS,
            })
          : accountId !== undefined && names
            ? store.identities.listNeedingChecksAt(accountId, names.map(normalizeDnsName))
            : store.identities.listNeedingChecks(accountId);
      for (const identity of candidates) {
        if (reason === 'time' && !deadlinePassed(identity, now)) continue;
        const next = evaluateIdentity(identity, dns, mode, now);
        if (statusChanged(identity, next)) {
          changed++;
          store.identities.update(next);
        } else if (now - (identity.verification.lastCheckedAt ?? 0) >= CHECK_TIMESTAMP_REFRESH_MS) {
          store.identities.update(next);
        }
      }
    });
    return changed;
  }

  private resolving: Promise<number> = Promise.resolve(0);

  /**
   * A pass that first resolves the DNS names it needs (resolver mode), queued after any pass still
   * resolving; with the store view it is just `run`. Resolves to how many identities changed status.
   */
  runResolved(accountId?: string, reason: RunReason = 'dns', names?: readonly string[]): Promise<number> {
    const { prefetch } = this.deps;
    if (!prefetch) return Promise.resolve(this.run(accountId, reason, names));
    // With a resolver, records can change outside the emulator: every pass is a full check.
    const pass = async () => {
      await prefetch(this.deps.store.identities.listNeedingChecks(accountId));
      return this.run(accountId, 'dns');
    };
    this.resolving = this.resolving.then(pass, pass);
    return this.resolving;
  }

  /** Runs `work` with engine runs held back, then runs once if any was asked for (bulk seeding). */
  deferWhile<T>(work: () => T): T {
    if (this.deferring) return work();
    this.deferring = true;
    this.deferredRun = false;
    try {
      return work();
    } finally {
      this.deferring = false;
      if (this.deferredRun) this.run();
    }
  }

  start(intervalMs = 5000): void {
    this.stop();
    this.timer = setInterval(() => {
      this.runResolved(undefined, 'time').catch((err: unknown) => {
        this.deps.logger.error({ err, reason: 'time' }, 'emulator: verification engine run failed');
      });
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
