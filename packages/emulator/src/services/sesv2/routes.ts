import { Router } from '../../protocol/router.js';
import type { Handler } from './handlers.js';

/**
 * Method + path → operation, as `@aws-sdk/client-sesv2` 3.1176 serialises them (dist-cjs `[_h]`
 * entries), plus what older clients (AWS CLI 2.9 / botocore 1.29) still send: the GET list routes, and
 * PutEmailIdentityDkimSigningAttributes under `/v1/email` (their model's URI for it, which SES serves).
 */
export const SESV2_ROUTES: ReadonlyArray<readonly [method: string, path: string, operation: string]> = [
  ['POST', '/v2/email/identities', 'CreateEmailIdentity'],
  ['GET', '/v2/email/identities/{EmailIdentity}', 'GetEmailIdentity'],
  ['POST', '/v2/email/list-identities', 'ListEmailIdentities'],
  ['GET', '/v2/email/identities', 'ListEmailIdentitiesGet'],
  ['DELETE', '/v2/email/identities/{EmailIdentity}', 'DeleteEmailIdentity'],
  ['PUT', '/v2/email/identities/{EmailIdentity}/dkim', 'PutEmailIdentityDkimAttributes'],
  ['PUT', '/v2/email/identities/{EmailIdentity}/dkim/signing', 'PutEmailIdentityDkimSigningAttributes'],
  ['PUT', '/v1/email/identities/{EmailIdentity}/dkim/signing', 'PutEmailIdentityDkimSigningAttributes'],
  ['PUT', '/v2/email/identities/{EmailIdentity}/mail-from', 'PutEmailIdentityMailFromAttributes'],
  ['PUT', '/v2/email/identities/{EmailIdentity}/feedback', 'PutEmailIdentityFeedbackAttributes'],
  [
    'PUT',
    '/v2/email/identities/{EmailIdentity}/configuration-set',
    'PutEmailIdentityConfigurationSetAttributes',
  ],
  ['POST', '/v2/email/identities/{EmailIdentity}/policies/{PolicyName}', 'CreateEmailIdentityPolicy'],
  ['GET', '/v2/email/identities/{EmailIdentity}/policies', 'GetEmailIdentityPolicies'],
  ['PUT', '/v2/email/identities/{EmailIdentity}/policies/{PolicyName}', 'UpdateEmailIdentityPolicy'],
  ['DELETE', '/v2/email/identities/{EmailIdentity}/policies/{PolicyName}', 'DeleteEmailIdentityPolicy'],
  ['POST', '/v2/email/tags', 'TagResource'],
  ['DELETE', '/v2/email/tags', 'UntagResource'],
  ['GET', '/v2/email/tags', 'ListTagsForResource'],
  ['POST', '/v2/email/configuration-sets', 'CreateConfigurationSet'],
  ['GET', '/v2/email/configuration-sets/{ConfigurationSetName}', 'GetConfigurationSet'],
  ['POST', '/v2/email/list-configuration-sets', 'ListConfigurationSets'],
  ['GET', '/v2/email/configuration-sets', 'ListConfigurationSetsGet'],
  ['DELETE', '/v2/email/configuration-sets/{ConfigurationSetName}', 'DeleteConfigurationSet'],
  ['POST', '/v2/email/outbound-emails', 'SendEmail'],
  ['GET', '/v2/email/account', 'GetAccount'],
  ['POST', '/v2/email/account/details', 'PutAccountDetails'],
  ['PUT', '/v2/email/account/sending', 'PutAccountSendingAttributes'],
  ['PUT', '/v2/email/account/suppression', 'PutAccountSuppressionAttributes'],
  ['PUT', '/v2/email/suppression/addresses', 'PutSuppressedDestination'],
  ['GET', '/v2/email/suppression/addresses', 'ListSuppressedDestinations'],
  ['GET', '/v2/email/suppression/addresses/{EmailAddress}', 'GetSuppressedDestination'],
  ['DELETE', '/v2/email/suppression/addresses/{EmailAddress}', 'DeleteSuppressedDestination'],
  [
    'PUT',
    '/v2/email/configuration-sets/{ConfigurationSetName}/suppression-options',
    'PutConfigurationSetSuppressionOptions',
  ],
  ['POST', '/v2/email/templates', 'CreateEmailTemplate'],
  ['GET', '/v2/email/templates', 'ListEmailTemplates'],
  ['GET', '/v2/email/templates/{TemplateName}', 'GetEmailTemplate'],
  ['PUT', '/v2/email/templates/{TemplateName}', 'UpdateEmailTemplate'],
  ['DELETE', '/v2/email/templates/{TemplateName}', 'DeleteEmailTemplate'],
  ['POST', '/v2/email/templates/{TemplateName}/render', 'TestRenderEmailTemplate'],
  ['POST', '/v2/email/outbound-bulk-emails', 'SendBulkEmail'],
];

export function createSesV2Router(handlers: Record<string, Handler>): Router {
  const router = new Router();
  for (const [method, path, operation] of SESV2_ROUTES) {
    const handler = handlers[operation];
    if (!handler) throw new Error(`no handler for ${operation}`);
    router.add(method, path, operation, handler);
  }
  return router;
}
