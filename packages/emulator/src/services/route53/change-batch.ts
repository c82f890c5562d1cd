import type { RecordSetData } from '../../store/route53-repo.js';
import { isInZone, parseDnsName, presentDnsName } from './dns-names.js';
import { InvalidChangeBatch, InvalidInput, validationError, xmlEnumerationError } from './errors.js';
import { bareId } from './ids.js';
import { checkRecordValue, sameValues } from './record-values.js';

/**
 * ChangeResourceRecordSets rules, pure: shape checks (InvalidInput, naming the member and the rule) and
 * the batch plan, applied change by change to a copy of the zone (InvalidChangeBatch with every message).
 * Nothing here touches the store; the caller applies the plan in one transaction.
 */

export const CHANGE_ACTIONS = ['CREATE', 'DELETE', 'UPSERT'] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];
export const RR_TYPES = [
  'SOA',
  'A',
  'TXT',
  'NS',
  'CNAME',
  'MX',
  'NAPTR',
  'PTR',
  'SRV',
  'SPF',
  'AAAA',
  'CAA',
  'DS',
  'TLSA',
  'SSHFP',
  'SVCB',
  'HTTPS',
] as const;
export const FAILOVER_VALUES = ['PRIMARY', 'SECONDARY'] as const;
/**
 * The members that make a record set part of a routing policy; each needs a SetIdentifier, and a set
 * with a SetIdentifier needs exactly one of them. MultiValueAnswer counts even when `false` (AWS answers
 * "Missing field 'SetIdentifier'" for `MultiValueAnswer: false` without one: aws/aws-sdk#75).
 */
export const ROUTING_POLICY_MEMBERS = [
  'Weight',
  'Region',
  'Failover',
  'GeoLocation',
  'MultiValueAnswer',
  'CidrRoutingConfig',
  'GeoProximityLocation',
] as const;
export const MAX_SET_IDENTIFIER_LENGTH = 128;
export const MAX_TTL = 2147483647;
/** Per-request quotas (UPSERT counts twice for both). */
export const MAX_RECORDS_PER_REQUEST = 1000;
export const MAX_VALUE_CHARS_PER_REQUEST = 32000;

export interface ChangeInput {
  action: string | undefined;
  recordSet: RecordSetInput | undefined;
}

/** A record set as the client described it (name not yet normalised, numbers already parsed). */
export interface RecordSetInput {
  name: string | undefined;
  type: string | undefined;
  setIdentifier?: string;
  ttl?: number;
  values?: string[];
  aliasTarget?: RecordSetData['aliasTarget'];
  routing?: Record<string, unknown>;
}

export interface PlannedChange {
  action: ChangeAction;
  recordSet: RecordSetData;
}

export interface ZoneForPlan {
  id: string;
  name: string;
}

/** Another hosted zone of the account an alias may target: its name and whether it holds a record set. */
export interface AliasTargetZone {
  name: string;
  hasRecordSet(name: string, type: string): boolean;
}

/** Looks up an alias's target zone by bare id; `undefined` when it is not one of the account's zones. */
export type AliasTargetZones = (zoneId: string) => AliasTargetZone | undefined;

function memberPath(index: number, member: string): string {
  return `changeBatch.changes.${index + 1}.member.${member}`;
}

