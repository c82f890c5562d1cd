import type { EventEmitter } from 'node:events';
import type { EmulatorEvents } from '../../core.js';
import type { DnsRecordSet, DnsView } from '../../dns/dns-view.js';
import type { ZoneRecordSource } from '../../dns/zone-answers.js';
import type { ChangeRow, RecordSetData, Route53Repo, ZoneRow } from '../../store/route53-repo.js';
import {
  type AliasTargetZone,
  type ChangeInput,
  checkChangeShapes,
  checkRequestQuotas,
  type PlannedChange,
  planChangeBatch,
} from './change-batch.js';
import { isHostnameLike, isInZone, parseDnsName, reversedName, suffixesOf } from './dns-names.js';
import {
  HostedZoneAlreadyExists,
  HostedZoneNotEmpty,
  InvalidDomainName,
  InvalidInput,
  NoSuchChange,
  NoSuchDelegationSet,
  NoSuchHealthCheck,
  NoSuchHostedZone,
  validationError,
} from './errors.js';
import { bareId, MAX_ID_LENGTH, newChangeId, newHostedZoneId, newNameServers } from './ids.js';

/** How long a change stays PENDING before GetChange reports INSYNC (emulator clock). */
export const CHANGE_PROPAGATION_SECONDS = 5;
export const SOA_TTL = 900;
export const APEX_NS_TTL = 172800;
export const MAX_ZONES_PER_PAGE = 100;
export const MAX_RECORD_SETS_PER_PAGE = 300;
const MAX_CALLER_REFERENCE_LENGTH = 128;
const MAX_COMMENT_LENGTH = 256;

export interface ModelClock {
  now(): Date;
}

export interface Route53Rules {
  /**
   * Refuse the names AWS reserves for itself: the RFC 2606 documentation domains `example.com`,
   * `example.net`, `example.org` and every name below them. Off by default (see RESERVED_DOMAINS).
   */
  reservedNames?: boolean;
}

/**
 * Names AWS keeps for itself: CreateHostedZone answers InvalidDomainName `<name> is reserved by AWS!`
 * for them and for names below them (observed: "example.com is reserved by AWS!" from Terraform's
 * aws_route53_zone, "streaming-platform-dev.example.com is reserved by AWS" for a subdomain). The
 * emulator refuses them only with EMULATOR_ROUTE53_RESERVED_NAMES=on: example.com is what local
 * demos and tests use, and nobody meets this rule in production with their own domain.
 */
export const RESERVED_DOMAINS = ['example.com.', 'example.net.', 'example.org.'] as const;

export const MAX_TAGS_PER_ZONE = 50;
export const MAX_TAG_CHANGES_PER_CALL = 10;
export const MAX_TAG_KEY_LENGTH = 128;
export const MAX_TAG_VALUE_LENGTH = 256;
export const TAG_RESOURCE_TYPES = ['healthcheck', 'hostedzone'] as const;

export interface ZoneTag {
  key: string;
  value: string;
}

export interface ChangeInfo {
  id: string;
  status: 'PENDING' | 'INSYNC';
  submittedAt: Date;
  comment?: string;
}

export interface HostedZone extends ZoneRow {
  recordSetCount: number;
}

export interface CreateHostedZoneInput {
  name: string | undefined;
  callerReference: string | undefined;
  comment?: string;
  privateZone?: boolean;
  vpc?: { vpcId?: string; vpcRegion?: string };
  delegationSetId?: string;
}

export interface Page<T> {
  items: T[];
  /** The first item of the next page, when there is one. */
  next?: T;
}

/**
 * Route 53 rules and state transitions over the store: hosted zones, change batches, changes. No HTTP,
 * no XML; every method takes the account explicitly (Route 53 state is global per account).
 */
export class Route53Model {
  constructor(
    private readonly repo: Route53Repo,
    private readonly clock: ModelClock,
    private readonly events: Pick<EventEmitter<EmulatorEvents>, 'emit'>,
    private readonly rules: Route53Rules = {},
  ) {}

