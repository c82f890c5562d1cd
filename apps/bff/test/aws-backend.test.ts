import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Route53Client } from '@aws-sdk/client-route-53';
import { GetEmailIdentityCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { apiPaths } from '@ses-console/contract';
import { type RunningEmulator, startEmulator } from '@ses-console/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BffProcess, startBffProcess } from './support/bff-process.js';
import { type ConsoleSession, openSessionAt } from './support/console-session.js';
import { testCredentials, unique, url } from './support/harness.js';
import { createZone, recordSets } from './support/route53.js';

/** Distinctive fake secrets: if any of them shows up in what a browser can see, the test fails. */
const SECRETS = {
  AWS_ACCESS_KEY_ID: 'AKIAZZBFFLEAKPROBE42',
  AWS_SECRET_ACCESS_KEY: 'sEcReT+bff/leak-probe-7f3a9c1e5d2b4a6f8e0c',
  AWS_SESSION_TOKEN: 'SeSsIoNtOkEn-bff-leak-probe-0123456789abcdef',
};

/**
 * SES_BACKEND=aws, run as users run it (`node dist/index.js`), with static credentials in env and the
 * standard AWS_ENDPOINT_URL_* variables pointing at a separately started emulator: the real-AWS code
 * path, where only the endpoint differs.
 */
describe('SES_BACKEND=aws as a child process against a separate emulator', () => {
  let emulator: RunningEmulator;
  let bff: BffProcess;
  let ses: SESv2Client;
  let route53: Route53Client;
  let dist: string;
  let session: ConsoleSession;
  const seen: string[] = [];
  // biome-ignore lint/suspicious/noExplicitAny: the test reads arbitrary JSON answers
  type Json = any;

  async function call(
    method: string,
    apiPath: string,
    body?: unknown,
  ): Promise<{ status: number; body: Json; text: string }> {
    const res = await fetch(`${bff.url}${apiPath}`, {
      method,
      headers: {
        ...session.headers,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    seen.push(
      `${method} ${apiPath} ${res.status}\n${[...res.headers.entries()].map(([k, v]) => `${k}: ${v}`).join('\n')}\n${text}`,
    );
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, body: json, text };
  }

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'bff-dist-'));
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(
      path.join(dist, 'index.html'),
      '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>',
    );
    fs.writeFileSync(path.join(dist, 'assets/app.js'), 'fetch("/api/meta").then((r) => r.json());');
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'bff-home-'));
    bff = await startBffProcess({
      ...SECRETS,
      SES_BACKEND: 'aws',
      PORT: '0',
      HOST: '127.0.0.1',
      AWS_REGION: 'us-east-1',
      REGIONS: 'us-east-1,eu-west-1',
      AWS_ACCOUNT_ID: '000000000000',
      AWS_ENDPOINT_URL_SESV2: emulator.url,
      AWS_ENDPOINT_URL_ROUTE_53: emulator.url,
      // SES v1 (notifications) and SNS (their topics) read their own endpoint variables.
      AWS_ENDPOINT_URL_SES: emulator.url,
      AWS_ENDPOINT_URL_SNS: emulator.url,
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      AWS_CONFIG_FILE: path.join(home, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'credentials'),
      HOME: home,
      CONSOLE_DIST: dist,
      LOG_LEVEL: 'info',
      DATA_DIR: path.join(home, 'data'),
    });
    session = await openSessionAt(bff.url);
    ses = new SESv2Client({ region: 'us-east-1', endpoint: emulator.url, credentials: testCredentials });
    route53 = new Route53Client({
      region: 'us-east-1',
      endpoint: emulator.url,
      credentials: testCredentials,
    });
  }, 60_000);

  afterAll(async () => {
    await bff?.stop();
    ses?.destroy();
    route53?.destroy();
    await emulator?.close();
  });

  it('when a request carries x-request-id, then the BFF log lines carry it too', async () => {
    const res = await fetch(`${bff.url}/api/regions/us-east-1/identities/bad%20name`, {
      headers: { 'x-request-id': 'log-probe-4711' },
    });
    expect(res.headers.get('x-request-id')).toBe('log-probe-4711');
    await new Promise((r) => setTimeout(r, 200));
    const lines = bff
      .output()
      .split('\n')
      .filter((l) => l.includes('log-probe-4711'))
      .map((l) => JSON.parse(l) as { req?: { id?: string }; res?: { statusCode?: number } });
    expect(lines.length).toBeGreaterThanOrEqual(2); // the validation message and the request-completed line
    for (const line of lines) expect(line.req?.id).toBe('log-probe-4711');
    expect(lines.some((l) => l.res?.statusCode === 400)).toBe(true);
  });

  it('when meta is asked, then the backend is aws with the configured regions', async () => {
    const res = await call('GET', apiPaths.meta);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ backend: 'aws', defaultRegion: 'us-east-1' });
    expect(res.body.regions.map((r: { code: string }) => r.code)).toEqual(['us-east-1', 'eu-west-1']);
    expect((await call('GET', '/readyz')).status).toBe(200);
  });

  it('when an identity is created, listed, read, edited and published, then it all happens in the emulator', async () => {
    const domain = `${unique('awsmode')}.com`;
    const zone = await createZone(route53, domain);
    const created = await call('POST', url(apiPaths.identities, { region: 'us-east-1' }), {
      type: 'DOMAIN',
      name: domain,
      mailFrom: { domain: `mail.${domain}` },
      tags: [{ key: 'env', value: 'test' }],
    });
    expect(created.status).toBe(201);
    expect(created.body.complete).toBe(true);

    const list = await call('GET', `${url(apiPaths.identities, { region: 'us-east-1' })}?name=${domain}`);
    expect(list.body.identities).toEqual([
      { name: domain, type: 'DOMAIN', status: 'PENDING', sendingEnabled: false },
    ]);

    const detail = await call('GET', url(apiPaths.identity, { region: 'us-east-1', identity: domain }));
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      arn: `arn:aws:ses:us-east-1:000000000000:identity/${domain}`,
      hostedZone: { id: zone, name: domain },
      mailFrom: { domain: `mail.${domain}` },
    });

    const edited = await call('PUT', url(apiPaths.tags, { region: 'us-east-1', identity: domain }), {
      tags: [{ key: 'env', value: 'prod' }],
    });
    expect(edited.status).toBe(200);
    expect(edited.body.tags).toEqual([{ key: 'env', value: 'prod' }]);

    const published = await call(
      'POST',
      url(apiPaths.publishDns, { region: 'us-east-1', identity: domain }),
      {},
    );
    expect(published.status).toBe(200);
    expect(published.body.outcome).toBe('published');
    expect(await recordSets(route53, zone)).toHaveLength(5);

    // Verified now: its Bounce and Complaint notifications go to an SNS topic (SES v1 and SNS through
    // their AWS_ENDPOINT_URL_* variables), and then forwarding can be switched off.
    const sns = new SNSClient({ region: 'us-east-1', endpoint: emulator.url, credentials: testCredentials });
    const { TopicArn: topicArn } = await sns.send(new CreateTopicCommand({ Name: unique('awsfeedback') }));
    sns.destroy();
    const topics = await call('GET', url(apiPaths.snsTopics, { region: 'us-east-1' }));
    expect(topics.body.topics.map((t: { arn: string }) => t.arn)).toContain(topicArn);
    const notificationsPath = url(apiPaths.notifications, { region: 'us-east-1', identity: domain });
    const topicsSet = await call('PUT', notificationsPath, {
      bounce: { topicArn, includeHeaders: false },
      complaint: { topicArn, includeHeaders: false },
    });
    expect(topicsSet.status, topicsSet.text).toBe(200);
    expect(topicsSet.body).toMatchObject({ bounce: { topicArn }, complaint: { topicArn } });
    const feedback = await call('PUT', url(apiPaths.feedback, { region: 'us-east-1', identity: domain }), {
      emailForwardingEnabled: false,
    });
    expect(feedback.body.feedbackForwardingEnabled).toBe(false);
    expect(
      (await ses.send(new GetEmailIdentityCommand({ EmailIdentity: domain }))).FeedbackForwardingStatus,
    ).toBe(false);
    expect((await call('GET', notificationsPath)).body.forwardingEnabled).toBe(false);
  });

  it('when every route and the static files are hit, then no credential or secret appears in any response or header', async () => {
    const doc = await call('GET', apiPaths.openapi);
    for (const [template, methods] of Object.entries(
      doc.body.paths as Record<string, Record<string, unknown>>,
    )) {
      const concrete = template
        .replace('{region}', 'us-east-1')
        .replace('{identity}', 'missing.example.com')
        .replace('{policyName}', 'p1');
      for (const method of Object.keys(methods))
        await call(method.toUpperCase(), concrete, method === 'get' ? undefined : {});
    }
    await call('GET', url(apiPaths.identity, { region: 'eu-west-1', identity: 'nope@example.com' }));
    await call('POST', url(apiPaths.sendTestEmail, { region: 'us-east-1' }), {
      from: 'nobody@example.com',
      scenario: 'success',
      subject: 'x',
    });
    await call('GET', '/api/unknown');
    await call('GET', '/healthz');
    await call('GET', '/readyz');
    const html = await call('GET', '/');
    expect(html.text).toContain('id="root"');
    const js = await call('GET', '/assets/app.js');
    expect(js.status).toBe(200);
    await call('GET', '/identities/deep/link');

    const everything = seen.join('\n\n');
    expect(seen.length).toBeGreaterThan(20);
    for (const [name, secret] of Object.entries(SECRETS)) {
      expect(everything.includes(secret), `${name} leaked into a response`).toBe(false);
    }
    expect(everything).not.toMatch(/AKIA[A-Z0-9]{16}/);
    expect(everything).not.toContain(emulator.url); // the upstream endpoint is an internal detail too
    for (const [name, secret] of Object.entries(SECRETS)) {
      expect(bff.output().includes(secret), `${name} leaked into the logs`).toBe(false);
    }
  });
});
