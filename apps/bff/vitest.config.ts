import { defineConfig } from 'vitest/config';
import { testReporters } from '../../vitest.shared.js';

export default defineConfig({
  test: {
    reporters: testReporters('bff'),
    // Never let the SDK probe EC2 instance metadata (a non-loopback address); quiet its Node 20 notice.
    env: { AWS_EC2_METADATA_DISABLED: 'true', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    testTimeout: 30_000,
    globalSetup: ['test/global-setup.ts'],
  },
});