  createHostedZone(
    accountId: string,
    input: CreateHostedZoneInput,
  ): { zone: HostedZone; change: ChangeInfo } {
    const callerReference = input.callerReference;
    if (!callerReference) throw validationError(undefined, 'callerReference', 'Member must not be null');
    if (callerReference.length > MAX_CALLER_REFERENCE_LENGTH) {
      throw validationError(
        callerReference,
        'callerReference',
        `Member must have length less than or equal to ${MAX_CALLER_REFERENCE_LENGTH}`,
      );
    }
    if (!input.name) throw validationError(undefined, 'name', 'Member must not be null');
    const parsed = parseDnsName(input.name);
    if (!parsed.ok)
      throw new InvalidDomainName(`${input.name} is not a valid domain name: ${parsed.problem.description}.`);
    if (!isHostnameLike(parsed.name)) {
      throw new InvalidDomainName(
        `${input.name} is not a valid domain name: labels may contain only letters, digits, hyphens and underscores.`,
      );
    }
    // A single label is a top-level domain: "You can't create a hosted zone for a top-level domain (TLD)
    // such as .com." (CreateHostedZone reference). Which error AWS answers is not published; the
    // decision here: the same InvalidDomainName AWS gives for the other names it keeps (RESERVED_DOMAINS).
    const reserved =
      !parsed.name.slice(0, -1).includes('.') ||
      (this.rules.reservedNames === true && RESERVED_DOMAINS.some((d) => isInZone(parsed.name, d)));
    if (reserved) throw new InvalidDomainName(`${parsed.name.slice(0, -1)} is reserved by AWS!`);
    if (input.comment !== undefined && input.comment.length > MAX_COMMENT_LENGTH) {
      throw validationError(
        input.comment,
        'hostedZoneConfig.comment',
        `Member must have length less than or equal to ${MAX_COMMENT_LENGTH}`,
      );
    }
    const privateZone = input.vpc !== undefined || input.privateZone === true;
    if (privateZone && (!input.vpc?.vpcId || !input.vpc.vpcRegion)) {
      throw new InvalidInput(
        'Invalid request: a private hosted zone (PrivateZone true) needs a VPC with both VPCId and VPCRegion.',
      );
    }
    if (input.delegationSetId !== undefined) throw new NoSuchDelegationSet(input.delegationSetId);
    if (this.repo.callerReferenceTaken(accountId, callerReference)) throw new HostedZoneAlreadyExists();

    const now = this.clock.now();
    const nameServers = newNameServers();
    const zone: ZoneRow = {
      id: newHostedZoneId(),
      accountId,
      name: parsed.name,
      callerReference,
      ...(input.comment !== undefined && { comment: input.comment }),
      privateZone,
      vpcs: input.vpc ? [{ vpcId: input.vpc.vpcId as string, vpcRegion: input.vpc.vpcRegion as string }] : [],
      nameServers,
      createdAt: now.toISOString(),
    };
    const apex: RecordSetData[] = [
      {
        name: zone.name,
        type: 'NS',
        ttl: APEX_NS_TTL,
        values: nameServers.map((ns) => `${ns}.`),
      },
      {
        name: zone.name,
        type: 'SOA',
        ttl: SOA_TTL,
        values: [`${nameServers[0]}. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400`],
      },
    ];
    const change = this.repo.transaction(() => {
      this.repo.insertZone(zone);
      for (const record of apex) this.repo.putRecordSet(zone.id, record);
      return this.recordChange(accountId, now);
    });
    this.events.emit('dns-changed', accountId);
    return { zone: { ...zone, recordSetCount: apex.length }, change: this.changeInfo(change) };
  }

  getHostedZone(accountId: string, id: string): HostedZone {
    const zone = this.findZone(accountId, id);
    return { ...zone, recordSetCount: this.repo.countRecordSets(zone.id) };
  }

