import type {
  ChangeInfo as WireChangeInfo,
  HostedZone as WireHostedZone,
  ResourceRecordSet as WireResourceRecordSet,
} from '@aws-sdk/client-route-53';
import {
  type ParsedXml,
  type ParsedXmlNode,
  type XmlElement,
  type XmlValue,
  xmlList,
} from '../../protocol/xml.js';
import type { RecordSetData } from '../../store/route53-repo.js';
import type { ChangeInput, RecordSetInput } from './change-batch.js';
import { presentDnsName } from './dns-names.js';
import { InvalidInput, validationError } from './errors.js';
import type { ChangeInfo, HostedZone, ZoneTag } from './model.js';

/**
 * Route 53 wire shapes ↔ model: XML element trees typed against the SDK's shapes (`import type`), and the
 * request-body readers that turn parsed XML into model input, naming the member when a value is malformed.
 */

export const ROUTE53_NAMESPACE = 'https://route53.amazonaws.com/doc/2013-04-01/';

/** Member elements that repeat inside their wrapper (always parsed as arrays). */
export const REQUEST_LIST_MEMBERS = ['Change', 'ResourceRecord', 'Tag'] as const;

type Wire<T> = { [K in keyof T]?: XmlValue };

export function changeInfoXml(change: ChangeInfo): XmlElement {
  const wire: Wire<WireChangeInfo> = {
    Id: `/change/${change.id}`,
    Status: change.status,
    SubmittedAt: change.submittedAt,
    Comment: change.comment,
  };
  return wire as XmlElement;
}

export function hostedZoneXml(zone: HostedZone): XmlElement {
  const wire: Wire<WireHostedZone> = {
    Id: `/hostedzone/${zone.id}`,
    Name: presentDnsName(zone.name),
    CallerReference: zone.callerReference,
    Config: { Comment: zone.comment, PrivateZone: zone.privateZone },
    ResourceRecordSetCount: zone.recordSetCount,
  };
  return wire as XmlElement;
}

export function delegationSetXml(zone: HostedZone): XmlElement {
  return { NameServers: xmlList('NameServer', zone.nameServers) };
}

export function vpcsXml(zone: HostedZone): XmlValue {
  return xmlList(
    'VPC',
    zone.vpcs.map((v) => ({ VPCRegion: v.vpcRegion, VPCId: v.vpcId })),
  );
}

const ROUTING_BEFORE_TTL = ['Weight', 'Region', 'GeoLocation', 'Failover', 'MultiValueAnswer'] as const;
const ROUTING_AFTER_RECORDS = [
  'HealthCheckId',
  'TrafficPolicyInstanceId',
  'CidrRoutingConfig',
  'GeoProximityLocation',
] as const;
const ROUTING_MEMBERS: readonly string[] = [...ROUTING_BEFORE_TTL, ...ROUTING_AFTER_RECORDS];

function pick(routing: Record<string, unknown> | undefined, names: readonly string[]): XmlElement {
  const out: XmlElement = {};
  for (const name of names) {
    if (routing?.[name] !== undefined) out[name] = routing[name] as XmlValue;
  }
  return out;
}

/** A record set in Route 53's element order (it matters to some clients). */
export function recordSetXml(record: RecordSetData): XmlElement {
  const wire: Wire<WireResourceRecordSet> = {
    Name: presentDnsName(record.name),
    Type: record.type,
    SetIdentifier: record.setIdentifier,
    ...pick(record.routing, ROUTING_BEFORE_TTL),
    TTL: record.ttl,
    ResourceRecords: record.aliasTarget
      ? undefined
      : xmlList(
          'ResourceRecord',
          record.values.map((value) => ({ Value: value })),
        ),
    AliasTarget: record.aliasTarget && {
      HostedZoneId: record.aliasTarget.hostedZoneId,
      DNSName: record.aliasTarget.dnsName,
      EvaluateTargetHealth: record.aliasTarget.evaluateTargetHealth,
    },
    ...pick(record.routing, ROUTING_AFTER_RECORDS),
  };
  return wire as XmlElement;
}

