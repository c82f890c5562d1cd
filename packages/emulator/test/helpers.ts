import { SESClient } from '@aws-sdk/client-ses';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { findVerificationLink } from '../src/control/verification-link.js';
import { createCore } from '../src/core.js';
import { type RunningEmulator, startEmulator } from '../src/index.js';
import type { EmulatorOptions } from '../src/options.js';
import { createServiceCatalog } from '../src/services/catalog.js';

process.env.AWS_EC2_METADATA_DISABLED = 'true';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

export async function startTestEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ port: 0, ...options });
}

export function sesClient(
  emulator: RunningEmulator,
  region = 'us-east-1',
  accessKeyId = 'test',
): SESv2Client {
  return new SESv2Client({
    region,
    endpoint: emulator.url,
    credentials: { accessKeyId, secretAccessKey: 'test' },
    maxAttempts: 1,
  });
}

/** A real SES v1 (query protocol) client on the emulator. */
export function sesV1Client(
  emulator: RunningEmulator,
  region = 'us-east-1',
  accessKeyId = 'test',
): SESClient {
  return new SESClient({
    region,
    endpoint: emulator.url,
    credentials: { accessKeyId, secretAccessKey: 'test' },
    maxAttempts: 1,
  });
}

/** A query form posted to `POST /` as a client this project did not write would (signed scope `service`). */
export function postForm(emulator: RunningEmulator, body: string, service = 'ses'): Promise<Response> {
  return fetch(`${emulator.url}/`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `AWS4-HMAC-SHA256 Credential=test/20240101/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=${'0'.repeat(64)}`,
    },
    body,
  });
}

/** Runs `work` and returns the error it throws (fails the test when it does not throw). */
export async function failure(
  work: Promise<unknown>,
): Promise<{ name: string; message: string; status?: number }> {
  try {
    await work;
  } catch (error) {
    const e = error as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to fail');
}

export async function advanceClock(emulator: RunningEmulator, seconds: number): Promise<void> {
  const res = await fetch(`${emulator.url}/_emulator/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ advanceSeconds: seconds }),
  });
  if (res.status !== 200) throw new Error(`clock advance failed: ${res.status}`);
}

export interface CapturedMessage {
  Id: string;
  Region: string;
  Source: string;
  Subject?: string;
  Destination: { ToAddresses: string[] };
  Body?: { text_part: string | null; html_part: string | null };
  RawData?: string;
  ConfigurationSetName?: string;
  AccountId: string;
  Timestamp: string;
}

export async function mailbox(emulator: RunningEmulator, query = ''): Promise<CapturedMessage[]> {
  const res = await fetch(`${emulator.url}/_aws/ses${query}`);
  return ((await res.json()) as { messages: CapturedMessage[] }).messages;
}

/** The verification link from the captured verification email to `address`. */
export async function verificationLink(emulator: RunningEmulator, address: string): Promise<string> {
  const messages = (await mailbox(emulator, '?email=no-reply-aws@amazon.com')).filter((m) =>
    m.Destination.ToAddresses.includes(address),
  );
  const link = findVerificationLink(messages.at(-1)?.Body?.text_part ?? '', emulator.url);
  if (!link) throw new Error(`no verification link for ${address}`);
  return link.url;
}

export const HOURS = 3600;

/**
 * Whether this tree's catalog serves SNS (it lands from another branch): tests that need real SNS
 * topics run once it does.
 */
export function servesSns(): boolean {
  const core = createCore({
    verificationMode: 'auto',
    defaultAccountId: '000000000000',
    defaultRegion: 'us-east-1',
    publicUrl: '',
  });
  try {
    return createServiceCatalog(core, {}).modules.some((m) => m.signingNames.includes('sns'));
  } finally {
    core.db.close();
  }
}
