import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../src/index.js';
import { startTestEmulator } from './helpers.js';

const run = promisify(execFile);
const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'boto3', 'templates_suppression.py');

async function boto3Present(): Promise<boolean> {
  try {
    await run('python3', ['-c', 'import boto3']);
    return true;
  } catch {
    return false;
  }
}
const present = await boto3Present();
const inCi = process.env.CI === 'true';
if (!present && !inCi) console.warn('boto3 smoke test skipped: python3 with boto3 is missing.');

describe('boto3 smoke test prerequisites', () => {
  it.runIf(inCi)('when running in CI, then python3 has boto3', () => expect(present).toBe(true));
});

describe.runIf(present)(
  'boto3 (sesv2) against the emulator: templates and suppression',
  { timeout: 60_000 },
  () => {
    let emulator: RunningEmulator;
    beforeAll(async () => {
      emulator = await startTestEmulator({ verificationMode: 'auto' });
    });
    afterAll(() => emulator.close());

    it('when boto3 creates, renders, sends and deletes a template and manages the suppression list, then each answer is what SES gives', async () => {
      const { stdout } = await run('python3', [script], {
        env: {
          PATH: process.env.PATH,
          EMULATOR_URL: emulator.url,
          AWS_EC2_METADATA_DISABLED: 'true',
          AWS_CONFIG_FILE: '/dev/null',
          AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
        },
      });
      const report = JSON.parse(stdout);
      expect(report.template).toEqual({
        Subject: 'Hi {{name}}',
        Text: 'Hello {{name}}',
        Html: '<b>{{name}}</b>',
      });
      expect(report.listed).toEqual(['boto-welcome']);
      expect(report.rendered).toContain('Subject: Hi Py');
      expect(report.rendered).toContain('<b>Py</b>');
      expect(report.messageId).toMatch(/^0100[0-9a-f]{12}-/);
      expect(report.badData).toEqual({
        code: 'BadRequestException',
        message: 'Invalid TemplateData: it must be a JSON object.',
        status: 400,
      });
      expect(report.missingTemplate).toEqual({
        code: 'NotFoundException',
        message: 'Template ghost does not exist.',
        status: 404,
      });
      expect(report.missingAttribute).toEqual({
        code: 'BadRequestException',
        message: "Attribute 'name' is not present in the rendering data.",
        status: 400,
      });
      expect(report.afterDelete?.code).toBe('NotFoundException');
      expect(report.suppressed).toEqual({ address: 'gone@example.net', reason: 'BOUNCE', hasTime: true });
      expect(report.bounces).toEqual(['gone@example.net']);
      expect(report.afterUnsuppress).toEqual({
        code: 'NotFoundException',
        message: 'Email address gone@example.net does not exist on your suppression list.',
        status: 404,
      });
      // One simulator recipient: counted against the rate, not the 24-hour quota.
      expect(report.account).toEqual({ Max24HourSend: 200, MaxSendRate: 1, SentLast24Hours: 0 });
    });
  },
);
