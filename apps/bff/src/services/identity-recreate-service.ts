import { CreateEmailIdentityPolicyCommand, type GetEmailIdentityCommandOutput } from '@aws-sdk/client-sesv2';
import {
  type ActionStep,
  feedbackTypes,
  type RecreateIdentityRequest,
  type RecreateIdentityResponse,
} from '@ses-console/contract';
import { AppError } from '../errors/app-error.js';
import { describeFailure, mapAwsError } from '../errors/aws-error-map.js';
import { type CreateIdentityInput, createIdentity } from './identity-create-service.js';
import { deleteIdentity } from './identity-delete-service.js';
import { getEmailIdentity, getIdentityDetail } from './identity-detail-service.js';
import { getNotificationSettings, updateNotificationSettings } from './notification-service.js';
import { findPublicHostedZone } from './route53-zones.js';
import type { ServiceContext } from './service-context.js';

function fieldError(field: string, message: string): AppError {
  return AppError.badRequest(`${field}: ${message}`, [{ field, message }]);
}

/**
 * The create request that gives `identity` back the settings GetEmailIdentity shows, checked before
 * anything is deleted: a BYODKIM domain needs its private key (SES never returns it), and a
 * Deterministic Easy DKIM replica cannot be created by this console.
 */
function createInputOf(
  identity: string,
  ses: GetEmailIdentityCommandOutput,
  request: RecreateIdentityRequest,
  publishToRoute53: boolean,
): CreateIdentityInput {
  const tags = (ses.Tags ?? []).map((t) => ({ key: t.Key ?? '', value: t.Value ?? '' }));
  const configurationSetName = ses.ConfigurationSetName || undefined;
  if (ses.IdentityType !== 'DOMAIN') {
    if (request.privateKey !== undefined) {
      throw fieldError('privateKey', 'A private key applies to BYODKIM domains only');
    }
    return { type: 'EMAIL_ADDRESS', name: identity, tags, configurationSetName };
  }
  const dkim = ses.DkimAttributes;
  const origin = dkim?.SigningAttributesOrigin ?? 'AWS_SES';
  let settings: Extract<CreateIdentityInput, { type: 'DOMAIN' }>['dkim'];
  if (origin === 'AWS_SES') {
    if (request.privateKey !== undefined) {
      throw fieldError('privateKey', 'A private key applies to BYODKIM domains only');
    }
    settings = { origin: 'AWS_SES', keyLength: dkim?.NextSigningKeyLength ?? 'RSA_2048_BIT' };
  } else if (origin === 'EXTERNAL') {
    const selector = dkim?.Tokens?.[0];
    if (!selector) throw fieldError('privateKey', 'SES reports no BYODKIM selector for this domain');
    if (request.privateKey === undefined) {
      throw fieldError(
        'privateKey',
        `SES never returns a BYODKIM private key: give the key of selector ${selector} to re-create the domain`,
      );
    }
    settings = { origin: 'EXTERNAL', selector, privateKey: request.privateKey };
  } else {
    throw AppError.badRequest(
      `${identity} is a Deterministic Easy DKIM replica (${origin}); re-create it from its parent Region`,
    );
  }
  const mailFrom = ses.MailFromAttributes?.MailFromDomain
    ? {
        domain: ses.MailFromAttributes.MailFromDomain,
        behaviorOnMxFailure: ses.MailFromAttributes.BehaviorOnMxFailure ?? 'USE_DEFAULT_VALUE',
      }
    : undefined;
  return {
    type: 'DOMAIN',
    name: identity,
    tags,
    configurationSetName,
    dkim: settings,
    dkimSigningEnabled: dkim?.SigningEnabled ?? true,
    mailFrom,
    publishToRoute53,
  };
}

