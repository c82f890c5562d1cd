import type Database from 'better-sqlite3';
import type { Db } from './db.js';

/**
 * A value that changes whenever what the store holds may have changed, for caches of answers computed
 * from it (`StoreReadCache`). It joins two SQLite counters, neither of which reads a table:
 * - `total_changes()`: every row this connection inserted, updated or deleted since it opened, triggers
 *   included (the emulator's API, control plane, seeding, reset, replication, STS and the verification
 *   engine all write through this one connection). It never goes back, so a change later rolled back
 *   still moves it (a cache only misses once more);
 * - `data_version`: moves when another connection (another process with the same file) commits.
 * Schema changes are not counted, and none happen while the emulator runs (migrations run at open).
 *
 * Inside a transaction it is `undefined`: what a read sees there may be uncommitted and rolled back
 * later without either counter telling, so nothing read then may be cached or answered from a cache.
 * Under group commit (`group-commit.ts`) that is every read in an event-loop turn after a write.
 */
export function storeGeneration(db: Db): string | undefined {
  if (db.inTransaction) return undefined;
  const { changes, dataVersion } = statementsOf(db);
  return `${changes.get() as number}:${dataVersion.get() as number}`;
}

interface GenerationStatements {
  changes: Database.Statement<[]>;
  dataVersion: Database.Statement<[]>;
}

const statements = new WeakMap<Db, GenerationStatements>();

function statementsOf(db: Db): GenerationStatements {
  let prepared = statements.get(db);
  if (!prepared) {
    // Two statements, each returning its one value (`pluck`): 1.4 µs together, against 2.3 µs for one
    // `SELECT … FROM pragma_data_version` joining them. `pluck` switches a statement's mode, which is
    // safe because these SQL texts are used nowhere else (the statement cache of `db.ts` shares
    // statements by text).
    prepared = {
      changes: db.prepare<[]>('SELECT total_changes()').pluck(),
      dataVersion: db.prepare<[]>('PRAGMA data_version').pluck(),
    };
    statements.set(db, prepared);
  }
  return prepared;
}

/**
 * Answers computed from the store, kept while the store's generation (`storeGeneration`) is the one they
 * were computed at. Correct by construction: every entry is dropped as soon as any write anywhere in the
 * store (or another connection's commit) moves the generation, and nothing is read from or put in the
 * cache inside a transaction. So a cached answer is always exactly what computing it again would give,
 * as long as `compute` reads only the store (and pure functions of it): a value that depends on anything
 * else (the clock, a real DNS resolver) must be returned with `cacheable: false`.
 */
export class StoreReadCache<V> {
  private generation: string | undefined;
  private readonly entries = new Map<string, V>();

  /** `maxEntries`: when full, the cache starts again empty (reads of one generation rarely exceed it). */
  constructor(
    private readonly db: Db,
    private readonly maxEntries = 1_000,
  ) {}

  /** The cached value for `key`, or `compute()`'s (kept when it says it may be). */
  read(key: string, compute: () => { value: V; cacheable: boolean }): V {
    const generation = storeGeneration(this.db);
    if (generation === undefined) return compute().value;
    if (generation !== this.generation) {
      this.entries.clear();
      this.generation = generation;
    } else {
      const hit = this.entries.get(key);
      if (hit !== undefined) return hit;
    }
    const { value, cacheable } = compute();
    // Kept under the generation read before `compute`: had `compute` written anything, the next read
    // sees a newer generation and drops it.
    if (cacheable) {
      if (this.entries.size >= this.maxEntries) this.entries.clear();
      this.entries.set(key, value);
    }
    return value;
  }
}