// ---- request readers -------------------------------------------------------------------------------

function isElement(node: ParsedXmlNode | undefined): node is ParsedXml {
  return typeof node === 'object' && node !== null && !Array.isArray(node);
}

/** Text of a child element; InvalidInput when the element is not text. */
export function textOf(parent: ParsedXml | undefined, name: string, path: string): string | undefined {
  const node = parent?.[name];
  if (node === undefined) return undefined;
  if (typeof node !== 'string') throw validationError('<element>', path, 'Member must be a string');
  return node;
}

/** A child element holding children; an empty element counts as present with no children. */
export function elementOf(parent: ParsedXml | undefined, name: string, path: string): ParsedXml | undefined {
  const node = parent?.[name];
  if (node === undefined) return undefined;
  if (node === '') return {};
  if (!isElement(node)) throw validationError(node, path, 'Member must be a structure');
  return node;
}

function integerOf(parent: ParsedXml, name: string, path: string): number | undefined {
  const text = textOf(parent, name, path);
  if (text === undefined) return undefined;
  if (!/^-?\d+$/.test(text)) throw validationError(text, path, 'Member must be an integer');
  return Number(text);
}

function booleanOf(parent: ParsedXml, name: string, path: string): boolean | undefined {
  const text = textOf(parent, name, path);
  if (text === undefined) return undefined;
  if (text !== 'true' && text !== 'false') throw validationError(text, path, 'Member must be true or false');
  return text === 'true';
}

export function membersOf(parent: ParsedXml | undefined, member: string, path: string): ParsedXml[] {
  const node = parent?.[member];
  if (node === undefined) return [];
  const items = Array.isArray(node) ? node : [node];
  return items.map((item, i) => {
    if (item === '') return {};
    if (!isElement(item))
      throw validationError(item, `${path}.${i + 1}.member`, 'Member must be a structure');
    return item;
  });
}

function readRecordSet(node: ParsedXml, path: string): RecordSetInput {
  const recordsNode = elementOf(node, 'ResourceRecords', `${path}.resourceRecords`);
  const values = recordsNode
    ? membersOf(recordsNode, 'ResourceRecord', `${path}.resourceRecords`).map((r, i) => {
        const value = textOf(r, 'Value', `${path}.resourceRecords.${i + 1}.member.value`);
        if (value === undefined) {
          throw validationError(
            undefined,
            `${path}.resourceRecords.${i + 1}.member.value`,
            'Member must not be null',
          );
        }
        return value;
      })
    : undefined;
  const alias = elementOf(node, 'AliasTarget', `${path}.aliasTarget`);
  let aliasTarget: RecordSetInput['aliasTarget'];
  if (alias) {
    const hostedZoneId = textOf(alias, 'HostedZoneId', `${path}.aliasTarget.hostedZoneId`);
    const dnsName = textOf(alias, 'DNSName', `${path}.aliasTarget.dNSName`);
    const evaluate = booleanOf(alias, 'EvaluateTargetHealth', `${path}.aliasTarget.evaluateTargetHealth`);
    if (!hostedZoneId || !dnsName || evaluate === undefined) {
      throw new InvalidInput(
        `Invalid request: AliasTarget at '${path}.aliasTarget' needs HostedZoneId, DNSName and EvaluateTargetHealth.`,
      );
    }
    aliasTarget = { hostedZoneId, dnsName, evaluateTargetHealth: evaluate };
  }
  const routing: Record<string, unknown> = {};
  for (const member of ROUTING_MEMBERS) {
    if (node[member] !== undefined) routing[member] = node[member];
  }
  const setIdentifier = textOf(node, 'SetIdentifier', `${path}.setIdentifier`);
  const ttl = integerOf(node, 'TTL', `${path}.tTL`);
  return {
    name: textOf(node, 'Name', `${path}.name`),
    type: textOf(node, 'Type', `${path}.type`),
    ...(setIdentifier !== undefined && { setIdentifier }),
    ...(ttl !== undefined && { ttl }),
    ...(values !== undefined && { values }),
    ...(aliasTarget && { aliasTarget }),
    ...(Object.keys(routing).length > 0 && { routing }),
  };
}