/** Throws InvalidInput for the first change that is not shaped like a Route 53 change. */
export function checkChangeShapes(changes: ChangeInput[]): void {
  if (changes.length === 0) {
    throw validationError('[]', 'changeBatch.changes', 'Member must have length greater than or equal to 1');
  }
  changes.forEach((change, i) => {
    // An enum value the schema does not list is refused by Route 53's XML schema validation, before
    // any rule runs: `Invalid XML ; cvc-enumeration-valid: …` (InvalidInput). A missing element is
    // still the model's "must not be null".
    if (change.action === undefined) {
      throw validationError(undefined, memberPath(i, 'action'), 'Member must not be null');
    }
    if (!CHANGE_ACTIONS.includes(change.action as ChangeAction)) {
      throw xmlEnumerationError(change.action, CHANGE_ACTIONS);
    }
    const rrset = change.recordSet;
    if (!rrset)
      throw validationError(undefined, memberPath(i, 'resourceRecordSet'), 'Member must not be null');
    if (!rrset.name) {
      throw validationError(undefined, memberPath(i, 'resourceRecordSet.name'), 'Member must not be null');
    }
    if (rrset.type === undefined) {
      throw validationError(undefined, memberPath(i, 'resourceRecordSet.type'), 'Member must not be null');
    }
    if (!RR_TYPES.includes(rrset.type as (typeof RR_TYPES)[number])) {
      throw xmlEnumerationError(rrset.type, RR_TYPES);
    }
    const failover = rrset.routing?.Failover;
    if (failover !== undefined && !FAILOVER_VALUES.includes(failover as (typeof FAILOVER_VALUES)[number])) {
      throw xmlEnumerationError(typeof failover === 'string' ? failover : '', FAILOVER_VALUES);
    }
    if (rrset.ttl !== undefined && !(Number.isInteger(rrset.ttl) && rrset.ttl >= 0 && rrset.ttl <= MAX_TTL)) {
      throw validationError(
        rrset.ttl,
        memberPath(i, 'resourceRecordSet.tTL'),
        `Member must be an integer from 0 to ${MAX_TTL}`,
      );
    }
    if (rrset.values && rrset.values.length === 0) {
      throw validationError(
        '[]',
        memberPath(i, 'resourceRecordSet.resourceRecords'),
        'Member must have length greater than or equal to 1',
      );
    }
    const hasRecords = rrset.ttl !== undefined && rrset.values !== undefined;
    const hasAlias = rrset.aliasTarget !== undefined;
    const hasPolicy = rrset.routing?.TrafficPolicyInstanceId !== undefined;
    if (
      [hasRecords, hasAlias, hasPolicy].filter(Boolean).length !== 1 ||
      (hasAlias && rrset.ttl !== undefined)
    ) {
      throw new InvalidInput(
        'Invalid request: Expected exactly one of [AliasTarget, all of [TTL, and ResourceRecords], or ' +
          `TrafficPolicyInstanceId], but found ${hasRecords || hasAlias || hasPolicy ? 'more than one' : 'none'} ` +
          `in Change with [Action=${change.action}, Name=${rrset.name}, Type=${rrset.type}, ` +
          `SetIdentifier=${rrset.setIdentifier ?? 'null'}]`,
      );
    }
    checkSetIdentifier(change, i);
  });
}

/**
 * SetIdentifier and routing policies go together (AWS's wording, observed in boto3#2240, ansible
 * community.aws#615 and terraform-provider-aws#1668): a policy member without a SetIdentifier is
 * "Missing field 'SetIdentifier'", a SetIdentifier with no policy (or with two) is "Expected exactly one of
 * [Weight, Region, Failover, GeoLocation, or MultiValueAnswer]". The list in the message is AWS's own
 * (the CIDR and geoproximity policies came later and are not named there, but they count).
 */
function checkSetIdentifier(change: ChangeInput, index: number): void {
  const rrset = change.recordSet as RecordSetInput;
  const where =
    `in Change with [Action=${change.action}, Name=${rrset.name}, Type=${rrset.type}, ` +
    `SetIdentifier=${rrset.setIdentifier ?? 'null'}]`;
  const policies = ROUTING_POLICY_MEMBERS.filter((member) => rrset.routing?.[member] !== undefined);
  if (rrset.setIdentifier === undefined) {
    if (policies.length > 0)
      throw new InvalidInput(`Invalid request: Missing field 'SetIdentifier' ${where}`);
    return;
  }
  if (rrset.setIdentifier.length < 1 || rrset.setIdentifier.length > MAX_SET_IDENTIFIER_LENGTH) {
    throw validationError(
      rrset.setIdentifier,
      memberPath(index, 'resourceRecordSet.setIdentifier'),
      `Member must have length between 1 and ${MAX_SET_IDENTIFIER_LENGTH}`,
    );
  }
  if (policies.length !== 1) {
    throw new InvalidInput(
      'Invalid request: Expected exactly one of [Weight, Region, Failover, GeoLocation, or MultiValueAnswer], ' +
        `but found ${policies.length === 0 ? 'none' : 'more than one'} ${where}`,
    );
  }
}

