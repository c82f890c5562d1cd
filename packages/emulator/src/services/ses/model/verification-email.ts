import { verificationLinkFor } from '../../../control/verification-link.js';
import type { MailboxMessage, Scope, VerificationMail } from '../../../store/ses-records.js';
import { EMAIL_LINK_VALIDITY_MS } from '../verification/transitions.js';
import type { ModelContext } from './context.js';
import { uuidV7, verificationToken } from './time-ordered-ids.js';

const REGION_NAMES: Record<string, string> = {
  'us-east-1': 'US East (N. Virginia)',
  'us-east-2': 'US East (Ohio)',
  'us-west-1': 'US West (N. California)',
  'us-west-2': 'US West (Oregon)',
  'ca-central-1': 'Canada (Central)',
  'eu-west-1': 'Europe (Ireland)',
  'eu-west-2': 'Europe (London)',
  'eu-west-3': 'Europe (Paris)',
  'eu-central-1': 'Europe (Frankfurt)',
  'eu-north-1': 'Europe (Stockholm)',
  'eu-south-1': 'Europe (Milan)',
  'ap-south-1': 'Asia Pacific (Mumbai)',
  'ap-northeast-1': 'Asia Pacific (Tokyo)',
  'ap-northeast-2': 'Asia Pacific (Seoul)',
  'ap-northeast-3': 'Asia Pacific (Osaka)',
  'ap-southeast-1': 'Asia Pacific (Singapore)',
  'ap-southeast-2': 'Asia Pacific (Sydney)',
  'sa-east-1': 'South America (São Paulo)',
};

export function regionName(region: string): string {
  return REGION_NAMES[region] ?? region;
}

export const VERIFICATION_SENDER = 'no-reply-aws@amazon.com';

/**
 * What SES does when an address identity is created: a one-time token and the email carrying the
 * link that verifies it (captured in the mailbox like every sent message; kept there as the parts
 * that vary, `verificationEmail` renders the rest when it is read).
 */
export function sendVerificationEmail(ctx: ModelContext, scope: Scope, address: string): string {
  const now = ctx.now();
  const token = verificationToken();
  ctx.store.tokens.insert({
    ...scope,
    token,
    identity: address,
    createdAt: now,
    expiresAt: now + EMAIL_LINK_VALIDITY_MS,
  });
  ctx.store.mailbox.insertVerification({
    ...scope,
    id: uuidV7(),
    source: VERIFICATION_SENDER,
    address,
    link: verificationLinkFor(ctx.publicUrl(), token),
    timestamp: now,
  });
  return token;
}

/** The verification email a stored `VerificationMail` stands for, as SES words it. */
export function verificationEmail(mail: VerificationMail): MailboxMessage {
  const { link } = mail;
  const name = regionName(mail.region);
  const text = [
    'Dear Amazon Web Services Customer,',
    '',
    `We have received a request to authorize this email address for use with Amazon SES and Amazon Pinpoint in region ${name}. If you requested this verification, please go to the following URL to confirm that you are authorized to use this email address:`,
    '',
    link,
    '',
    'Your request will not be processed unless you confirm the address using this URL. This link expires 24 hours after your original verification request.',
    '',
    "If you did NOT request to verify this email address, do not click on the link. Please note that many times, the situation isn't a phishing attempt, but either a misunderstanding of how to use our service, or someone setting up email-sending capabilities on your behalf as part of a legitimate service, but without having fully communicated the procedure first.",
    '',
    'Sincerely,',
    '',
    'The Amazon Web Services Team.',
  ].join('\n');
  return {
    accountId: mail.accountId,
    region: mail.region,
    id: mail.id,
    kind: 'verification',
    source: mail.source,
    destination: { ToAddresses: [mail.address], CcAddresses: [], BccAddresses: [] },
    subject: `Amazon Web Services – Email Address Verification Request in region ${name}`,
    textPart: text,
    htmlPart: `<p>${text
      .split('\n\n')
      .map((p) => (p === link ? `<a href="${link}">${link}</a>` : p))
      .join('</p><p>')}</p>`,
    timestamp: mail.timestamp,
  };
}
