import { AppError } from '../errors/app-error.js';
import type { ParamRules } from './route-spec.js';

/**
 * What path parameters must be beyond their contract schema: a `:region` must be one of the Regions
 * offered in the request's account (its `regions`, else REGIONS), else 400 naming `region`.
 */
export function paramRules(): ParamRules {
  return {
    region: (region, scope) => {
      if (!scope.regions.includes(String(region))) {
        const message = scope.info
          ? `Region ${String(region)} is not offered in account ${scope.info.name} (${scope.info.id})`
          : `Region ${String(region)} is not enabled in this console (REGIONS)`;
        throw AppError.badRequest(`region: ${message}`, [{ field: 'region', message }]);
      }
    },
  };
}