/** Throws InvalidChangeBatch when the batch exceeds the per-request record or value-character quota. */
export function checkRequestQuotas(changes: ChangeInput[]): void {
  let records = 0;
  let chars = 0;
  for (const change of changes) {
    const weight = change.action === 'UPSERT' ? 2 : 1;
    const values = change.recordSet?.values ?? [];
    records += weight * values.length;
    chars += weight * values.reduce((sum, v) => sum + v.length, 0);
  }
  const messages: string[] = [];
  // AWS's text, word for word: "[Number of records limit of 1000 exceeded.]" (UPSERT counts twice).
  if (records > MAX_RECORDS_PER_REQUEST) {
    messages.push(`Number of records limit of ${MAX_RECORDS_PER_REQUEST} exceeded.`);
  }
  if (chars > MAX_VALUE_CHARS_PER_REQUEST) {
    messages.push(
      `Number of characters limit of ${MAX_VALUE_CHARS_PER_REQUEST} exceeded: the request has ${chars} characters in Value elements (UPSERT counts twice)`,
    );
  }
  if (messages.length > 0) throw new InvalidChangeBatch(messages);
}

const keyOf = (r: Pick<RecordSetData, 'name' | 'type' | 'setIdentifier'>) =>
  `${r.name}|${r.type}|${r.setIdentifier ?? ''}`;

function describe(r: Pick<RecordSetData, 'name' | 'type' | 'setIdentifier'>): string {
  const setId = r.setIdentifier !== undefined ? `, set-identifier='${r.setIdentifier}'` : '';
  return `[name='${presentDnsName(r.name)}', type='${r.type}'${setId}]`;
}

function sameRecordSet(a: RecordSetData, b: RecordSetData): boolean {
  return (
    a.ttl === b.ttl &&
    sameValues(a.values, b.values) &&
    JSON.stringify(a.aliasTarget ?? null) === JSON.stringify(b.aliasTarget ?? null) &&
    JSON.stringify(a.routing ?? null) === JSON.stringify(b.routing ?? null)
  );
}

/**
 * The zone's stored record sets at any of `names` (decoded, lowercase, with the trailing dot), every
 * type and set identifier.
 */
export type RecordSetsAt = (names: readonly string[]) => RecordSetData[];

/**
 * The names whose stored record sets decide a batch: each change's own name and, for an alias into
 * this zone, its target's. Every rule of the plan reads only these (the record set a change names,
 * the types at a name it writes, an alias target's name + type), so the plan loads them, not the zone.
 */
function namesBatchReads(zone: ZoneForPlan, changes: ChangeInput[]): string[] {
  const names = new Set<string>();
  for (const change of changes) {
    const input = change.recordSet as RecordSetInput;
    const parsed = parseDnsName(input.name as string);
    if (parsed.ok) names.add(parsed.name);
    if (input.aliasTarget && bareId(input.aliasTarget.hostedZoneId) === zone.id) {
      const target = parseDnsName(input.aliasTarget.dnsName);
      if (target.ok) names.add(target.name);
    }
  }
  return [...names];
}

/**
 * Applies `changes` (already shape-checked) in order to a copy of the zone's record sets at the names
 * the batch reads (`recordSetsAt`, asked once) and returns what to write, or throws InvalidChangeBatch
 * listing every problem (then nothing may be applied).
 */
