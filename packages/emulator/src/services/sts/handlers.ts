import type { IncomingRequest } from '../../protocol/http-types.js';
import {
  QueryActions,
  type QueryStruct,
  queryInteger,
  queryResponse,
  queryString,
  queryStringList,
  queryStructList,
} from '../../protocol/query.js';
import type { XmlElement } from '../../protocol/xml.js';
import { STS_NAMESPACE } from './errors.js';
import type { IssuedCredentials, StsCaller, StsModel } from './model.js';

/** STS's API version: the `Version` of its query forms. */
export const STS_VERSION = '2011-06-15';

function callerOf(req: IncomingRequest): StsCaller {
  return { accountId: req.ctx.accountId, session: req.ctx.session };
}

function credentialsXml(credentials: IssuedCredentials): XmlElement {
  return {
    AccessKeyId: credentials.accessKeyId,
    SecretAccessKey: credentials.secretAccessKey,
    SessionToken: credentials.sessionToken,
    Expiration: credentials.expiration,
  };
}

/** `Tags.member.N.Key` / `.Value`. */
function tags(input: QueryStruct): Array<{ key?: string; value?: string }> | undefined {
  return queryStructList(input, 'Tags')?.map((tag) => ({
    key: queryString(tag, 'Key'),
    value: queryString(tag, 'Value'),
  }));
}

/** Wire ↔ model for every STS operation the emulator serves. */
export function createStsActions(model: StsModel): QueryActions {
  const answer = (req: IncomingRequest, action: string, result: XmlElement) =>
    queryResponse(req, STS_NAMESPACE, action, result);
  return new QueryActions(STS_VERSION)
    .add('AssumeRole', (req, input) => {
      // Read for their shape only (ProvidedContexts: trusted-context assertions the emulator does not check).
      queryStructList(input, 'ProvidedContexts');
      const out = model.assumeRole(callerOf(req), {
        roleArn: queryString(input, 'RoleArn'),
        roleSessionName: queryString(input, 'RoleSessionName'),
        durationSeconds: queryInteger(input, 'DurationSeconds'),
        externalId: queryString(input, 'ExternalId'),
        policy: queryString(input, 'Policy'),
        policyArns: queryStructList(input, 'PolicyArns')?.map((p) => queryString(p, 'arn') ?? ''),
        tags: tags(input),
        transitiveTagKeys: queryStringList(input, 'TransitiveTagKeys'),
        serialNumber: queryString(input, 'SerialNumber'),
        tokenCode: queryString(input, 'TokenCode'),
        sourceIdentity: queryString(input, 'SourceIdentity'),
      });
      return answer(req, 'AssumeRole', {
        Credentials: credentialsXml(out.credentials),
        AssumedRoleUser: { AssumedRoleId: out.assumedRoleId, Arn: out.arn },
        PackedPolicySize: out.packedPolicySize,
        SourceIdentity: out.sourceIdentity,
      });
    })
    .add('GetCallerIdentity', (req) => {
      const out = model.callerIdentity(callerOf(req));
      return answer(req, 'GetCallerIdentity', { UserId: out.userId, Account: out.account, Arn: out.arn });
    })
    .add('GetSessionToken', (req, input) => {
      const credentials = model.getSessionToken(callerOf(req), {
        durationSeconds: queryInteger(input, 'DurationSeconds'),
        serialNumber: queryString(input, 'SerialNumber'),
        tokenCode: queryString(input, 'TokenCode'),
      });
      return answer(req, 'GetSessionToken', { Credentials: credentialsXml(credentials) });
    })
    .add('GetAccessKeyInfo', (req, input) => {
      const out = model.accessKeyInfo(queryString(input, 'AccessKeyId'));
      return answer(req, 'GetAccessKeyInfo', { Account: out.account });
    });
}
