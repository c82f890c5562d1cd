import { defineConfig } from 'vitest/config';
import { testReporters } from '../../vitest.shared.js';

export default defineConfig({ test: { reporters: testReporters('demo-kit'), testTimeout: 120_000 } });
