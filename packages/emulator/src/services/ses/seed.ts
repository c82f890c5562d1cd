import { randomBytes } from 'node:crypto';
import type { VerificationStatus } from '@aws-sdk/client-sesv2';
import type { DkimState, IdentityRecord, Scope, StatusTrack } from '../../store/ses-records.js';
import { LIMITS } from './model/context.js';
import { easyDkimTokens } from './model/dkim-keys.js';
import { parseIdentityName } from './model/names.js';
import { sendVerificationEmail } from './model/verification-email.js';
import type { SesState } from './state.js';
import { dkimRecords } from './verification/dns-checks.js';
import { applyTransition, DNS_SEARCH_WINDOW_MS, newTrack } from './verification/transitions.js';

export interface SeedOptions {
  /** How many identities to create in total, spread over the regions and the five statuses. */
  identities: number;
  regions?: string[];
  accountId?: string;
  /** Also create Route 53 hosted zones (and the DKIM records of the SUCCESS domains). */
  hostedZones?: boolean;
  /** The statuses to cycle through (default: all five), e.g. `['NOT_STARTED']` for only those. */
  statuses?: VerificationStatus[];
  /**
   * One name per identity instead of generated ones (demos with readable names). The name decides
   * the type, which must suit the status: FAILED and TEMPORARY_FAILURE are domains, NOT_STARTED are
   * addresses, a SUCCESS domain needs `hostedZones` (its DKIM records are published there).
   */
  names?: string[];
}

export interface SeedResult {
  created: number;
  byStatus: Record<VerificationStatus, number>;
  byRegion: Record<string, number>;
  hostedZones: number;
}

/**
 * What seeding needs from the Route 53 half (its service exposes these two functions): a public
 * hosted zone for a domain in an account, and an UPSERT of record sets into it (both emit
 * `dns-changed`). Typed structurally so this half compiles on its own.
 */
export interface HostedZoneSeeder {
  createHostedZone(accountId: string, name: string): { id: string };
  upsertRecords(
    accountId: string,
    zoneId: string,
    records: Array<{ name: string; type: string; ttl?: number; values: string[] }>,
  ): unknown;
}

export class SeedError extends Error {}

const STATUS_CYCLE: readonly VerificationStatus[] = [
  'SUCCESS',
  'PENDING',
  'FAILED',
  'TEMPORARY_FAILURE',
  'NOT_STARTED',
];
const HOUR = 60 * 60 * 1000;

/** The identity type each status can honestly be seeded as (`undefined`: either). */
const TYPE_OF_STATUS: Partial<Record<VerificationStatus, 'DOMAIN' | 'EMAIL_ADDRESS'>> = {
  FAILED: 'DOMAIN',
  TEMPORARY_FAILURE: 'DOMAIN',
  NOT_STARTED: 'EMAIL_ADDRESS',
};

/** Validates a given name for the status it will get; returns it as stored (domains lowercase). */
function givenName(
  raw: string,
  status: VerificationStatus,
  zones: boolean,
): { name: string; email: boolean } {
  let parsed: ReturnType<typeof parseIdentityName>;
  try {
    parsed = parseIdentityName(raw);
  } catch (error) {
    throw new SeedError(`names: ${(error as Error).message}`);
  }
  const needed = TYPE_OF_STATUS[status] ?? (status === 'SUCCESS' && !zones ? 'EMAIL_ADDRESS' : undefined);
  if (needed && parsed.kind !== needed) {
    throw new SeedError(
      `names: ${raw} cannot be seeded as ${status}; ${status} identities are ${needed === 'DOMAIN' ? 'domains' : 'email addresses'}${status === 'SUCCESS' ? ' unless hostedZones is true' : ''}.`,
    );
  }
  return { name: parsed.name, email: parsed.kind === 'EMAIL_ADDRESS' };
}

function easyDkim(track: StatusTrack, now: number): DkimState {
  return {
    signingEnabled: true,
    origin: 'AWS_SES',
    track,
    tokens: easyDkimTokens(),
    nextKeyLength: 'RSA_2048_BIT',
    currentKeyLength: 'RSA_2048_BIT',
    lastKeyGenerationAt: now,
  };
}

/**
 * Creates `identities` identities over `regions` and all five verification statuses, each reached
 * through the declared transitions at plausible past instants so that every status is honest:
 * SUCCESS (addresses, or domains whose DKIM records are in Route 53 when `hostedZones`), PENDING
 * (domains searching, addresses with a live link), FAILED (domains not found in 72 h, with ErrorType),
 * TEMPORARY_FAILURE (verified domains whose records vanished an hour ago), NOT_STARTED (addresses).
 */
