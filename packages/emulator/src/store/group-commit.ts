import { checkpointInBackground } from './background-checkpoint.js';
import type { Db } from './db.js';

/** What the HTTP layer waits on before it answers (see `groupCommits`). */
export interface GroupCommit {
  /**
   * Resolves once every write made so far is committed (at once when none is pending); rejects when
   * the commit they were part of failed, so the answers that depend on it become 500s.
   */
  settled(): Promise<void>;
}

interface Batch {
  done: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Group commit: the transactions run in one turn of the event loop share one SQLite commit. Each
 * `db.transaction(fn)()` still runs atomically (as a savepoint inside the batch: a failing one is
 * rolled back alone, as before), but the batch's COMMIT — writing its pages to the WAL — happens once,
 * on `setImmediate`, instead of once per request. Under load (8 requests in flight) a commit cost a
 * CreateEmailIdentity ~20% of its CPU, and the requests of one turn touch the same index pages.
 *
 * Durability is unchanged for clients: the server answers a request only after `settled()`, i.e. after
 * the commit that holds its writes (and a read that saw a not yet committed write waits for it too), so
 * an acknowledged write is in the WAL exactly as before. Only `startEmulator` turns this on; code that
 * drives the store directly (unit tests) keeps one commit per transaction. With it, WAL checkpoints
 * move to a worker thread (`checkpointInBackground`).
 */
export function groupCommits(db: Db): GroupCommit {
  const transaction = db.transaction.bind(db);
  const close = db.close.bind(db);
  const begin = db.prepare('BEGIN');
  const commit = db.prepare('COMMIT');
  const checkpoints = checkpointInBackground(db);
  let batch: Batch | undefined;

  const finish = (): void => {
    const current = batch;
    batch = undefined;
    if (!current) return;
    try {
      // SQLite rolls a transaction back by itself on some failures (disk full, I/O error): then the
      // batch's writes are gone and the answers waiting for them must not say they were made.
      if (!db.inTransaction) throw new Error('the batched transaction was rolled back');
      commit.run();
      checkpoints?.committed();
      current.resolve();
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      current.reject(error);
    }
  };

  const open = (): void => {
    let resolve!: () => void;
    let reject!: (error: unknown) => void;
    const done = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // Nobody may be waiting yet; the rejection is still reported to whoever awaits `settled()`.
    done.catch(() => {});
    begin.run();
    batch = { done, resolve, reject };
    setImmediate(finish);
  };

  db.transaction = ((fn: (...args: unknown[]) => unknown) => {
    const inner = transaction(fn);
    const run = (...args: unknown[]) => {
      if (!batch && !db.inTransaction) open();
      return inner(...args);
    };
    return Object.assign(run, {
      default: run,
      deferred: run,
      immediate: run,
      exclusive: run,
      database: db,
    });
  }) as unknown as Db['transaction'];

  db.close = (() => {
    finish();
    checkpoints?.stop();
    return close();
  }) as Db['close'];

  return {
    settled: () => (batch ? batch.done : Promise.resolve()),
  };
}