  /** ListHostedZones: creation order, paged by zone id (`marker`). */
  listHostedZones(
    accountId: string,
    options: { marker?: string; maxItems: number; privateOnly?: boolean; delegationSetId?: string },
  ): Page<HostedZone> {
    if (options.delegationSetId !== undefined) throw new NoSuchDelegationSet(options.delegationSetId);
    const zones = this.repo.listZones(accountId).filter((z) => !options.privateOnly || z.privateZone);
    let start = 0;
    if (options.marker !== undefined) {
      const marker = bareId(options.marker);
      start = zones.findIndex((z) => z.id === marker);
      if (start < 0) throw new InvalidInput(`Invalid marker: no hosted zone with ID ${marker} in this list.`);
    }
    return this.withCounts(this.page(zones, start, options.maxItems));
  }

  /** ListHostedZonesByName: ordered by name with labels reversed, then id; starts at (dnsName, hostedZoneId). */
  listHostedZonesByName(
    accountId: string,
    options: { dnsName?: string; hostedZoneId?: string; maxItems: number },
  ): Page<HostedZone> {
    if (options.hostedZoneId !== undefined && options.dnsName === undefined) {
      throw new InvalidInput('Invalid request: hostedzoneid can be given only together with dnsname.');
    }
    let startKey = '';
    if (options.dnsName !== undefined) {
      const parsed = parseDnsName(options.dnsName);
      if (!parsed.ok) {
        throw new InvalidDomainName(
          `${options.dnsName} is not a valid domain name: ${parsed.problem.description}.`,
        );
      }
      startKey = reversedName(parsed.name);
    }
    const startId = options.hostedZoneId !== undefined ? bareId(options.hostedZoneId) : '';
    const zones = this.repo
      .listZones(accountId)
      .map((z) => ({ zone: z, key: reversedName(z.name) }))
      .sort((a, b) => compare(a.key, b.key) || compare(a.zone.id, b.zone.id));
    const start = zones.findIndex(
      (z) => compare(z.key, startKey) > 0 || (z.key === startKey && z.zone.id >= startId),
    );
    return this.withCounts(
      this.page(
        zones.map((z) => z.zone),
        start < 0 ? zones.length : start,
        options.maxItems,
      ),
    );
  }

  deleteHostedZone(accountId: string, id: string): ChangeInfo {
    const zone = this.findZone(accountId, id);
    const records = this.repo.listRecordSets(zone.id);
    const required = (r: RecordSetData) => r.name === zone.name && (r.type === 'SOA' || r.type === 'NS');
    if (records.some((r) => !required(r))) throw new HostedZoneNotEmpty();
    const change = this.repo.transaction(() => {
      this.repo.deleteZone(accountId, zone.id);
      return this.recordChange(accountId, this.clock.now());
    });
    this.events.emit('dns-changed', accountId);
    return this.changeInfo(change);
  }

  changeResourceRecordSets(
    accountId: string,
    zoneId: string,
    batch: { comment?: string; changes: ChangeInput[] },
  ): ChangeInfo {
    const zone = this.findZone(accountId, zoneId);
    if (batch.comment !== undefined && batch.comment.length > MAX_COMMENT_LENGTH) {
      throw validationError(
        batch.comment,
        'changeBatch.comment',
        `Member must have length less than or equal to ${MAX_COMMENT_LENGTH}`,
      );
    }
    checkChangeShapes(batch.changes);
    checkRequestQuotas(batch.changes);
    for (const change of batch.changes) {
      const healthCheckId = change.recordSet?.routing?.HealthCheckId;
      if (typeof healthCheckId === 'string') throw new NoSuchHealthCheck(healthCheckId);
    }
    const targetZones = new Map<string, AliasTargetZone | undefined>();
    const plan: PlannedChange[] = planChangeBatch(
      zone,
      (names) => this.repo.recordSetsAtNames(zone.id, names),
      batch.changes,
      (targetZoneId) => {
        // One lookup per target zone per batch (40,000 aliases to one zone ask once).
        if (!targetZones.has(targetZoneId)) {
          const target = this.repo.findZone(accountId, targetZoneId);
          targetZones.set(
            targetZoneId,
            target && {
              name: target.name,
              hasRecordSet: (name, type) => this.repo.findRecordSet(target.id, name, type).length > 0,
            },
          );
        }
        return targetZones.get(targetZoneId);
      },
    );
    const change = this.repo.transaction(() => {
      for (const { action, recordSet } of plan) {
        if (action === 'DELETE') this.repo.deleteRecordSet(zone.id, recordSet);
        else this.repo.putRecordSet(zone.id, recordSet);
      }
      return this.recordChange(accountId, this.clock.now(), batch.comment);
    });
    this.events.emit('dns-changed', accountId, [...new Set(plan.map((p) => p.recordSet.name))]);
    return this.changeInfo(change);
  }

