import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface EmulatorOptions {
  /** TCP port; 0 picks a free one. */
  port?: number;
  host?: string;
  /** Folder for the SQLite store; omitted means in-memory. */
  dataDir?: string;
}

export interface RunningEmulator {
  url: string;
  port: number;
  close(): Promise<void>;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://emulator');
    if (req.method === 'GET' && url.pathname === '/_emulator/health') {
      sendJson(res, 200, { status: 'ok', services: ['sesv2', 'route53'] });
      return;
    }
    sendJson(res, 404, { message: `No route for ${req.method} ${url.pathname}` });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4566, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
