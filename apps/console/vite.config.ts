import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { testReporters } from '../../vitest.shared.js';

const bff = process.env.BFF_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1', proxy: { '/api': bff, '/healthz': bff } },
  // The manifest lets the bench and the bundle budget test find the initial and per-route chunks.
  build: { sourcemap: false, chunkSizeWarningLimit: 1200, manifest: true },
  test: {
    environment: 'jsdom',
    css: false,
    // Cloudscape renders slowly in jsdom on 2 shared cores; user-event journeys need headroom.
    testTimeout: 20_000,
    setupFiles: ['./src/testing/setup.ts'],
    reporters: testReporters('console'),
  },
});
