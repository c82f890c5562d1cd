import fs from 'node:fs';
import path from 'node:path';
import type { Health } from '@ses-console/contract';
import express, { type Express } from 'express';

export interface AppDeps {
  backend: 'emulator' | 'aws';
  /** Folder of the built console (index.html + assets); the SPA is served when it exists. */
  consoleDist?: string;
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');

  app.get('/healthz', (_req, res) => {
    const body: Health = { status: 'ok', backend: deps.backend };
    res.json(body);
  });

  const dist = deps.consoleDist;
  if (dist && fs.existsSync(path.join(dist, 'index.html'))) {
    app.use(express.static(dist, { index: false, maxAge: '1h' }));
    // SPA fallback: any GET that is not an API call gets the app shell.
    app.get(/^\/(?!api\/|healthz|readyz).*/, (_req, res) => {
      res.sendFile(path.join(dist, 'index.html'), { headers: { 'cache-control': 'no-cache' } });
    });
  }
  return app;
}
