import { isRegionName } from '@ses-console/contract/region-name';
import type { EmulatorCore } from '../core.js';
import type { IncomingRequest, OutgoingResponse } from '../protocol/http-types.js';
import type { Route53Service } from '../services/route53/service.js';
import type { SesV2Service } from '../services/sesv2/service.js';
import { inspectStore } from '../store/inspect.js';
import { deleteAllState } from '../store/reset.js';
import { handleClock } from './clock-routes.js';
import { handleMailbox } from './mailbox.js';
import { badRequest, isResponse, json, readJsonObject } from './responses.js';
import { SeedError, type SeedOptions, seedIdentities } from './seed.js';
import { handleVerifyEmail } from './verify-email.js';

export interface ControlPlane {
  /** Answers `/_emulator/*` and `/_aws/ses` requests; `undefined` for anything else. */
  handle(req: IncomingRequest): Promise<OutgoingResponse | undefined>;
}

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

export function createControlPlane(
  core: EmulatorCore,
  services: { sesv2: SesV2Service; route53: Route53Service },
): ControlPlane {
  const { sesv2 } = services;
  return {
    async handle(req) {
      const path = req.rawPath.replace(/\/+$/, '') || '/';
      if (path === '/_aws/ses') return handleMailbox(req, sesv2.store.mailbox);
      if (!path.startsWith('/_emulator/')) return undefined;
      if (req.method === 'GET' && path === '/_emulator/health') {
        return json(200, { status: 'ok', services: ['sesv2', 'route53'] });
      }
      if (req.method === 'GET' && path === '/_emulator/verify-email') {
        return handleVerifyEmail(req, sesv2, core.clock.nowMs());
      }
      if (path === '/_emulator/clock') return handleClock(req, core.clock);
      if (req.method === 'GET' && path === '/_emulator/store') {
        return json(200, inspectStore(core.db, { integrity: req.query.get('integrity') === 'true' }));
      }
      if (req.method === 'POST' && path === '/_emulator/reset') {
        deleteAllState(core.db);
        core.clock.reset();
        return json(200, { reset: true, now: core.clock.now().toISOString() });
      }
      if (req.method === 'POST' && path === '/_emulator/seed') {
        const body = readJsonObject(req.body);
        if (isResponse(body)) return body;
        const options = parseSeedOptions(body);
        if (typeof options === 'string') return badRequest(options);
        try {
          const defaults = { accountId: core.config.defaultAccountId, region: core.config.defaultRegion };
          return json(200, seedIdentities(sesv2, options, defaults, services.route53));
        } catch (error) {
          if (error instanceof SeedError) return badRequest(error.message);
          throw error;
        }
      }
      return json(404, { message: `No control-plane endpoint ${req.method} ${req.rawPath}` });
    },
  };
}
