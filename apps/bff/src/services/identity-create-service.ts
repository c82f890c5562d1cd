import {
  CreateEmailIdentityCommand,
  PutEmailIdentityDkimAttributesCommand,
  PutEmailIdentityMailFromAttributesCommand,
} from '@aws-sdk/client-sesv2';
import type {
  ActionStep,
  CreateIdentityResponse,
  createIdentityRequestSchema,
  PublishResult,
} from '@ses-console/contract';
import type { z } from 'zod';
import { failedChangeError, outcomeOfFailedSdkCall } from '../errors/attempt-outcome.js';
import { alreadyExistsOnField, describeFailure, isAwsAlreadyExists } from '../errors/aws-error-map.js';
import { replicaSigningAttributes } from './global-identity-service.js';
import { getIdentityDetail } from './identity-detail-service.js';
import { assertMailFromDomain, signingAttributesOf } from './identity-edit-service.js';
import { publishDnsRecords } from './publish-dns-service.js';
import type { ServiceContext } from './service-context.js';

export type CreateIdentityInput = z.output<typeof createIdentityRequestSchema>;

/**
 * Runs CreateEmailIdentity. When the SDK repeated it after an attempt that may have run (a 5xx or
 * timeout whose answer was lost) and the repeat says AlreadyExists, that attempt created the identity:
 * this request's success, not a conflict. After throttles or refused connections nothing of this
 * request ran, so AlreadyExists is someone else's identity: a 409, and no later step touches it.
 * Returns whether an earlier attempt created it; any other failure is thrown as an AppError.
 */
async function createOnce(name: string, region: string, call: () => Promise<unknown>): Promise<boolean> {
  try {
    await call();
    return false;
  } catch (error) {
    const outcome = outcomeOfFailedSdkCall(error, isAwsAlreadyExists);
    if (outcome === 'done-earlier') return true;
    throw alreadyExistsOnField(
      failedChangeError(
        error,
        outcome,
        `The create may have run: reload the identities to see whether ${name} exists before trying again.`,
      ),
      'name',
      `${name} already exists as an identity in ${region}.`,
    );
  }
}

/**
 * Creates an identity the way the SES console's create page does, in one action:
 * CreateEmailIdentity (tags, default configuration set, DKIM signing attributes — SES does this
 * atomically, so an unknown configuration set creates nothing) → custom MAIL FROM → DKIM signing off
 * if asked → publish the DNS records to Route 53 if asked.
 *
 * If the first call fails the error is thrown (nothing exists). After it succeeds, every later step
 * reports its own result, and a failure stops the remaining steps (marked skipped), so the caller can
 * say exactly what happened and what to finish by hand.
 */
export async function createIdentity(
  ctx: ServiceContext,
  region: string,
  input: CreateIdentityInput,
): Promise<CreateIdentityResponse> {
  if (input.type === 'DOMAIN' && input.mailFrom) {
    assertMailFromDomain(input.name, input.mailFrom.domain, 'mailFrom.domain');
  }
  const ses = ctx.clients.ses(region);
  const name = input.name;
  const createdByEarlierAttempt = await createOnce(name, region, () =>
    ses.send(
      new CreateEmailIdentityCommand({
        EmailIdentity: name,
        Tags: input.tags.length > 0 ? input.tags.map((t) => ({ Key: t.key, Value: t.value })) : undefined,
        ConfigurationSetName: input.configurationSetName,
        ...(input.type === 'DOMAIN' && input.dkim
          ? {
              DkimSigningAttributes:
                input.dkim.origin === 'DEED'
                  ? replicaSigningAttributes(input.dkim.parentRegion)
                  : signingAttributesOf(input.dkim),
            }
          : {}),
      }),
    ),
  );
  const steps: ActionStep[] = [
    createdByEarlierAttempt
      ? {
          step: 'create-identity',
          status: 'succeeded',
          message:
            'SES answered AlreadyExists to a repeated attempt: an earlier attempt of this request, whose answer was lost, created it',
        }
      : { step: 'create-identity', status: 'succeeded' },
  ];
  let publish: PublishResult | undefined;
  let failed = false;

  async function step(id: string, wanted: boolean, run: () => Promise<string | undefined>): Promise<void> {
    if (!wanted) return;
    if (failed) {
      steps.push({ step: id, status: 'skipped', message: 'Not attempted because an earlier step failed' });
      return;
    }
    try {
      const skippedBecause = await run();
      steps.push(
        skippedBecause
          ? { step: id, status: 'skipped', message: skippedBecause }
          : { step: id, status: 'succeeded' },
      );
    } catch (error) {
      failed = true;
      steps.push({ step: id, status: 'failed', message: describeFailure(error) });
    }
  }

  if (input.type === 'DOMAIN') {
    const mailFrom = input.mailFrom;
    await step('mail-from', mailFrom !== undefined, async () => {
      await ses.send(
        new PutEmailIdentityMailFromAttributesCommand({
          EmailIdentity: name,
          MailFromDomain: mailFrom?.domain,
          BehaviorOnMxFailure: mailFrom?.behaviorOnMxFailure,
        }),
      );
      return undefined;
    });
    await step('dkim-signing-disabled', !input.dkimSigningEnabled, async () => {
      await ses.send(
        new PutEmailIdentityDkimAttributesCommand({ EmailIdentity: name, SigningEnabled: false }),
      );
      return undefined;
    });
    await step('publish-dns', input.publishToRoute53, async () => {
      publish = await publishDnsRecords(ctx, region, name, 'all');
      if (publish.outcome === 'no_hosted_zone') return `No public Route 53 hosted zone covers ${name}`;
      if (publish.outcome === 'nothing_to_publish') return 'SES asks for no records that can be published';
      if (publish.outcome === 'needs_confirmation') {
        const changing = publish.plan?.changes.filter((c) => c.action === 'merge' || c.action === 'replace');
        const names = [...new Set(changing?.map((c) => c.name))].join(', ');
        return `Publishing would change records already at ${names}: publish from the identity page to review them`;
      }
      return undefined;
    });
  }

  let identity: CreateIdentityResponse['identity'];
  try {
    identity = await getIdentityDetail(ctx, region, name);
  } catch {
    identity = undefined; // the steps above already say what happened; the console can reload the page
  }
  return { name, identity, steps, ...(publish ? { publish } : {}), complete: !failed };
}
