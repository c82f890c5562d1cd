import type { IncomingRequest, OutgoingResponse } from '../../protocol/http-types.js';
import { xmlResponse } from '../../protocol/rest-xml.js';
import { Router } from '../../protocol/router.js';
import {
  type ParsedXml,
  parseXmlRequest,
  type XmlElement,
  XmlSyntaxError,
  xmlList,
} from '../../protocol/xml.js';
import { RR_TYPES } from './change-batch.js';
import { presentDnsName } from './dns-names.js';
import { InvalidInput, validationError } from './errors.js';
import { bareId } from './ids.js';
import { MAX_RECORD_SETS_PER_PAGE, MAX_ZONES_PER_PAGE, type Route53Model } from './model.js';
import {
  changeInfoXml,
  delegationSetXml,
  elementOf,
  hostedZoneXml,
  REQUEST_LIST_MEMBERS,
  ROUTE53_NAMESPACE,
  readChangeBatch,
  readMaxItems,
  readResourceIds,
  readTagChange,
  recordSetXml,
  tagsXml,
  textOf,
  vpcsXml,
} from './wire.js';

/** Route 53 operations (method + path as in `@aws-sdk/client-route-53`'s serializers) → handlers. */

function respond(req: IncomingRequest, operation: string, body: XmlElement, status = 200, headers = {}) {
  return xmlResponse(req, ROUTE53_NAMESPACE, `${operation}Response`, body, { status, headers });
}

/** The request's XML body; `optional` bodies (every member optional: the SDK then sends none) may be empty. */
function readBody(req: IncomingRequest, root: string, options: { optional?: boolean } = {}): ParsedXml {
  if (options.optional && req.body.toString('utf8').trim() === '') return {};
  try {
    return parseXmlRequest(req.body, root, REQUEST_LIST_MEMBERS);
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw new InvalidInput(error.message);
    throw error;
  }
}

const param = (query: URLSearchParams, name: string) => query.get(name) ?? undefined;

