import type { Account, ClockResponse, MailboxMessage, SnsMessage } from '@ses-console/contract';
import {
  type CapturedMessage,
  EmulatorControlClient,
  EmulatorControlError,
  EmulatorUnreachableError,
  isVerificationToken,
  VERIFICATION_TOKEN_RULE,
  verificationLinkIn,
} from '@ses-console/emulator/client';
import { AppError } from '../errors/app-error.js';

/**
 * The embedded emulator's control plane (`/_aws/ses`, `/_emulator/*`), emulator mode only. The
 * mailbox speaks LocalStack's field names; this module maps them to the contract's MailboxMessage.
 */
export interface EmulatorControl {
  mailbox(filter: { email?: string; id?: string; region?: string }): Promise<MailboxMessage[]>;
  verifyEmail(token: string): Promise<void>;
  clock(): Promise<ClockResponse>;
  advanceClock(seconds: number): Promise<ClockResponse>;
  /** What the emulated SNS topics received (one topic's; the feedback about one SES message). */
  snsMessages(filter: { topicArn?: string; sesMessageId?: string }): Promise<SnsMessage[]>;
  /**
   * Grants (or takes back) an account's production access in `region` (AWS's review, decided): the
   * emulator's default account unless `accountId` names one.
   */
  setAccount(region: string, productionAccess: boolean, accountId?: string): Promise<Account>;
}

type Json = Record<string, unknown>;

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function isoOf(value: unknown): string {
  if (typeof value === 'number') return new Date(value < 1e12 ? value * 1000 : value).toISOString();
  if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
  return new Date(0).toISOString();
}

/**
 * One `/_aws/ses` message (LocalStack shape) → the contract's MailboxMessage. Only a link to this
 * emulator's own verify endpoint (`emulatorUrl`) makes it a verification email (and gives the console's
 * Verify button); the scan is linear and never throws, whatever a captured message contains.
 */
export function toMailboxMessage(raw: Json, emulatorUrl: string): MailboxMessage {
  const destination = (raw.Destination ?? {}) as Json;
  const body = (raw.Body ?? {}) as Json;
  const text = str(body.text_part) ?? undefined;
  const html = str(body.html_part) ?? undefined;
  const rawData = str(raw.RawData);
  const link = verificationLinkIn(raw as Partial<CapturedMessage>, emulatorUrl);
  const to = [
    ...strings(destination.ToAddresses),
    ...strings(destination.CcAddresses),
    ...strings(destination.BccAddresses),
  ];
  return {
    id: str(raw.Id) ?? '',
    region: str(raw.Region) ?? '',
    from: str(raw.Source) ?? '',
    to,
    subject: str(raw.Subject) ?? '',
    ...(text !== undefined ? { text } : {}),
    ...(html !== undefined ? { html } : {}),
    ...(rawData !== undefined ? { raw: rawData } : {}),
    ...(str(raw.ConfigurationSetName) ? { configurationSetName: str(raw.ConfigurationSetName) } : {}),
    sentAt: isoOf(raw.Timestamp),
    ...(link ? { verificationLink: link.url, verificationToken: link.token } : {}),
  };
}

/** The SES feedback inside an SNS message's `Message` (JSON text), if it is that. */
function sesFeedbackOf(message: string): { notificationType?: string; sesMessageId?: string } {
  if (!message.startsWith('{')) return {};
  try {
    const json = asJson(JSON.parse(message));
    const type = str(json.notificationType) ?? str(json.eventType);
    const mailId = str(asJson(json.mail).messageId);
    return { ...(type ? { notificationType: type } : {}), ...(mailId ? { sesMessageId: mailId } : {}) };
  } catch {
    return {};
  }
}

/** One `/_emulator/sns` record (SNS's field names) → the contract's SnsMessage. */
export function toSnsMessage(raw: Json): SnsMessage {
  const message = str(raw.Message) ?? str(raw.message) ?? '';
  const subject = str(raw.Subject) ?? str(raw.subject);
  return {
    messageId: str(raw.MessageId) ?? str(raw.messageId) ?? '',
    topicArn: str(raw.TopicArn) ?? str(raw.topicArn) ?? '',
    ...(subject ? { subject } : {}),
    message,
    timestamp: isoOf(raw.Timestamp ?? raw.timestamp),
    ...sesFeedbackOf(message),
  };
}