export function planChangeBatch(
  zone: ZoneForPlan,
  recordSetsAt: RecordSetsAt,
  changes: ChangeInput[],
  otherZones: AliasTargetZones = () => undefined,
): PlannedChange[] {
  const zoneShown = presentDnsName(zone.name);
  const current = recordSetsAt(namesBatchReads(zone, changes));
  const working = new Map(current.map((r) => [keyOf(r), r]));
  // How many record sets the working zone holds per name + type (alias targets are looked up by that).
  const setsByNameType = new Map<string, number>();
  const nameTypeKey = (r: Pick<RecordSetData, 'name' | 'type'>) => `${r.name}|${r.type}`;
  const countSet = (r: RecordSetData, delta: number) =>
    setsByNameType.set(nameTypeKey(r), (setsByNameType.get(nameTypeKey(r)) ?? 0) + delta);
  for (const r of current) countSet(r, 1);
  const thisZone: AliasTargetZone = {
    name: zone.name,
    hasRecordSet: (name, type) => (setsByNameType.get(nameTypeKey({ name, type })) ?? 0) > 0,
  };
  // Per record set: how many changes named it and the first one's action (all the repeat rule needs).
  // Every step below is a map lookup, so planning is linear in the batch and the record sets it reads.
  const seenByKey = new Map<string, { count: number; first: ChangeAction }>();
  const touchedNames = new Map<string, string>();
  const planned: PlannedChange[] = [];
  const messages: string[] = [];

  for (const change of changes) {
    const input = change.recordSet as RecordSetInput;
    const action = change.action as ChangeAction;
    const parsed = parseDnsName(input.name as string);
    if (!parsed.ok) {
      messages.push(
        `FATAL problem: ${parsed.problem.code} (${parsed.problem.description}) encountered with '${parsed.problem.encountered ?? input.name}'`,
      );
      continue;
    }
    const record: RecordSetData = {
      name: parsed.name,
      type: input.type as string,
      ...(input.setIdentifier !== undefined && { setIdentifier: input.setIdentifier }),
      ...(input.ttl !== undefined && { ttl: input.ttl }),
      values: input.values ?? [],
      ...(input.aliasTarget && { aliasTarget: input.aliasTarget }),
      ...(input.routing && Object.keys(input.routing).length > 0 && { routing: input.routing }),
    };
    const shown = presentDnsName(record.name);
    if (!(record.name === zone.name || record.name.endsWith(`.${zone.name}`))) {
      messages.push(`RRSet with DNS name ${shown} is not permitted in zone ${zoneShown}`);
      continue;
    }
    const key = keyOf(record);
    const seen = seenByKey.get(key);
    if (seen) seen.count++;
    else seenByKey.set(key, { count: 1, first: action });
    // Only DELETE then CREATE may name the same record set twice in one batch.
    if (seen && !(seen.count === 2 && seen.first === 'DELETE' && action === 'CREATE')) {
      messages.push(
        `The request contains an invalid set of changes for a resource record set '${record.type} ${shown}'`,
      );
      continue;
    }
    if (action !== 'DELETE') {
      const valueProblems = record.values
        .map((v) => checkRecordValue(record.type, v))
        .filter((m): m is string => m !== undefined);
      if (valueProblems.length > 0) {
        messages.push(...valueProblems);
        continue;
      }
      if (record.type === 'CNAME' && record.values.length > 1) {
        messages.push(
          `Invalid Resource Record: FATAL problem: RRSetTooManyValues (an RRSet of type CNAME can have only one value) encountered with '${shown}'`,
        );
        continue;
      }
      if (record.type === 'CNAME' && record.name === zone.name) {
        messages.push(
          `RRSet of type CNAME with DNS name ${shown} is not permitted at apex in zone ${zoneShown}`,
        );
        continue;
      }
    }
    if (action !== 'DELETE' && record.aliasTarget) {
      const problems = aliasProblems(record, zone.id, thisZone, otherZones);
      if (problems.length > 0) {
        messages.push(...problems);
        continue;
      }
    }
    const existing = working.get(key);
    switch (action) {
      case 'CREATE':
        if (existing) {
          messages.push(`Tried to create resource record set ${describe(record)} but it already exists`);
          continue;
        }
        working.set(key, record);
        countSet(record, 1);
        break;
      case 'UPSERT':
        if (!existing) countSet(record, 1);
        working.set(key, record);
        break;
      case 'DELETE':
        if (!existing) {
          messages.push(`Tried to delete resource record set ${describe(record)} but it was not found`);
          continue;
        }
        if (!sameRecordSet(existing, record)) {
          messages.push(
            `Tried to delete resource record set ${describe(record)} but the values provided do not match the current values`,
          );
          continue;
        }
        if (record.name === zone.name && record.type === 'SOA') {
          messages.push('A HostedZone must contain exactly one SOA record.');
          continue;
        }
        if (record.name === zone.name && record.type === 'NS') {
          messages.push('A HostedZone must contain at least one NS record for the zone itself.');
          continue;
        }
        working.delete(key);
        countSet(record, -1);
        break;
    }
    planned.push({ action, recordSet: record });
    if (action !== 'DELETE') touchedNames.set(record.name, record.type);
  }

  if (messages.length === 0) messages.push(...cnameConflicts(working, touchedNames, zoneShown));
  if (messages.length > 0) throw new InvalidChangeBatch(messages);
  return planned;
}

