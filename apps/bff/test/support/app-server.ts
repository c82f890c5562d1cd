import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

export interface AppServer {
  url: string;
  /** Serve this app from now on (the URL must exist before the app: it is the OIDC redirect URL). */
  serve(app: Express): void;
  close(): Promise<void>;
}

/** A real HTTP server on an ephemeral loopback port whose app is plugged in later. */
export async function startAppServer(): Promise<AppServer> {
  let app: Express | undefined;
  const server: Server = createServer((req, res) => {
    if (app) return app(req, res);
    res.statusCode = 503;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    serve(next) {
      app = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