  /** ListResourceRecordSets: reversed name, then type, then set identifier; starts at (name, type, identifier). */
  listResourceRecordSets(
    accountId: string,
    zoneId: string,
    options: { name?: string; type?: string; identifier?: string; maxItems: number },
  ): Page<RecordSetData> {
    const zone = this.findZone(accountId, zoneId);
    // AWS answers this one with an empty message (InvalidInput, no text at all).
    if (options.type !== undefined && options.name === undefined) throw new InvalidInput('');
    if (options.identifier !== undefined && options.type === undefined) {
      throw new InvalidInput(
        'Invalid request: a StartRecordIdentifier (identifier) requires StartRecordName and StartRecordType.',
      );
    }
    let start: [string, string, string] = ['', '', ''];
    if (options.name !== undefined) {
      const parsed = parseDnsName(options.name);
      if (!parsed.ok) {
        throw new InvalidInput(
          `Invalid request: StartRecordName ${options.name}: ${parsed.problem.description}.`,
        );
      }
      start = [reversedName(parsed.name), options.type ?? '', options.identifier ?? ''];
    }
    const sorted = this.repo
      .listRecordSets(zone.id)
      .map((r) => ({
        r,
        key: [reversedName(r.name), r.type, r.setIdentifier ?? ''] as [string, string, string],
      }))
      .sort((a, b) => compareKeys(a.key, b.key));
    const index = sorted.findIndex((x) => compareKeys(x.key, start) >= 0);
    return this.page(
      sorted.map((x) => x.r),
      index < 0 ? sorted.length : index,
      options.maxItems,
    );
  }

  /** GetHostedZoneCount: every zone of the account, public and private. */
  getHostedZoneCount(accountId: string): number {
    return this.repo.countZones(accountId);
  }

  /** UpdateHostedZoneComment: sets the comment, or removes it when none is given (as AWS documents). */
  updateHostedZoneComment(accountId: string, id: string, comment: string | undefined): HostedZone {
    const zone = this.findZone(accountId, id);
    if (comment !== undefined && comment.length > MAX_COMMENT_LENGTH) {
      throw validationError(
        comment,
        'comment',
        `Member must have length less than or equal to ${MAX_COMMENT_LENGTH}`,
      );
    }
    this.repo.updateZoneComment(accountId, zone.id, comment === '' ? undefined : comment);
    return this.getHostedZone(accountId, zone.id);
  }

