import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Db } from './db.js';

/** A checkpoint is asked for after this many group commits (~900 WAL pages under a create load). */
const COMMITS_PER_CHECKPOINT = 32;
/**
 * The main connection still checkpoints by itself past this many WAL pages (SQLite's own automatic
 * checkpoint; the default is 1,000): the bound on the WAL when the worker falls behind, or when it
 * cannot finish a checkpoint because writes never pause (a fully checkpointed WAL restarts only then).
 */
const MAIN_CHECKPOINT_PAGES = 10_000;
/** How long `stop()` waits for the worker to close its connection. */
const STOP_WAIT_MS = 5_000;

/** Slots of the shared state: requests made, stop asked, worker done. */
const REQUESTS = 0;
const STOP = 1;
const DONE = 2;

/**
 * The worker's code, CommonJS run with `eval: true`: a separate module file would not exist when the
 * tests run the TypeScript sources. It blocks in `Atomics.wait` until asked, so an idle emulator costs
 * nothing; `synchronous = NORMAL` as on the main connection, so a checkpoint syncs the WAL and the
 * database file as SQLite's automatic one did.
 */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const state = new Int32Array(workerData.state);
try {
  const Database = require(workerData.driver);
  const db = new Database(workerData.file, { fileMustExist: true });
  db.pragma('synchronous = NORMAL');
  let seen = 0;
  for (;;) {
    Atomics.wait(state, ${REQUESTS}, seen);
    if (Atomics.load(state, ${STOP}) === 1) break;
    seen = Atomics.load(state, ${REQUESTS});
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // Busy or failing: the next request, or the main connection's own checkpoint, tries again.
    }
  }
  db.close();
} finally {
  Atomics.store(state, ${DONE}, 1);
  Atomics.notify(state, ${DONE});
}
`;

export interface BackgroundCheckpoint {
  /** Call after each commit: every `COMMITS_PER_CHECKPOINT`th asks the worker for a checkpoint. */
  committed(): void;
  /** Closes the worker's connection (waits for it), before the main connection closes. */
  stop(): void;
}

/**
 * WAL checkpoints on a worker thread instead of the event loop. SQLite's automatic checkpoint runs
 * inside the COMMIT that crosses 1,000 WAL pages: it copies the pages into the database file and
 * fsyncs both files (~5 ms each on the benchmark machine), and every request waits meanwhile — under
 * a CreateEmailIdentity load about 60 us of blocked event loop per create, more than the commit's own
 * CPU. A PASSIVE checkpoint from a second connection never blocks the writer, so the worker does that
 * work beside the event loop; the main connection keeps a far larger automatic checkpoint as a bound.
 *
 * Durability is unchanged: a commit is in the WAL before it is acknowledged (what survives a killed
 * process), and a checkpoint only copies committed pages; the last connection to close (the main one,
 * after `stop()`) checkpoints what is left and removes the WAL, as before. In-memory stores have no
 * WAL: `undefined`.
 */
export function checkpointInBackground(db: Db): BackgroundCheckpoint | undefined {
  if (db.memory) return undefined;
  const shared = new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT);
  const state = new Int32Array(shared);
  let worker: Worker | undefined;
  // Started with the first checkpoint it is asked for: an emulator that writes little (or only reads)
  // never pays for the thread, and start-up is not slowed.
  const start = () => {
    worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        state: shared,
        file: path.resolve(db.name),
        driver: createRequire(import.meta.url).resolve('better-sqlite3'),
      },
    });
    worker.unref();
    // A worker that cannot run (it failed to start): back to SQLite's own checkpoints on this connection.
    worker.on('error', () => {
      if (db.open) db.pragma('wal_autocheckpoint = 1000');
    });
  };
  db.pragma(`wal_autocheckpoint = ${MAIN_CHECKPOINT_PAGES}`);
  let commits = 0;
  const request = () => {
    Atomics.add(state, REQUESTS, 1);
    Atomics.notify(state, REQUESTS);
  };
  return {
    committed: () => {
      commits += 1;
      if (commits % COMMITS_PER_CHECKPOINT !== 0) return;
      if (!worker) start();
      request();
    },
    stop: () => {
      if (!worker) return;
      Atomics.store(state, STOP, 1);
      request();
      Atomics.wait(state, DONE, 0, STOP_WAIT_MS);
    },
  };
}
