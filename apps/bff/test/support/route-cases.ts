import { CreateHostedZoneCommand } from '@aws-sdk/client-route-53';
import { SetIdentityNotificationTopicCommand } from '@aws-sdk/client-ses';
import {
  CreateConfigurationSetCommand,
  CreateEmailIdentityCommand,
  CreateEmailIdentityPolicyCommand,
} from '@aws-sdk/client-sesv2';
import { CreateTopicCommand } from '@aws-sdk/client-sns';
import { apiPaths, type HttpMethod } from '@ses-console/contract';
import { ACCOUNT_ID, type Harness, REGION, unique } from './harness.js';

/** One call of a route with data set up so the right role gets a real success. */
export interface RouteCall {
  params: Record<string, string>;
  body?: unknown;
  /** The status the route answers for this call (a 2xx unless the case says why not). */
  status: number;
  errorCode?: string;
}

type Setup = (h: Harness) => Promise<RouteCall>;

async function domain(h: Harness, prefix: string): Promise<string> {
  const name = `${unique(prefix)}.example.com`;
  await h.ses().send(new CreateEmailIdentityCommand({ EmailIdentity: name }));
  return name;
}

/** A new SNS topic of the BFF's account in REGION; answers its name and ARN. */
export async function topic(h: Harness, prefix: string): Promise<{ name: string; arn: string }> {
  const name = unique(prefix);
  const out = await h.sns().send(new CreateTopicCommand({ Name: name }));
  return { name, arn: out.TopicArn ?? '' };
}

function policyDocument(identity: string, action = 'ses:SendEmail'): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: ['123456789012'] },
        Action: [action],
        Resource: `arn:aws:ses:${REGION}:${ACCOUNT_ID}:identity/${identity}`,
      },
    ],
  });
}

async function withPolicy(h: Harness, prefix: string): Promise<{ identity: string; policyName: string }> {
  const identity = await domain(h, prefix);
  await h.ses().send(
    new CreateEmailIdentityPolicyCommand({
      EmailIdentity: identity,
      PolicyName: 'allow-send',
      Policy: policyDocument(identity),
    }),
  );
  return { identity, policyName: 'allow-send' };
}

/**
 * For every state-changing route, how to call it successfully (the emulator runs with
 * verificationMode 'auto', so identities are verified at once). Keyed like `POST /api/...`; the
 * authorization test fails for a route that has no entry here, so a new route cannot be forgotten.
 */
