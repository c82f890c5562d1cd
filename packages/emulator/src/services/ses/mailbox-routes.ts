import { isRegionName } from '@ses-console/contract/region-name';
import type { ControlPlane } from '../../control/control-plane.js';
import { badRequest, json } from '../../control/responses.js';
import type { IncomingRequest, OutgoingResponse } from '../../protocol/http-types.js';
import type { SesMailboxRepo } from '../../store/ses-mailbox-repo.js';
import type { MailboxMessage } from '../../store/ses-records.js';
import { bareAddress } from './model/names.js';

/**
 * A captured message in LocalStack's `/_aws/ses` shape (with its `Template` / `TemplateData` for templated
 * mail), plus our ConfigurationSetName, AccountId and RenderingFailure.
 */
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
    Template: message.templateName,
    TemplateData: message.templateData,
    RenderingFailure: message.renderingFailure,
    Deliveries: message.deliveries?.map((d) => ({
      Recipient: d.recipient,
      Outcome: d.kind,
      ...(d.bounceType ? { BounceType: d.bounceType, BounceSubType: d.bounceSubType } : {}),
    })),
    AccountId: message.accountId,
  };
}

/**
 * `GET /_aws/ses` (`?email=` matches the source address, `?id=`, `?region=` the Region the message was
 * sent in) and `DELETE /_aws/ses` (`?id=` for one).
 */
export function addMailboxRoutes(control: ControlPlane, mailbox: SesMailboxRepo): void {
  control
    .add('GET', '/_aws/ses', 'ListMailbox', (req) => listMailbox(req, mailbox))
    .add('DELETE', '/_aws/ses', 'ClearMailbox', (req) => {
      mailbox.delete(req.query.get('id') ?? undefined);
      return { status: 204, headers: {}, body: '' };
    });
}

function listMailbox(req: IncomingRequest, mailbox: SesMailboxRepo): OutgoingResponse {
  const email = req.query.get('email')?.toLowerCase();
  const region = req.query.get('region') ?? undefined;
  if (region !== undefined && !isRegionName(region)) {
    return badRequest('region must be a region code like "eu-west-3".');
  }
  const messages = mailbox
    .list(req.query.get('id') ?? undefined)
    .filter((m) => email === undefined || bareAddress(m.source).toLowerCase() === email)
    .filter((m) => region === undefined || m.region === region)
    .map(toLocalStack);
  return json(200, { messages });
}