export function route53Router(model: Route53Model, publicUrl: () => string): Router {
  const router = new Router();

  router.add('POST', '/2013-04-01/hostedzone', 'CreateHostedZone', (req): OutgoingResponse => {
    const body = readBody(req, 'CreateHostedZoneRequest');
    const config = elementOf(body, 'HostedZoneConfig', 'hostedZoneConfig');
    const vpc = elementOf(body, 'VPC', 'vPC');
    const privateText = textOf(config, 'PrivateZone', 'hostedZoneConfig.privateZone');
    if (privateText !== undefined && privateText !== 'true' && privateText !== 'false') {
      throw validationError(privateText, 'hostedZoneConfig.privateZone', 'Member must be true or false');
    }
    const comment = textOf(config, 'Comment', 'hostedZoneConfig.comment');
    const delegationSetId = textOf(body, 'DelegationSetId', 'delegationSetId');
    const { zone, change } = model.createHostedZone(req.ctx.accountId, {
      name: textOf(body, 'Name', 'name'),
      callerReference: textOf(body, 'CallerReference', 'callerReference'),
      ...(comment !== undefined && { comment }),
      privateZone: privateText === 'true',
      ...(vpc && {
        vpc: {
          vpcId: textOf(vpc, 'VPCId', 'vPC.vPCId'),
          vpcRegion: textOf(vpc, 'VPCRegion', 'vPC.vPCRegion'),
        },
      }),
      ...(delegationSetId !== undefined && { delegationSetId }),
    });
    const location = `${publicUrl()}/2013-04-01/hostedzone/${zone.id}`;
    return respond(
      req,
      'CreateHostedZone',
      {
        HostedZone: hostedZoneXml(zone),
        ChangeInfo: changeInfoXml(change),
        DelegationSet: zone.privateZone ? undefined : delegationSetXml(zone),
        VPC: zone.vpcs[0] && { VPCRegion: zone.vpcs[0].vpcRegion, VPCId: zone.vpcs[0].vpcId },
      },
      201,
      { location },
    );
  });

  router.add('GET', '/2013-04-01/hostedzone/{Id}', 'GetHostedZone', (req, params) => {
    const zone = model.getHostedZone(req.ctx.accountId, params.Id as string);
    return respond(req, 'GetHostedZone', {
      HostedZone: hostedZoneXml(zone),
      DelegationSet: zone.privateZone ? undefined : delegationSetXml(zone),
      VPCs: zone.privateZone ? vpcsXml(zone) : undefined,
    });
  });

  router.add('GET', '/2013-04-01/hostedzone', 'ListHostedZones', (req) => {
    const marker = param(req.query, 'marker');
    const type = param(req.query, 'hostedzonetype');
    if (type !== undefined && type !== 'PrivateHostedZone') {
      throw validationError(
        type,
        'hostedZoneType',
        'Member must satisfy enum value set: [PrivateHostedZone]',
      );
    }
    const maxItems = readMaxItems(req.query, MAX_ZONES_PER_PAGE);
    const delegationSetId = param(req.query, 'delegationsetid');
    const page = model.listHostedZones(req.ctx.accountId, {
      maxItems,
      ...(marker !== undefined && { marker }),
      privateOnly: type === 'PrivateHostedZone',
      ...(delegationSetId !== undefined && { delegationSetId }),
    });
    return respond(req, 'ListHostedZones', {
      HostedZones: xmlList('HostedZone', page.items.map(hostedZoneXml)),
      Marker: marker,
      IsTruncated: page.next !== undefined,
      NextMarker: page.next?.id,
      MaxItems: maxItems,
    });
  });

  router.add('GET', '/2013-04-01/hostedzonesbyname', 'ListHostedZonesByName', (req) => {
    const dnsName = param(req.query, 'dnsname');
    const hostedZoneId = param(req.query, 'hostedzoneid');
    const maxItems = readMaxItems(req.query, MAX_ZONES_PER_PAGE);
    const page = model.listHostedZonesByName(req.ctx.accountId, {
      maxItems,
      ...(dnsName !== undefined && { dnsName }),
      ...(hostedZoneId !== undefined && { hostedZoneId }),
    });
    return respond(req, 'ListHostedZonesByName', {
      HostedZones: xmlList('HostedZone', page.items.map(hostedZoneXml)),
      DNSName: dnsName,
      HostedZoneId: hostedZoneId,
      IsTruncated: page.next !== undefined,
      NextDNSName: page.next && presentDnsName(page.next.name),
      NextHostedZoneId: page.next?.id,
      MaxItems: maxItems,
    });
  });

  router.add('DELETE', '/2013-04-01/hostedzone/{Id}', 'DeleteHostedZone', (req, params) => {
    const change = model.deleteHostedZone(req.ctx.accountId, params.Id as string);
    return respond(req, 'DeleteHostedZone', { ChangeInfo: changeInfoXml(change) });
  });

  router.add(
    'POST',
    '/2013-04-01/hostedzone/{HostedZoneId}/rrset',
    'ChangeResourceRecordSets',
    (req, params) => {
      const body = readBody(req, 'ChangeResourceRecordSetsRequest');
      const change = model.changeResourceRecordSets(
        req.ctx.accountId,
        params.HostedZoneId as string,
        readChangeBatch(body),
      );
      return respond(req, 'ChangeResourceRecordSets', { ChangeInfo: changeInfoXml(change) });
    },
  );

  router.add(
    'GET',
    '/2013-04-01/hostedzone/{HostedZoneId}/rrset',
    'ListResourceRecordSets',
    (req, params) => {
      const name = param(req.query, 'name');
      const type = param(req.query, 'type');
      const identifier = param(req.query, 'identifier');
      if (type !== undefined && !RR_TYPES.includes(type as (typeof RR_TYPES)[number])) {
        throw validationError(type, 'type', `Member must satisfy enum value set: [${RR_TYPES.join(', ')}]`);
      }
      const maxItems = readMaxItems(req.query, MAX_RECORD_SETS_PER_PAGE);
      const page = model.listResourceRecordSets(req.ctx.accountId, params.HostedZoneId as string, {
        maxItems,
        ...(name !== undefined && { name }),
        ...(type !== undefined && { type }),
        ...(identifier !== undefined && { identifier }),
      });
      return respond(req, 'ListResourceRecordSets', {
        ResourceRecordSets: xmlList('ResourceRecordSet', page.items.map(recordSetXml)),
        IsTruncated: page.next !== undefined,
        NextRecordName: page.next && presentDnsName(page.next.name),
        NextRecordType: page.next?.type,
        NextRecordIdentifier: page.next?.setIdentifier,
        MaxItems: maxItems,
      });
    },
  );

  router.add('GET', '/2013-04-01/hostedzonecount', 'GetHostedZoneCount', (req) =>
    respond(req, 'GetHostedZoneCount', { HostedZoneCount: model.getHostedZoneCount(req.ctx.accountId) }),
  );

  router.add('POST', '/2013-04-01/hostedzone/{Id}', 'UpdateHostedZoneComment', (req, params) => {
    const body = readBody(req, 'UpdateHostedZoneCommentRequest', { optional: true });
    const zone = model.updateHostedZoneComment(
      req.ctx.accountId,
      params.Id as string,
      textOf(body, 'Comment', 'comment'),
    );
    return respond(req, 'UpdateHostedZoneComment', { HostedZone: hostedZoneXml(zone) });
  });

  router.add(
    'POST',
    '/2013-04-01/tags/{ResourceType}/{ResourceId}',
    'ChangeTagsForResource',
    (req, params) => {
      const body = readBody(req, 'ChangeTagsForResourceRequest', { optional: true });
      model.changeTagsForResource(
        req.ctx.accountId,
        params.ResourceType as string,
        params.ResourceId as string,
        readTagChange(body),
      );
      return respond(req, 'ChangeTagsForResource', {});
    },
  );

  router.add('GET', '/2013-04-01/tags/{ResourceType}/{ResourceId}', 'ListTagsForResource', (req, params) => {
    const tags = model.listTagsForResource(
      req.ctx.accountId,
      params.ResourceType as string,
      params.ResourceId as string,
    );
    return respond(req, 'ListTagsForResource', {
      ResourceTagSet: {
        ResourceType: params.ResourceType,
        ResourceId: bareId(params.ResourceId as string),
        Tags: tagsXml(tags),
      },
    });
  });

  router.add('POST', '/2013-04-01/tags/{ResourceType}', 'ListTagsForResources', (req, params) => {
    const body = readBody(req, 'ListTagsForResourcesRequest');
    const sets = model.listTagsForResources(
      req.ctx.accountId,
      params.ResourceType as string,
      readResourceIds(body),
    );
    return respond(req, 'ListTagsForResources', {
      ResourceTagSets: xmlList(
        'ResourceTagSet',
        sets.map((set) => ({
          ResourceType: params.ResourceType,
          ResourceId: set.resourceId,
          Tags: tagsXml(set.tags),
        })),
      ),
    });
  });

  router.add('GET', '/2013-04-01/change/{Id}', 'GetChange', (req, params) => {
    const change = model.getChange(req.ctx.accountId, params.Id as string);
    return respond(req, 'GetChange', { ChangeInfo: changeInfoXml(change) });
  });

  return router;
}
