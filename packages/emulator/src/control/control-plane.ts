import type { EmulatorCore } from '../core.js';
import type { IncomingRequest, OutgoingResponse } from '../protocol/http-types.js';
import type { Route53Service } from '../services/route53/service.js';
import type { SesV2Service } from '../services/sesv2/service.js';
import { inspectStore } from '../store/inspect.js';
import { deleteAllState } from '../store/reset.js';
import { handleClock } from './clock-routes.js';
import { handleMailbox } from './mailbox.js';
import { badRequest, isResponse, json, readJsonObject } from './responses.js';
import { type HostedZoneSeeder, SeedError, type SeedOptions, seedIdentities } from './seed.js';
import { handleVerifyEmail } from './verify-email.js';

export interface ControlPlane {
  /** Answers `/_emulator/*` and `/_aws/ses` requests; `undefined` for anything else. */
  handle(req: IncomingRequest): Promise<OutgoingResponse | undefined>;
}

/** The Route 53 service's seeding functions, when this build has them (see HostedZoneSeeder). */
export function hostedZoneSeeder(route53: Route53Service): HostedZoneSeeder | undefined {
  const candidate = route53 as Route53Service & Partial<HostedZoneSeeder>;
  return typeof candidate.createHostedZone === 'function' && typeof candidate.upsertRecords === 'function'
    ? (candidate as HostedZoneSeeder)
    : undefined;
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

function parseSeedOptions(body: Record<string, unknown>): SeedOptions | string {
  const { identities, regions, accountId, hostedZones } = body;
  if (
    typeof identities !== 'number' ||
    !Number.isInteger(identities) ||
    identities < 1 ||
    identities > 100_000
  ) {
    return 'identities must be an integer between 1 and 100000.';
  }
  if (
    regions !== undefined &&
    (!Array.isArray(regions) || !regions.every((r) => typeof r === 'string' && REGION.test(r)))
  ) {
    return 'regions must be a list of AWS region names such as "us-east-1".';
  }
  if (accountId !== undefined && (typeof accountId !== 'string' || !/^\d{12}$/.test(accountId))) {
    return 'accountId must be a 12-digit AWS account id.';
  }
  if (hostedZones !== undefined && typeof hostedZones !== 'boolean')
    return 'hostedZones must be true or false.';
  return { identities, regions: regions as string[] | undefined, accountId, hostedZones };
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
          return json(200, seedIdentities(sesv2, options, defaults, hostedZoneSeeder(services.route53)));
        } catch (error) {
          if (error instanceof SeedError) return badRequest(error.message);
          throw error;
        }
      }
      return json(404, { message: `No control-plane endpoint ${req.method} ${req.rawPath}` });
    },
  };
}