/** `<ChangeResourceRecordSetsRequest>` children → the model's change batch. */
export function readChangeBatch(root: ParsedXml): { comment?: string; changes: ChangeInput[] } {
  const batch = elementOf(root, 'ChangeBatch', 'changeBatch');
  if (!batch) throw validationError(undefined, 'changeBatch', 'Member must not be null');
  const changesNode = elementOf(batch, 'Changes', 'changeBatch.changes');
  if (!changesNode) throw validationError(undefined, 'changeBatch.changes', 'Member must not be null');
  const changes = membersOf(changesNode, 'Change', 'changeBatch.changes').map((change, i) => {
    const path = `changeBatch.changes.${i + 1}.member`;
    const rrset = elementOf(change, 'ResourceRecordSet', `${path}.resourceRecordSet`);
    return {
      action: textOf(change, 'Action', `${path}.action`),
      recordSet: rrset ? readRecordSet(rrset, `${path}.resourceRecordSet`) : undefined,
    };
  });
  const comment = textOf(batch, 'Comment', 'changeBatch.comment');
  return { ...(comment !== undefined && { comment }), changes };
}

/** `maxitems` query parameter: a positive integer, capped at `limit` like Route 53 does. */
export function readMaxItems(query: URLSearchParams, limit: number): number {
  const raw = query.get('maxitems');
  if (raw === null || raw === '') return limit;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) {
    throw validationError(raw, 'maxItems', 'Member must be a positive integer');
  }
  return Math.min(Number(raw), limit);
}

/** `<AddTags>` / `<RemoveTagKeys>` of a ChangeTagsForResourceRequest. */
export function readTagChange(root: ParsedXml): { add?: ZoneTag[]; removeKeys?: string[] } {
  const addNode = elementOf(root, 'AddTags', 'addTags');
  const add = addNode
    ? membersOf(addNode, 'Tag', 'addTags').map((tag, i) => {
        const key = textOf(tag, 'Key', `addTags.${i + 1}.member.key`);
        if (key === undefined || key === '') {
          throw validationError(undefined, `addTags.${i + 1}.member.key`, 'Member must not be null');
        }
        return { key, value: textOf(tag, 'Value', `addTags.${i + 1}.member.value`) ?? '' };
      })
    : undefined;
  const removeNode = root.RemoveTagKeys;
  const removeKeys =
    removeNode === undefined
      ? undefined
      : textsOf(elementOf(root, 'RemoveTagKeys', 'removeTagKeys'), 'Key', 'removeTagKeys');
  return { ...(add !== undefined && { add }), ...(removeKeys !== undefined && { removeKeys }) };
}

/** `<ResourceIds><ResourceId>…` of a ListTagsForResourcesRequest. */
export function readResourceIds(root: ParsedXml): string[] {
  const node = elementOf(root, 'ResourceIds', 'resourceIds');
  if (!node) throw validationError(undefined, 'resourceIds', 'Member must not be null');
  return textsOf(node, 'ResourceId', 'resourceIds');
}

/** Repeated text members (`<Key>a</Key><Key>b</Key>`; one alone is parsed as a string, several as an array). */
function textsOf(parent: ParsedXml | undefined, member: string, path: string): string[] {
  const node = parent?.[member];
  if (node === undefined) return [];
  const items = Array.isArray(node) ? node : [node];
  return items.map((item, i) => {
    if (typeof item !== 'string')
      throw validationError('<element>', `${path}.${i + 1}.member`, 'Member must be a string');
    return item;
  });
}

export function tagsXml(tags: ZoneTag[]): XmlValue {
  return xmlList(
    'Tag',
    tags.map((t) => ({ Key: t.key, Value: t.value })),
  );
}
