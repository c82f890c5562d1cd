import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { apiPaths } from '@ses-console/contract';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeAuditCsv } from '../src/audit/audit-csv.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import type { Store } from '../src/store/store.js';
import { type Harness, REGION, startHarness } from './support/harness.js';

/** `count` finished entries, as the recorder writes them, through the store's own API. */
async function seed(store: Store, count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    const time = new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString();
    await store.audit.append({
      time,
      actor: 'ada',
      action: 'identity.delete',
      method: 'DELETE',
      path: `/api/regions/${REGION}/identities/seed-${i}.example.com`,
      region: REGION,
      identity: `seed-${i}.example.com`,
      parameters: { region: REGION, identity: `seed-${i}.example.com`, note: 'x'.repeat(200) },
      result: 'success',
      status: 204,
      errorCode: null,
      requestId: `seed-${i}`,
      completedAt: time,
      deadlineExceeded: false,
    });
  }
}

describe('audit CSV export: backpressure and disconnect', () => {
  let h: Harness;
  let server: http.Server;
  let base: string;
  const lines: Array<Record<string, unknown>> = [];
  const ROWS = 20_000;

  beforeAll(async () => {
    const logger = pino(
      { level: 'info' },
      {
        write(line: string) {
          lines.push(JSON.parse(line));
        },
      },
    );
    h = await startHarness({ logger });
    await seed(h.store, ROWS);
    server = http.createServer(h.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 60_000);

  afterAll(async () => {
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    await h?.close();
  });

  it('when the client goes away after the first chunk, then the export stops instead of reading the whole log', async () => {
    const requestId = 'csv-disconnect';
    await new Promise<void>((resolve, reject) => {
      const req = http.get(
        `${base}${apiPaths.auditCsv}`,
        { headers: { 'x-request-id': requestId } },
        (res) => {
          expect(res.statusCode).toBe(200);
          res.once('data', () => {
            req.destroy();
            resolve();
          });
        },
      );
      req.on('error', () => {});
      req.setTimeout(20_000, () => reject(new Error('no CSV data')));
    });
    const stopped = await vi.waitFor(
      () => {
        const line = lines.find(
          (l) =>
            (l.req as { id?: string } | undefined)?.id === requestId &&
            l.msg === 'audit CSV export stopped: the client went away',
        );
        if (!line) throw new Error('export still running');
        return line;
      },
      { timeout: 20_000, interval: 20 },
    );
    expect(stopped.rows).toBeLessThan(ROWS);
  });

  it('when the reader is slow, then the export reads a page only after the previous one was taken', async () => {
    const store = openSqliteStore(':memory:');
    await seed(store, 3000);
    let pagesRead = 0;
    const readPage = (cursor: string | undefined) => {
      pagesRead += 1;
      return store.audit.query({ limit: 500, ...(cursor ? { cursor } : {}) });
    };
    // A reader that takes a chunk only when the test says so (as a slow network would).
    const waiting: Array<() => void> = [];
    let taken = 0;
    let text = '';
    const out = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, callback) {
        waiting.push(() => {
          text += chunk.toString();
          taken += 1;
          callback();
        });
      },
    });
    let done = false;
    const exporting = writeAuditCsv(out, readPage, 50_000).finally(() => {
      done = true;
    });
    for (let i = 0; i < 10; i += 1) await nextTurn();
    // The header went out, the first page is waiting for the reader: nothing more was read.
    expect(pagesRead).toBe(1);
    while (!done) {
      for (const take of waiting.splice(0)) take();
      for (let i = 0; i < 10; i += 1) await nextTurn();
      // Never more than one page ahead of the reader (the first chunk taken is the header).
      expect(pagesRead).toBeLessThanOrEqual(Math.max(0, taken - 1) + 1);
    }
    expect(await exporting).toEqual({ rows: 3000, complete: true });
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(3001);
    await store.close();
  });
});