  /** ChangeTagsForResource on a hosted zone: all checks first, then the whole change in one transaction. */
  changeTagsForResource(
    accountId: string,
    resourceType: string,
    resourceId: string,
    change: { add?: ZoneTag[]; removeKeys?: string[] },
  ): void {
    const zone = this.findTaggedZone(accountId, resourceType, resourceId);
    const { add, removeKeys } = change;
    if (add !== undefined) checkListSize(add.length, 'addTags');
    if (removeKeys !== undefined) checkListSize(removeKeys.length, 'removeTagKeys');
    (add ?? []).forEach((tag, i) => {
      checkTagKey(tag.key, `addTags.${i + 1}.member.key`);
      if (tag.value.length > MAX_TAG_VALUE_LENGTH) {
        throw validationError(
          tag.value,
          `addTags.${i + 1}.member.value`,
          `Member must have length less than or equal to ${MAX_TAG_VALUE_LENGTH}`,
        );
      }
    });
    (removeKeys ?? []).forEach((key, i) => {
      checkTagKey(key, `removeTagKeys.${i + 1}.member`);
    });
    const keys = new Set(this.repo.listZoneTags(zone.id).map((t) => t.key));
    for (const key of removeKeys ?? []) keys.delete(key);
    for (const tag of add ?? []) keys.add(tag.key);
    // Route 53 allows 50 tags per resource; its wording for the excess is not published [inf].
    if (keys.size > MAX_TAGS_PER_ZONE) {
      throw new InvalidInput(
        `Invalid request: a hosted zone can have at most ${MAX_TAGS_PER_ZONE} tags; this change would leave ${keys.size}.`,
      );
    }
    this.repo.transaction(() => this.repo.changeZoneTags(zone.id, add ?? [], removeKeys ?? []));
  }

  listTagsForResource(accountId: string, resourceType: string, resourceId: string): ZoneTag[] {
    return this.repo.listZoneTags(this.findTaggedZone(accountId, resourceType, resourceId).id);
  }

  /** ListTagsForResources: 1–10 zones, each must exist; answered in the order asked. */
  listTagsForResources(
    accountId: string,
    resourceType: string,
    resourceIds: string[],
  ): { resourceId: string; tags: ZoneTag[] }[] {
    checkTagResourceType(resourceType);
    checkListSize(resourceIds.length, 'resourceIds');
    return resourceIds.map((id) => {
      const zone = this.findTaggedZone(accountId, resourceType, id);
      return { resourceId: zone.id, tags: this.repo.listZoneTags(zone.id) };
    });
  }

  getChange(accountId: string, id: string): ChangeInfo {
    const changeId = bareId(id);
    if (changeId.length > MAX_ID_LENGTH) {
      throw validationError(changeId, 'id', `Member must have length less than or equal to ${MAX_ID_LENGTH}`);
    }
    const change = this.repo.findChange(accountId, changeId);
    if (!change) throw new NoSuchChange(changeId);
    return this.changeInfo(change);
  }

  /** Public DNS of the emulated world: the account's public zone with the longest matching suffix. */
  readonly dnsView: DnsView = {
    answersFromStore: true,
    lookup: (accountId, name, type) => {
      const found = this.answeringZone(accountId, name);
      if (!found) return undefined;
      const sets = this.repo.findRecordSet(found.zone.id, found.name, type.toUpperCase());
      if (sets.length === 0) return undefined;
      const answer: DnsRecordSet = {
        ttl: sets[0]?.ttl ?? 0,
        values: sets.flatMap((s) => s.values),
      };
      return answer;
    },
    nameExists: (accountId, name) => {
      const found = this.answeringZone(accountId, name);
      return found !== undefined && this.repo.nameHasRecords(found.zone.id, found.name);
    },
  };

  /** The account's public zones as the DNS server answers from them (simple-routing records only). */
  zoneRecordSource(accountId: string): ZoneRecordSource {
    const fqdn = (name: string) => `${name.replace(/\.$/, '').toLowerCase()}.`;
    return {
      zoneFor: (name) => {
        const found = this.answeringZone(accountId, fqdn(name));
        if (!found) return undefined;
        const zoneId = found.zone.id;
        return {
          name: found.zone.name.replace(/\.$/, ''),
          recordSets: (at) =>
            this.repo
              .recordSetsAt(zoneId, fqdn(at))
              .filter((set) => set.setIdentifier === undefined && set.aliasTarget === undefined)
              .map((set) => ({ type: set.type, ttl: set.ttl ?? 300, values: set.values })),
          hasNamesBelow: (at) => this.repo.hasNamesAtOrBelow(zoneId, fqdn(at)),
        };
      },
    };
  }