/**
 * An alias into one of the account's zones must name a record set of the same type that exists in that
 * zone (as the batch leaves it so far, when it is this zone) and lies within it. AWS's wording, both
 * messages when both apply (observed in harmony-one/harmony-ops#491, barnybug/cli53#213 and #227):
 * `Tried to create an alias that targets <name>., type <T> in zone <id>, but the alias target name does
 * not lie within the target zone` / `…, but that target was not found`. A zone id that is none of the
 * account's zones is an AWS service's zone (ELB, CloudFront, S3 websites…), which the emulator does not
 * model, so such aliases are accepted as they are.
 */
function aliasProblems(
  record: RecordSetData,
  zoneId: string,
  thisZone: AliasTargetZone,
  otherZones: AliasTargetZones,
): string[] {
  const alias = record.aliasTarget as NonNullable<RecordSetData['aliasTarget']>;
  const targetZoneId = bareId(alias.hostedZoneId);
  const target = targetZoneId === zoneId ? thisZone : otherZones(targetZoneId);
  if (!target) return [];
  const parsed = parseDnsName(alias.dnsName);
  if (!parsed.ok) {
    return [
      `FATAL problem: ${parsed.problem.code} (${parsed.problem.description}) encountered with '${parsed.problem.encountered ?? alias.dnsName}'`,
    ];
  }
  const shown = `Tried to create an alias that targets ${presentDnsName(parsed.name)}, type ${record.type} in zone ${targetZoneId}`;
  const problems: string[] = [];
  const within = isInZone(parsed.name, target.name);
  if (!within) problems.push(`${shown}, but the alias target name does not lie within the target zone`);
  if (!within || !target.hasRecordSet(parsed.name, record.type)) {
    problems.push(`${shown}, but that target was not found`);
  }
  return problems;
}

/** A CNAME must be alone at its name (other CNAMEs of a routing policy excepted). */
function cnameConflicts(
  working: Map<string, RecordSetData>,
  touchedNames: Map<string, string>,
  zoneShown: string,
): string[] {
  // The types at each touched name, from one pass over the record sets read (every one at a touched
  // name), as the batch leaves them.
  const typesAt = new Map<string, Set<string>>();
  for (const name of touchedNames.keys()) typesAt.set(name, new Set());
  for (const record of working.values()) typesAt.get(record.name)?.add(record.type);
  const messages: string[] = [];
  for (const [name, touchedType] of touchedNames) {
    const types = typesAt.get(name) as Set<string>;
    if (!types.has('CNAME') || types.size === 1) continue;
    const shown = presentDnsName(name);
    messages.push(
      touchedType === 'CNAME'
        ? `RRSet of type CNAME with DNS name ${shown} is not permitted as it conflicts with other records with the same DNS name in zone ${zoneShown}`
        : `RRSet of type ${touchedType} with DNS name ${shown} is not permitted because a conflicting RRSet of type CNAME with the same DNS name already exists in zone ${zoneShown}`,
    );
  }
  return messages;
}
