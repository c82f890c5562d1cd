import { createCore } from '../core.js';
import { createServiceCatalog } from './catalog.js';

/** One emulated service and the AWS operations its router serves. */
export interface EmulatedService {
  /** The service module's name (`sesv2`, `route53`, …). */
  service: string;
  /** Operation names as the AWS models spell them (`CreateEmailIdentity`), sorted, each once. */
  operations: string[];
}

/**
 * Every operation the emulator serves, read from the service modules' own routers (the catalog builds
 * them on a throwaway in-memory store), so the coverage table in docs/emulator.md cannot drift from
 * the code: `node scripts/emulator-coverage.mjs --write` regenerates it.
 */
export function emulatedOperations(): EmulatedService[] {
  const core = createCore({
    verificationMode: 'auto',
    defaultAccountId: '000000000000',
    defaultRegion: 'us-east-1',
    publicUrl: '',
  });
  try {
    const catalog = createServiceCatalog(core, {});
    return catalog.modules.map((module) => ({
      service: module.name,
      operations: [...new Set(module.operations.list().map((entry) => entry.operation))].sort(),
    }));
  } finally {
    core.db.close();
  }
}