  private answeringZone(accountId: string, rawName: string): { zone: ZoneRow; name: string } | undefined {
    const parsed = parseDnsName(rawName);
    if (!parsed.ok) return undefined;
    // The longest enclosing zone, in one indexed query over the name's suffixes (a GetEmailIdentity of a
    // checked domain asks this for each of its labels; a query per suffix was 8% of its CPU).
    const zone = this.repo.findClosestPublicZone(accountId, suffixesOf(parsed.name));
    return zone && { zone, name: parsed.name };
  }

  private findTaggedZone(accountId: string, resourceType: string, resourceId: string): ZoneRow {
    checkTagResourceType(resourceType);
    // The emulator has no health checks, so every health-check id is unknown.
    if (resourceType === 'healthcheck') throw new NoSuchHealthCheck(resourceId);
    return this.findZone(accountId, resourceId);
  }

  private findZone(accountId: string, id: string): ZoneRow {
    const zoneId = bareId(id);
    if (zoneId.length > MAX_ID_LENGTH) {
      throw validationError(zoneId, 'id', `Member must have length less than or equal to ${MAX_ID_LENGTH}`);
    }
    const zone = this.repo.findZone(accountId, zoneId);
    if (!zone) throw new NoSuchHostedZone(zoneId);
    return zone;
  }

  private page<T>(items: T[], start: number, maxItems: number): Page<T> {
    const slice = items.slice(start, start + maxItems);
    const next = items[start + maxItems];
    return next === undefined ? { items: slice } : { items: slice, next };
  }

  private withCounts(page: Page<ZoneRow>): Page<HostedZone> {
    const count = (zone: ZoneRow): HostedZone => ({
      ...zone,
      recordSetCount: this.repo.countRecordSets(zone.id),
    });
    return page.next
      ? { items: page.items.map(count), next: count(page.next) }
      : { items: page.items.map(count) };
  }

  private recordChange(accountId: string, submittedAt: Date, comment?: string): ChangeRow {
    const change: ChangeRow = {
      id: newChangeId(),
      accountId,
      submittedAt: submittedAt.toISOString(),
      ...(comment !== undefined && { comment }),
    };
    this.repo.insertChange(change);
    return change;
  }

  private changeInfo(change: ChangeRow): ChangeInfo {
    const submittedAt = new Date(change.submittedAt);
    const insync = this.clock.now().getTime() >= submittedAt.getTime() + CHANGE_PROPAGATION_SECONDS * 1000;
    return {
      id: change.id,
      status: insync ? 'INSYNC' : 'PENDING',
      submittedAt,
      ...(change.comment !== undefined && { comment: change.comment }),
    };
  }
}

function checkTagResourceType(resourceType: string): void {
  if (!TAG_RESOURCE_TYPES.includes(resourceType as (typeof TAG_RESOURCE_TYPES)[number])) {
    throw validationError(
      resourceType,
      'resourceType',
      `Member must satisfy enum value set: [${TAG_RESOURCE_TYPES.join(', ')}]`,
    );
  }
}

/** The model's 1–10 members per tag list. */
function checkListSize(size: number, field: string): void {
  if (size < 1) throw validationError('[]', field, 'Member must have length greater than or equal to 1');
  if (size > MAX_TAG_CHANGES_PER_CALL) {
    throw validationError(
      undefined,
      field,
      `Member must have length less than or equal to ${MAX_TAG_CHANGES_PER_CALL}`,
    );
  }
}

function checkTagKey(key: string, field: string): void {
  if (key.length > MAX_TAG_KEY_LENGTH) {
    throw validationError(key, field, `Member must have length less than or equal to ${MAX_TAG_KEY_LENGTH}`);
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length; i++) {
    const c = compare(a[i] as string, b[i] as string);
    if (c !== 0) return c;
  }
  return 0;
}
