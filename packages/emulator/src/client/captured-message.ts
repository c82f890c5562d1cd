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
  /** Templated mail: the template's name and the TemplateData JSON it was rendered with. */
  Template?: string;
  TemplateData?: string;
  /** Why the template did not render (SES accepted the message and did not deliver it). */
  RenderingFailure?: string;
  /** Each recipient's fate: `delivered`, `bounced` (with SES's bounce type), `complained`, `auto-replied`. */
  Deliveries?: Array<{ Recipient: string; Outcome: string; BounceType?: string; BounceSubType?: string }>;
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
