import { defineConfig } from 'vitest/config';
import { testReporters } from '../vitest.shared.js';

// Only the set-up tests: docs-paths.test.mjs is a node:test suite that scripts/test.mjs runs (and counts) itself.
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], reporters: testReporters('scripts') },
});
