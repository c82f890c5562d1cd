import { defineConfig } from 'vitest/config';
import { testReporters } from '../vitest.shared.js';

export default defineConfig({
  test: {
    reporters: testReporters('bench'),
    // The quick bench starts servers and Chromium on shared cores: give it room.
    testTimeout: 240_000,
  },
});