/**
 * Deletes `identity` and creates it again with the same settings: the one way to restart a
 * verification that FAILED, since SES v2 has no operation that restarts it (SES v1's
 * VerifyEmailIdentity would re-send an address's email, but nothing restarts a v2 domain's DKIM
 * search). A domain gets new DKIM tokens (published to Route 53 when a public zone covers it, unless
 * asked otherwise); an address gets a new verification email.
 *
 * Everything is read and checked first, so a request SES would refuse deletes nothing. If the create
 * fails after the delete, the error says the identity is gone and what to create by hand; later steps
 * (feedback notifications and forwarding, each policy) report their own results like the create's.
 */
export async function recreateIdentity(
  ctx: ServiceContext,
  region: string,
  identity: string,
  request: RecreateIdentityRequest,
): Promise<RecreateIdentityResponse> {
  const before = await getEmailIdentity(ctx, region, identity);
  const publish =
    before.IdentityType === 'DOMAIN' &&
    (request.publishToRoute53 ?? (await findPublicHostedZone(ctx.clients.route53(), identity)) !== undefined);
  const input = createInputOf(identity, before, request, publish);
  const previousPolicies = before.Policies ?? {};
  // SES v1 holds the feedback topics, their headers flags and forwarding: read before the delete.
  const notifications = await getNotificationSettings(ctx, region, identity);
  const notificationsChanged =
    !notifications.forwardingEnabled ||
    feedbackTypes.some((type) => notifications[type].topicArn !== null || notifications[type].includeHeaders);

  await deleteIdentity(ctx, region, identity);

  let created: Awaited<ReturnType<typeof createIdentity>>;
  try {
    created = await createIdentity(ctx, region, input);
  } catch (error) {
    const mapped = mapAwsError(error);
    const base =
      mapped instanceof AppError
        ? mapped
        : new AppError(502, 'UpstreamError', `SES did not create ${identity} again.`);
    throw base.withPartial(
      [`Deleted ${identity}`],
      [
        `Create ${identity} again (${input.type === 'DOMAIN' ? 'domain' : 'email address'})`,
        ...Object.keys(previousPolicies).map((name) => `Policy ${name}`),
      ],
    );
  }

  const ses = ctx.clients.ses(region);
  const steps: ActionStep[] = [{ step: 'delete-identity', status: 'succeeded' }, ...created.steps];
  let failed = !created.complete;
  const after: Array<{ id: string; run: () => Promise<unknown> }> = [];
  if (notificationsChanged) {
    // One step through the Notifications rules (topics before forwarding goes off). SES sets topics
    // only on a verified identity: when the new identity is not verified yet, this step fails with
    // SES's message, and the settings are to be made again once it is.
    after.push({
      id: 'feedback-notifications',
      run: () =>
        updateNotificationSettings(ctx, region, identity, {
          bounce: notifications.bounce,
          complaint: notifications.complaint,
          delivery: notifications.delivery,
          forwardingEnabled: notifications.forwardingEnabled,
        }),
    });
  }
  for (const [name, document] of Object.entries(previousPolicies)) {
    after.push({
      id: `policy:${name}`,
      run: () =>
        ses.send(
          new CreateEmailIdentityPolicyCommand({
            EmailIdentity: identity,
            PolicyName: name,
            Policy: document,
          }),
        ),
    });
  }
  for (const step of after) {
    if (failed) {
      steps.push({
        step: step.id,
        status: 'skipped',
        message: 'Not attempted because an earlier step failed',
      });
      continue;
    }
    try {
      await step.run();
      steps.push({ step: step.id, status: 'succeeded' });
    } catch (error) {
      failed = true;
      steps.push({ step: step.id, status: 'failed', message: describeFailure(error) });
    }
  }

  let detail = created.identity;
  if (after.length > 0) detail = await getIdentityDetail(ctx, region, identity).catch(() => detail);
  return {
    name: identity,
    ...(detail ? { identity: detail } : {}),
    steps,
    ...(created.publish ? { publish: created.publish } : {}),
    complete: !failed,
    previousPolicies,
  };
}
