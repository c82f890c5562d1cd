import {
  CreateEmailIdentityCommand,
  CreateEmailTemplateCommand,
  DeleteEmailTemplateCommand,
  GetEmailTemplateCommand,
  ListEmailTemplatesCommand,
  SendBulkEmailCommand,
  SendEmailCommand,
  TestRenderEmailTemplateCommand,
  UpdateEmailTemplateCommand,
} from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../src/index.js';
import { advanceClock, failure, mailbox, sesClient, startTestEmulator } from './helpers.js';

const welcome = {
  Subject: 'Welcome, {{name}}',
  Text: 'Hello {{name}}, your plan is {{plan.tier}}.',
  Html: '<p>Hello {{name}}{{#if vip}} (VIP){{/if}}</p>',
};

describe('SES v2 email templates', () => {
  let emulator: RunningEmulator;
  let ses: ReturnType<typeof sesClient>;
  beforeAll(async () => {
    emulator = await startTestEmulator({ verificationMode: 'auto' });
    ses = sesClient(emulator);
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'sender.example.com' }));
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'customers.example.org' }));
    await ses.send(new CreateEmailTemplateCommand({ TemplateName: 'welcome', TemplateContent: welcome }));
  });
  afterAll(() => emulator.close());

  it('when templates are created, updated, listed and deleted, then Get and List follow', async () => {
    await ses.send(
      new CreateEmailTemplateCommand({ TemplateName: 'temp-1', TemplateContent: { Subject: 'One' } }),
    );
    await ses.send(
      new UpdateEmailTemplateCommand({
        TemplateName: 'temp-1',
        TemplateContent: { Subject: 'Two', Text: 'text' },
      }),
    );
    expect(await ses.send(new GetEmailTemplateCommand({ TemplateName: 'temp-1' }))).toMatchObject({
      TemplateName: 'temp-1',
      TemplateContent: { Subject: 'Two', Text: 'text' },
    });
    const page = await ses.send(new ListEmailTemplatesCommand({ PageSize: 1 }));
    expect(page.TemplatesMetadata?.[0]?.TemplateName).toBe('welcome');
    expect(page.TemplatesMetadata?.[0]?.CreatedTimestamp).toBeInstanceOf(Date);
    const rest = await ses.send(new ListEmailTemplatesCommand({ PageSize: 1, NextToken: page.NextToken }));
    expect(rest.TemplatesMetadata?.map((t) => t.TemplateName)).toEqual(['temp-1']);
    await ses.send(new DeleteEmailTemplateCommand({ TemplateName: 'temp-1' }));
    expect(await failure(ses.send(new GetEmailTemplateCommand({ TemplateName: 'temp-1' })))).toEqual({
      name: 'NotFoundException',
      message: 'Template temp-1 does not exist.',
      status: 404,
    });
  });

  it('when a template is duplicated, badly named, missing or listed with a page over 100, then the matching error', async () => {
    expect(
      await failure(
        ses.send(new CreateEmailTemplateCommand({ TemplateName: 'welcome', TemplateContent: welcome })),
      ),
    ).toEqual({ name: 'AlreadyExistsException', message: 'Template welcome already exists.', status: 400 });
    expect(
      await failure(
        ses.send(new CreateEmailTemplateCommand({ TemplateName: 'bad name', TemplateContent: welcome })),
      ),
    ).toEqual({
      name: 'BadRequestException',
      message:
        "1 validation error detected: Value 'bad name' at 'templateName' failed to satisfy constraint: Member must have length between 1 and 64 and satisfy regular expression pattern: ^[a-zA-Z0-9_-]+$",
      status: 400,
    });
    for (const work of [
      () => ses.send(new UpdateEmailTemplateCommand({ TemplateName: 'ghost', TemplateContent: welcome })),
      () => ses.send(new DeleteEmailTemplateCommand({ TemplateName: 'ghost' })),
      () => ses.send(new TestRenderEmailTemplateCommand({ TemplateName: 'ghost', TemplateData: '{}' })),
    ]) {
      expect(await failure(work())).toEqual({
        name: 'NotFoundException',
        message: 'Template ghost does not exist.',
        status: 404,
      });
    }
    expect(await failure(ses.send(new ListEmailTemplatesCommand({ PageSize: 101 })))).toMatchObject({
      name: 'BadRequestException',
      status: 400,
    });
  });

  it('when TestRenderEmailTemplate gets data, then it returns the rendered MIME; missing attributes and bad JSON are refused', async () => {
    const { RenderedTemplate } = await ses.send(
      new TestRenderEmailTemplateCommand({
        TemplateName: 'welcome',
        TemplateData: JSON.stringify({ name: 'Ada <3', plan: { tier: 'pro' }, vip: true }),
      }),
    );
    expect(RenderedTemplate).toContain('Subject: Welcome, Ada <3');
    expect(RenderedTemplate).toContain('Hello Ada <3, your plan is pro.');
    expect(RenderedTemplate).toContain('<p>Hello Ada &lt;3 (VIP)</p>');
    expect(RenderedTemplate).toMatch(/Content-Type: multipart\/alternative/);
    expect(
      await failure(
        ses.send(
          new TestRenderEmailTemplateCommand({ TemplateName: 'welcome', TemplateData: '{"name":"x"}' }),
        ),
      ),
    ).toEqual({
      name: 'BadRequestException',
      message: "Attribute 'tier' is not present in the rendering data.",
      status: 400,
    });
    expect(
      await failure(
        ses.send(new TestRenderEmailTemplateCommand({ TemplateName: 'welcome', TemplateData: '{name' })),
      ),
    ).toEqual({
      name: 'BadRequestException',
      message: 'Invalid TemplateData: it must be a JSON object.',
      status: 400,
    });
  });

  it('when SendEmail uses Template by name or ARN, then the captured message is rendered and names the template', async () => {
    const data = JSON.stringify({ name: 'Grace', plan: { tier: 'free' } });
    const byName = await ses.send(
      new SendEmailCommand({
        FromEmailAddress: 'news@sender.example.com',
        Destination: { ToAddresses: ['grace@customers.example.org'] },
        Content: { Template: { TemplateName: 'welcome', TemplateData: data } },
      }),
    );
    const [captured] = await mailbox(emulator, `?id=${byName.MessageId}`);
    expect(captured).toMatchObject({
      Subject: 'Welcome, Grace',
      Body: { text_part: 'Hello Grace, your plan is free.', html_part: '<p>Hello Grace</p>' },
      Template: 'welcome',
      TemplateData: data,
      Deliveries: [{ Recipient: 'grace@customers.example.org', Outcome: 'delivered' }],
    });
    const byArn = await ses.send(
      new SendEmailCommand({
        FromEmailAddress: 'news@sender.example.com',
        Destination: { ToAddresses: ['grace@customers.example.org'] },
        Content: {
          Template: {
            TemplateArn: 'arn:aws:ses:us-east-1:000000000000:template/welcome',
            TemplateData: data,
          },
        },
      }),
    );
    expect((await mailbox(emulator, `?id=${byArn.MessageId}`))[0]?.Subject).toBe('Welcome, Grace');
    await advanceClock(emulator, 10);
  });

  it('when SendEmail names an unknown template or gives bad TemplateData, then NotFound or BadRequest; a missing attribute is accepted but not delivered (Rendering Failure)', async () => {
    const send = (Template: Record<string, string>) =>
      ses.send(
        new SendEmailCommand({
          FromEmailAddress: 'news@sender.example.com',
          Destination: { ToAddresses: ['grace@customers.example.org'] },
          Content: { Template },
        }),
      );
    expect(await failure(send({ TemplateName: 'ghost', TemplateData: '{}' }))).toEqual({
      name: 'NotFoundException',
      message: 'Template ghost does not exist.',
      status: 404,
    });
    expect(
      await failure(
        send({ TemplateArn: 'arn:aws:ses:eu-west-1:000000000000:template/welcome', TemplateData: '{}' }),
      ),
    ).toMatchObject({ name: 'NotFoundException', status: 404 });
    expect(await failure(send({ TemplateName: 'welcome', TemplateData: '[1,2]' }))).toEqual({
      name: 'BadRequestException',
      message: 'Invalid TemplateData: it must be a JSON object.',
      status: 400,
    });
    const { MessageId } = await send({ TemplateName: 'welcome', TemplateData: '{"name":"Lin"}' });
    const [captured] = await mailbox(emulator, `?id=${MessageId}`);
    expect(captured?.RenderingFailure).toBe("Attribute 'tier' is not present in the rendering data.");
    expect(captured?.Deliveries).toBeUndefined();
    await advanceClock(emulator, 10);
  });

  it('when SendBulkEmail sends to several destinations, then each is rendered with the default data overlaid by its replacement data, and each entry has its own status', async () => {
    const out = await ses.send(
      new SendBulkEmailCommand({
        FromEmailAddress: 'news@sender.example.com',
        DefaultContent: {
          Template: { TemplateName: 'welcome', TemplateData: '{"name":"friend","plan":{"tier":"basic"}}' },
        },
        BulkEmailEntries: [
          {
            Destination: { ToAddresses: ['ann@customers.example.org'] },
            ReplacementEmailContent: { ReplacementTemplate: { ReplacementTemplateData: '{"name":"Ann"}' } },
          },
          { Destination: { ToAddresses: ['bob@customers.example.org'] } },
          { Destination: { ToAddresses: ['stranger@elsewhere.example'] } },
          {
            Destination: { ToAddresses: ['cy@customers.example.org'] },
            ReplacementEmailContent: { ReplacementTemplate: { ReplacementTemplateData: 'nope' } },
          },
        ],
      }),
    );
    const results = out.BulkEmailEntryResults ?? [];
    expect(results.map((r) => r.Status)).toEqual([
      'SUCCESS',
      'SUCCESS',
      'MESSAGE_REJECTED',
      'INVALID_PARAMETER',
    ]);
    expect(results[2]?.Error).toBe(
      'Email address is not verified. The following identities failed the check in region US-EAST-1: stranger@elsewhere.example',
    );
    const [ann] = await mailbox(emulator, `?id=${results[0]?.MessageId}`);
    const [bob] = await mailbox(emulator, `?id=${results[1]?.MessageId}`);
    expect(ann?.Body?.text_part).toBe('Hello Ann, your plan is basic.');
    expect(bob?.Body?.text_part).toBe('Hello friend, your plan is basic.');

    const missing = await ses.send(
      new SendBulkEmailCommand({
        FromEmailAddress: 'news@sender.example.com',
        DefaultContent: { Template: { TemplateName: 'ghost' } },
        BulkEmailEntries: [{ Destination: { ToAddresses: ['ann@customers.example.org'] } }],
      }),
    );
    expect(missing.BulkEmailEntryResults).toEqual([
      { Status: 'TEMPLATE_NOT_FOUND', Error: 'Template ghost does not exist.' },
    ]);
    expect(
      await failure(
        ses.send(
          new SendBulkEmailCommand({
            FromEmailAddress: 'news@sender.example.com',
            DefaultContent: { Template: { TemplateName: 'welcome' } },
            BulkEmailEntries: [],
          }),
        ),
      ),
    ).toMatchObject({ name: 'BadRequestException', status: 400 });
  });
});
