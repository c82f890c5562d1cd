import type { RegionInfo } from '@ses-console/contract';
import { AppError } from '../errors/app-error.js';
import type { ParamRules } from './route-spec.js';

/**
 * What path parameters must be beyond their contract schema: a `:region` must be one of the regions
 * this console offers (REGIONS), else 400 naming `region`.
 */
export function paramRules(regions: readonly RegionInfo[]): ParamRules {
  return {
    region: (region) => {
      if (!regions.some((r) => r.code === region)) {
        const message = `Region ${String(region)} is not enabled in this console (REGIONS)`;
        throw AppError.badRequest(`region: ${message}`, [{ field: 'region', message }]);
      }
    },
  };
}
