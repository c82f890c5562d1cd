import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import {
  type SendTestEmailResponse,
  type sendTestEmailRequestSchema,
  simulatorScenarios,
} from '@ses-console/contract';
import type { z } from 'zod';
import { callAws } from '../errors/aws-error-map.js';
import type { ServiceContext } from './service-context.js';

export type SendTestEmailInput = z.output<typeof sendTestEmailRequestSchema>;

export function recipientOf(input: Pick<SendTestEmailInput, 'scenario' | 'customRecipient'>): string {
  if (input.scenario === 'custom') return input.customRecipient ?? '';
  return simulatorScenarios[input.scenario];
}

/** The SES console's "Send test email" (formatted): a Simple message to a simulator address or a recipient. */
export async function sendTestEmail(
  ctx: ServiceContext,
  region: string,
  input: SendTestEmailInput,
): Promise<SendTestEmailResponse> {
  const to = recipientOf(input);
  const out = await callAws(() =>
    ctx.clients.ses(region).send(
      new SendEmailCommand({
        FromEmailAddress: input.from,
        Destination: { ToAddresses: [to] },
        Content: {
          Simple: {
            Subject: { Data: input.subject, Charset: 'UTF-8' },
            Body: { Text: { Data: input.body, Charset: 'UTF-8' } },
          },
        },
        ...(input.configurationSetName ? { ConfigurationSetName: input.configurationSetName } : {}),
      }),
    ),
  );
  return { messageId: out.MessageId ?? '', to };
}
