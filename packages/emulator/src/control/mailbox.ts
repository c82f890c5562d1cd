import type { IncomingRequest, OutgoingResponse } from '../protocol/http-types.js';
import { bareAddress } from '../services/sesv2/model/names.js';
import type { MailboxMessage } from '../services/sesv2/model/types.js';
import type { SesMailboxRepo } from '../store/ses-mailbox-repo.js';
import { json } from './responses.js';

/** A captured message in LocalStack's `/_aws/ses` shape, plus our ConfigurationSetName and AccountId. */
function toLocalStack(message: MailboxMessage) {
  return {
    Id: message.id,
    Region: message.region,
    Destination: message.destination,
    Source: message.source,
    Subject: message.subject,
    Body:
      message.rawData === undefined
        ? { text_part: message.textPart ?? null, html_part: message.htmlPart ?? null }
        : undefined,
    RawData: message.rawData,
    Timestamp: new Date(message.timestamp).toISOString(),
    ConfigurationSetName: message.configurationSetName,
    AccountId: message.accountId,
  };
}

/** `GET /_aws/ses` (`?email=` matches the source address, `?id=`) and `DELETE /_aws/ses` (`?id=` for one). */
export function handleMailbox(req: IncomingRequest, mailbox: SesMailboxRepo): OutgoingResponse | undefined {
  const id = req.query.get('id') ?? undefined;
  if (req.method === 'GET') {
    const email = req.query.get('email')?.toLowerCase();
    const messages = mailbox
      .list(id)
      .filter((m) => email === undefined || bareAddress(m.source).toLowerCase() === email)
      .map(toLocalStack);
    return json(200, { messages });
  }
  if (req.method === 'DELETE') {
    mailbox.delete(id);
    return { status: 204, headers: {}, body: '' };
  }
  return undefined;
}
