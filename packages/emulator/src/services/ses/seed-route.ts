import { isRegionName } from '@ses-console/contract/region-name';
import type { ControlPlane } from '../../control/control-plane.js';
import { badRequest, isResponse, json, readJsonObject } from '../../control/responses.js';
import type { Scope } from '../../store/ses-records.js';
import { type HostedZoneSeeder, SeedError, type SeedOptions, seedIdentities } from './seed.js';
import type { SesState } from './state.js';

const SEED_STATUSES = ['SUCCESS', 'PENDING', 'FAILED', 'TEMPORARY_FAILURE', 'NOT_STARTED'] as const;

function parseSeedOptions(body: Record<string, unknown>): SeedOptions | string {
  const { identities, regions, accountId, hostedZones, statuses, names } = body;
  if (
    typeof identities !== 'number' ||
    !Number.isInteger(identities) ||
    identities < 1 ||
    identities > 100_000
  ) {
    return 'identities must be an integer between 1 and 100000.';
  }
  if (regions !== undefined && (!Array.isArray(regions) || !regions.every((r) => isRegionName(r)))) {
    return 'regions must be a list of AWS region names such as "us-east-1".';
  }
  if (accountId !== undefined && (typeof accountId !== 'string' || !/^\d{12}$/.test(accountId))) {
    return 'accountId must be a 12-digit AWS account id.';
  }
  if (hostedZones !== undefined && typeof hostedZones !== 'boolean')
    return 'hostedZones must be true or false.';
  if (
    statuses !== undefined &&
    (!Array.isArray(statuses) || !statuses.every((s) => (SEED_STATUSES as readonly unknown[]).includes(s)))
  ) {
    return `statuses must be a list of ${SEED_STATUSES.join(', ')}.`;
  }
  if (names !== undefined && (!Array.isArray(names) || !names.every((n) => typeof n === 'string'))) {
    return 'names must be a list of identity names (domains or email addresses).';
  }
  return {
    identities,
    regions: regions as string[] | undefined,
    accountId,
    hostedZones,
    statuses: statuses as SeedOptions['statuses'],
    names: names as string[] | undefined,
  };
}

/** `POST /_emulator/seed` (same as `RunningEmulator.seed()`): a 400 names the field and the rule. */
export function addSeedRoute(
  control: ControlPlane,
  ses: SesState,
  defaults: () => Scope,
  zones: HostedZoneSeeder,
): void {
  control.add('POST', '/_emulator/seed', 'Seed', (req) => {
    const body = readJsonObject(req.body);
    if (isResponse(body)) return body;
    const options = parseSeedOptions(body);
    if (typeof options === 'string') return badRequest(options);
    try {
      return json(200, seedIdentities(ses, options, defaults(), zones));
    } catch (error) {
      if (error instanceof SeedError) return badRequest(error.message);
      throw error;
    }
  });
}