export const mutatingRouteCases: Record<string, Setup> = {
  [`POST ${apiPaths.identities}`]: async () => ({
    params: { region: REGION },
    body: { type: 'DOMAIN', name: `${unique('create')}.example.com` },
    status: 201,
  }),
  [`POST ${apiPaths.deleteIdentities}`]: async (h) => ({
    params: { region: REGION },
    body: { identities: [await domain(h, 'bulk')] },
    status: 200,
  }),
  [`DELETE ${apiPaths.identity}`]: async (h) => ({
    params: { region: REGION, identity: await domain(h, 'del') },
    status: 204,
  }),
  [`POST ${apiPaths.recreateIdentity}`]: async (h) => ({
    params: { region: REGION, identity: await domain(h, 'recreate') },
    status: 200,
  }),
  // A verified (auto mode) Easy DKIM domain replicated to the harness's other Region.
  [`POST ${apiPaths.replicateIdentity}`]: async (h) => ({
    params: { region: REGION, identity: await domain(h, 'replicate') },
    body: { regions: ['eu-west-1'] },
    status: 200,
  }),
  [`PUT ${apiPaths.dkim}`]: async (h) => ({
    params: { region: REGION, identity: await domain(h, 'dkim') },
    body: { signingEnabled: false },
    status: 200,
  }),
  [`PUT ${apiPaths.mailFrom}`]: async (h) => {
    const identity = await domain(h, 'mf');
    return { params: { region: REGION, identity }, body: { domain: `mail.${identity}` }, status: 200 };
  },
  // SES lets forwarding go off only while Bounce and Complaint have topics (the emulator enforces it).
  [`PUT ${apiPaths.feedback}`]: async (h) => {
    const identity = await domain(h, 'fb');
    const { arn } = await topic(h, 'fb');
    for (const NotificationType of ['Bounce', 'Complaint'] as const)
      await h
        .sesV1()
        .send(
          new SetIdentityNotificationTopicCommand({ Identity: identity, NotificationType, SnsTopic: arn }),
        );
    return { params: { region: REGION, identity }, body: { emailForwardingEnabled: false }, status: 200 };
  },
  [`PUT ${apiPaths.notifications}`]: async (h) => ({
    params: { region: REGION, identity: await domain(h, 'notif') },
    body: { bounce: { topicArn: (await topic(h, 'bounces')).arn, includeHeaders: true } },
    status: 200,
  }),
  [`PUT ${apiPaths.configurationSet}`]: async (h) => {
    const name = unique('cs');
    await h.ses().send(new CreateConfigurationSetCommand({ ConfigurationSetName: name }));
    return {
      params: { region: REGION, identity: await domain(h, 'cs') },
      body: { configurationSetName: name },
      status: 200,
    };
  },
  [`PUT ${apiPaths.tags}`]: async (h) => ({
    params: { region: REGION, identity: await domain(h, 'tags') },
    body: { tags: [{ key: 'team', value: 'mail' }] },
    status: 200,
  }),
  [`POST ${apiPaths.policies}`]: async (h) => {
    const identity = await domain(h, 'pol');
    return {
      params: { region: REGION, identity },
      body: { name: 'allow-send', document: policyDocument(identity) },
      status: 201,
    };
  },
  [`PUT ${apiPaths.policy}`]: async (h) => {
    const { identity, policyName } = await withPolicy(h, 'polup');
    return {
      params: { region: REGION, identity, policyName },
      body: { document: policyDocument(identity, 'ses:SendRawEmail') },
      status: 200,
    };
  },
  [`DELETE ${apiPaths.policy}`]: async (h) => {
    const { identity, policyName } = await withPolicy(h, 'poldel');
    return { params: { region: REGION, identity, policyName }, status: 200 };
  },
  [`POST ${apiPaths.publishDns}`]: async (h) => {
    const identity = await domain(h, 'pub');
    await h.route53.send(new CreateHostedZoneCommand({ Name: identity, CallerReference: unique('ref') }));
    return { params: { region: REGION, identity }, body: { scope: 'all' }, status: 200 };
  },
  [`POST ${apiPaths.sendTestEmail}`]: async (h) => {
    const identity = await domain(h, 'send');
    return {
      params: { region: REGION },
      body: { from: `test@${identity}`, scenario: 'success', subject: 'Hello', body: 'private words' },
      status: 200,
    };
  },
  // With verificationMode 'auto' the emulator sends no verification email, so there is no real token:
  // an unknown one passes authorization and CSRF and fails in the emulator (audited as that error).
  [`POST ${apiPaths.emulatorVerifyEmail}`]: async () => ({
    params: {},
    body: { token: 'x'.repeat(32) },
    status: 404,
    errorCode: 'InvalidVerificationToken',
  }),
  [`POST ${apiPaths.emulatorClock}`]: async () => ({ params: {}, body: { advanceSeconds: 1 }, status: 200 }),
  [`POST ${apiPaths.emulatorSnsTopics}`]: async () => ({
    params: { region: REGION },
    body: { name: unique('created') },
    status: 201,
  }),
  [`DELETE ${apiPaths.emulatorSnsTopic}`]: async (h) => ({
    params: { region: REGION, topicName: (await topic(h, 'gone')).name },
    status: 204,
  }),
  // Back to the sandbox (the default): harmless for the other cases, which mail simulator addresses.
  [`POST ${apiPaths.emulatorAccount}`]: async () => ({
    params: {},
    body: { region: REGION, productionAccess: false },
    status: 200,
  }),
};

/** The query string a read-only route cannot answer without (its required query members). */
export const readRouteQueries: Record<string, string> = {
  [apiPaths.hostedZoneLookup]: '?domain=nobody.example.com',
};

export function caseKey(method: HttpMethod | string, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}
