import { findVerificationLink, type VerificationLink } from '@ses-console/emulator/verification-link';

/**
 * A message the emulator captured instead of sending, as `GET /_aws/ses` lists it: LocalStack's field
 * names, plus `ConfigurationSetName` and `AccountId`. `Body` is there for simple and templated mail,
 * `RawData` for raw MIME.
 */
export interface CapturedMessage {
  Id: string;
  Region: string;
  AccountId?: string;
  Source: string;
  Destination: { ToAddresses?: string[]; CcAddresses?: string[]; BccAddresses?: string[] };
  Subject?: string;
  Body?: { text_part: string | null; html_part: string | null };
  RawData?: string;
  ConfigurationSetName?: string;
  /** ISO-8601, on the emulator's clock. */
  Timestamp: string;
}

/** Whether `address` is among the message's To, Cc or Bcc recipients (case-insensitive). */
export function isAddressedTo(message: Pick<CapturedMessage, 'Destination'>, address: string): boolean {
  const wanted = address.toLowerCase();
  const { ToAddresses = [], CcAddresses = [], BccAddresses = [] } = message.Destination ?? {};
  return [...ToAddresses, ...CcAddresses, ...BccAddresses].some((to) => to.toLowerCase() === wanted);
}

/**
 * The verification link a captured message carries (text part, HTML part or raw MIME), when it points
 * at the emulator at `emulatorUrl`. The scan is linear and never throws, whatever the message holds,
 * so it is safe on messages read from the wire without validation.
 */
export function verificationLinkIn(
  message: Pick<CapturedMessage, 'Body' | 'RawData'>,
  emulatorUrl: string,
): VerificationLink | undefined {
  const body = message.Body;
  const parts = [body?.text_part, body?.html_part, message.RawData].filter(
    (part): part is string => typeof part === 'string' && part !== '',
  );
  return findVerificationLink(parts.join('\n'), emulatorUrl);
}

/** A message published on an SNS topic, as `GET /_emulator/sns` lists it (newest first). */
export interface CapturedSnsMessage {
  MessageId: string;
  TopicArn: string;
  Subject?: string;
  /** The message as published; SES's notifications are JSON text (`notificationType`, `mail`, …). */
  Message: string;
  MessageAttributes: Record<string, { DataType: string; StringValue?: string; BinaryValue?: string }>;
  /** `api` for Publish, `ses` for SES's feedback and its subscription-succeeded notification. */
  Publisher: 'api' | 'ses';
  /** ISO-8601, on the emulator's clock. */
  Timestamp: string;
  Region: string;
  AccountId: string;
}

/**
 * The SES notification a captured SNS message carries, when it is one about the sent message
 * `sesMessageId` (its `mail.messageId`); undefined for anything else. Never throws.
 */
export function sesNotificationAbout(
  message: Pick<CapturedSnsMessage, 'Message'>,
  sesMessageId: string,
): { notificationType: string; mail: { messageId: string } } | undefined {
  try {
    const parsed = JSON.parse(message.Message) as {
      notificationType?: unknown;
      mail?: { messageId?: unknown };
    };
    if (typeof parsed?.notificationType !== 'string' || parsed.mail?.messageId !== sesMessageId) {
      return undefined;
    }
    return parsed as { notificationType: string; mail: { messageId: string } };
  } catch {
    return undefined;
  }
}
