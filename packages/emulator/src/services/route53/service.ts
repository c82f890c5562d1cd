import type { EmulatorCore } from '../../core.js';
import type { DnsView } from '../../engine/dns-view.js';
import { AwsError } from '../../protocol/aws-error.js';
import type { OutgoingResponse } from '../../protocol/http-types.js';
import { Router } from '../../protocol/router.js';
import type { ServiceModule } from '../service.js';

export interface Route53Service {
  module: ServiceModule;
  /** Public DNS as the verification engine sees it: the account's public hosted zones. */
  dnsView: DnsView;
}

function xmlError(requestId: string, error: AwsError): OutgoingResponse {
  const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return {
    status: error.status,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body: `<?xml version="1.0"?>\n<ErrorResponse xmlns="https://route53.amazonaws.com/doc/2013-04-01/"><Error><Type>${error.fault}</Type><Code>${error.code}</Code><Message>${escapeXml(error.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
  };
}

export function createRoute53Service(_core: EmulatorCore): Route53Service {
  const router = new Router();
  return {
    module: {
      name: 'route53',
      owns: (rawPath) => rawPath.startsWith('/2013-04-01/'),
      router,
      errorResponse: xmlError,
      unknownOperation: (requestId, method, rawPath) =>
        xmlError(requestId, new AwsError('InvalidAction', 400, `Unknown operation ${method} ${rawPath}`)),
    },
    dnsView: {
      lookup: () => undefined,
      nameExists: () => false,
    },
  };
}