function upstreamError(status: number, body: Json, fallback: string): AppError {
  const message = str(body.message) ?? str(body.error) ?? fallback;
  if (status === 404) return new AppError(404, 'NotFound', message);
  if (status >= 400 && status < 500) return new AppError(400, 'BadRequest', message);
  return new AppError(502, 'UpstreamError', 'The emulator did not answer as expected.');
}

function asJson(value: unknown): Json {
  return value && typeof value === 'object' ? (value as Json) : {};
}

/** `token`: EMULATOR_CONTROL_TOKEN, sent as `x-emulator-control-token` when the control plane asks for one. */
export function createEmulatorControl(baseUrl: string, options: { token?: string } = {}): EmulatorControl {
  const client = new EmulatorControlClient(baseUrl, { controlToken: options.token, timeoutMs: 10_000 });
  /** The emulator's answer, or the AppError the API gives for it. */
  async function call<T>(work: (emulator: EmulatorControlClient) => Promise<T>): Promise<T> {
    try {
      return await work(client);
    } catch (error) {
      if (error instanceof EmulatorUnreachableError) {
        throw new AppError(502, 'UpstreamError', 'The emulator is not reachable.');
      }
      if (error instanceof EmulatorControlError) {
        // e.g. an HTML page: its text is not a message for the API
        throw upstreamError(error.status, asJson(error.body), `Emulator answered ${error.status}`);
      }
      throw error;
    }
  }
  const clockOf = (json: Json): ClockResponse => ({ now: isoOf(json.now) });
  return {
    async mailbox(filter) {
      const messages = await call((emulator) => emulator.messages(filter));
      return messages.map((message) => toMailboxMessage(asJson(message), baseUrl));
    },
    async verifyEmail(token) {
      if (!isVerificationToken(token)) {
        // Checked here, not only by the emulator: a token is never sent on unless it is one (a lone
        // surrogate cannot even be percent-encoded).
        const message = `token must be ${VERIFICATION_TOKEN_RULE}`;
        throw new AppError(400, 'InvalidVerificationToken', message, [{ field: 'token', message }]);
      }
      try {
        await call((emulator) => emulator.verifyEmail(token));
      } catch (error) {
        if (error instanceof AppError && error.status < 500) {
          const message = 'This verification link is not valid or has expired';
          throw new AppError(error.status, 'InvalidVerificationToken', message, [
            { field: 'token', message },
          ]);
        }
        throw error;
      }
    },
    clock: async () => clockOf(asJson(await call((emulator) => emulator.clock()))),
    advanceClock: async (seconds) =>
      clockOf(asJson(await call((emulator) => emulator.advanceClock(seconds)))),
    async snsMessages(filter) {
      const records = await call((emulator) =>
        filter.sesMessageId
          ? emulator.snsNotificationsAbout(filter.sesMessageId, filter.topicArn)
          : emulator.snsMessages(filter.topicArn ? { topicArn: filter.topicArn } : {}),
      );
      // Oldest first, whatever order the emulator lists them in (it answers newest first).
      return records
        .map((record) => toSnsMessage(asJson(record)))
        .sort((a, b) => a.timestamp.localeCompare(b.timestamp));
    },
    async setAccount(region, productionAccess, accountId) {
      const view = await call((emulator) =>
        emulator.setAccount({ region, productionAccess, ...(accountId ? { accountId } : {}) }),
      );
      return {
        productionAccessEnabled: view.productionAccess,
        sendingEnabled: view.sendingEnabled,
        sendQuota: {
          max24HourSend: view.max24HourSend,
          maxSendRate: view.maxSendRate,
          sentLast24Hours: view.sentLast24Hours,
        },
      };
    },
  };
}