export function seedIdentities(
  ses: SesState,
  options: SeedOptions,
  defaults: Scope,
  hostedZoneApi?: HostedZoneSeeder,
): SeedResult {
  const zones = options.hostedZones ? hostedZoneApi : undefined;
  const regions = options.regions?.length ? options.regions : [defaults.region];
  const accountId = options.accountId ?? defaults.accountId;
  if (options.hostedZones && !zones) {
    throw new SeedError(
      'hostedZones: this build has no Route 53 service with createHostedZone/upsertRecords, so hosted zones cannot be seeded.',
    );
  }
  const cycle = options.statuses?.length ? options.statuses : STATUS_CYCLE;
  if (options.names && options.names.length !== options.identities) {
    throw new SeedError(`names: give exactly one name per identity (${options.identities}).`);
  }
  const { store } = ses;
  const now = ses.model.ctx.now();
  const run = randomBytes(3).toString('hex');
  const result: SeedResult = {
    created: 0,
    byStatus: { SUCCESS: 0, PENDING: 0, FAILED: 0, TEMPORARY_FAILURE: 0, NOT_STARTED: 0 },
    byRegion: {},
    hostedZones: 0,
  };
  // Each zone change emits dns-changed; run the engine once at the end instead of once per zone.
  ses.engine.deferWhile(() =>
    store.transaction(() => {
      for (const region of regions) {
        const scope = { accountId, region };
        const share =
          Math.floor(options.identities / regions.length) +
          (regions.indexOf(region) < options.identities % regions.length ? 1 : 0);
        if (store.identities.count(scope) + share > LIMITS.identitiesPerRegion) {
          throw new SeedError(
            `identities: ${region} would exceed ${LIMITS.identitiesPerRegion} identities per region.`,
          );
        }
      }
      for (let i = 0; i < options.identities; i++) {
        const region = regions[i % regions.length] as string;
        const status = cycle[Math.floor(i / regions.length) % cycle.length] as VerificationStatus;
        const scope = { accountId, region };
        const given = options.names ? givenName(options.names[i] as string, status, !!zones) : undefined;
        const domain = given && !given.email ? given.name : `s${run}-${i}.seed.example.com`;
        const address = given?.email ? given.name : `user${i}@${domain}`;
        if (given && store.identities.get(scope, given.name)) {
          throw new SeedError(`names: ${given.name} is already an identity in ${region}.`);
        }
        const base = {
          ...scope,
          createdAt: now,
          mailFrom: { behaviorOnMxFailure: 'USE_DEFAULT_VALUE' as const },
          feedbackForwarding: true,
        };
        let identity: IdentityRecord;
        const started = newTrack('start', now);
        switch (status) {
          case 'SUCCESS': {
            if (zones && !given?.email) {
              const found = applyTransition(started, 'found', now);
              identity = {
                ...base,
                name: domain,
                type: 'DOMAIN',
                verification: found,
                dkim: easyDkim(found, now),
              };
              const zone = zones.createHostedZone(accountId, domain);
              const records = dkimRecords(domain, region, identity.dkim as DkimState);
              zones.upsertRecords(
                accountId,
                zone.id,
                records.map((r) => ({ name: r.name, type: r.type, values: [r.value] })),
              );
              result.hostedZones++;
            } else {
              identity = {
                ...base,
                name: address,
                type: 'EMAIL_ADDRESS',
                verification: applyTransition(started, 'found', now),
              };
            }
            break;
          }
          case 'PENDING':
            identity = (given ? !given.email : i % 2 === 0)
              ? {
                  ...base,
                  name: domain,
                  type: 'DOMAIN',
                  verification: started,
                  dkim: easyDkim(started, now),
                }
              : { ...base, name: address, type: 'EMAIL_ADDRESS', verification: started };
            break;
          case 'FAILED': {
            const since = now - DNS_SEARCH_WINDOW_MS - HOUR;
            const failed = applyTransition(newTrack('start', since), 'timeout', now, 'HOST_NOT_FOUND');
            identity = {
              ...base,
              createdAt: since,
              name: domain,
              type: 'DOMAIN',
              verification: failed,
              dkim: easyDkim(failed, since),
            };
            break;
          }
          case 'TEMPORARY_FAILURE': {
            const since = now - 10 * 24 * HOUR;
            const verified = applyTransition(newTrack('start', since), 'found', since + HOUR);
            const lost = applyTransition(verified, 'lost', now - HOUR, 'HOST_NOT_FOUND');
            identity = {
              ...base,
              createdAt: since,
              name: domain,
              type: 'DOMAIN',
              verification: lost,
              dkim: easyDkim(lost, since),
            };
            if (zones) {
              zones.createHostedZone(accountId, domain);
              result.hostedZones++;
            }
            break;
          }
          default:
            identity = {
              ...base,
              name: address,
              type: 'EMAIL_ADDRESS',
              verification: newTrack('not-started', now),
            };
        }
        // Generated names are new (a random run prefix); a clash fails the whole seed, as it always did.
        if (!store.identities.insert(identity))
          throw new Error(`${identity.name} already exists in ${region}.`);
        if (identity.type === 'EMAIL_ADDRESS' && status === 'PENDING')
          sendVerificationEmail(ses.model.ctx, scope, address);
        result.created++;
        result.byStatus[status]++;
        result.byRegion[region] = (result.byRegion[region] ?? 0) + 1;
      }
    }),
  );
  return result;
}
