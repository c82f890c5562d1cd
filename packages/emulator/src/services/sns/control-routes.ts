import type { ControlPlane } from '../../control/control-plane.js';
import { badRequest, json } from '../../control/responses.js';
import { AwsError } from '../../protocol/aws-error.js';
import type { IncomingRequest, OutgoingResponse } from '../../protocol/http-types.js';
import { queryResponse } from '../../protocol/query.js';
import { xmlErrorResponse } from '../../protocol/xml.js';
import type { PublishedMessage } from '../../store/sns-records.js';
import { invalidParameter } from './errors.js';
import { SNS_NAMESPACE } from './handlers.js';
import { parseSnsArn, topicOfArn } from './model/arns.js';
import type { SnsState } from './state.js';

const MAX_LIMIT = 1000;

/** A captured SNS message as `GET /_emulator/sns` lists it. */
function toView(message: PublishedMessage) {
  return {
    MessageId: message.id,
    TopicArn: message.topicArn,
    Subject: message.subject,
    Message: message.message,
    MessageAttributes: message.messageAttributes,
    Publisher: message.publisher,
    Timestamp: new Date(message.timestamp).toISOString(),
    Region: message.region,
    AccountId: message.accountId,
  };
}

/** Answers as SNS's own endpoint would: query XML, errors in `<ErrorResponse>`. */
function asSns(req: IncomingRequest, action: string, work: () => Record<string, string> | undefined) {
  try {
    return queryResponse(req, SNS_NAMESPACE, action, work());
  } catch (error) {
    if (error instanceof AwsError) return xmlErrorResponse(SNS_NAMESPACE, req.ctx.requestId, error);
    throw error;
  }
}

/** The account and Region an SNS ARN names (the links carry no credentials). */
function scopeOfArn(arn: string | null, param: string) {
  if (!arn) throw invalidParameter(param);
  const { accountId, region } = parseSnsArn(arn, param);
  return { accountId, region };
}

/**
 * SNS's control-plane endpoints:
 * - `GET /_emulator/sns` (`?topicArn=`, `?limit=`): every published message, newest first;
 *   `DELETE /_emulator/sns` (`?topicArn=`) forgets them;
 * - `GET /_emulator/sns/confirm-subscription?TopicArn=&Token=`: the SubscribeURL of a pending
 *   subscription (SNS's `https://sns.<region>.amazonaws.com/?Action=ConfirmSubscription…`);
 * - `GET /_emulator/sns/unsubscribe?SubscriptionArn=`: the UnsubscribeURL of every notification.
 * The two links are open without the control token, as SNS's are without credentials.
 */
export function addSnsControlRoutes(control: ControlPlane, sns: SnsState): void {
  control
    .add('GET', '/_emulator/sns', 'ListSnsMessages', (req) => listMessages(req, sns))
    .add('DELETE', '/_emulator/sns', 'ClearSnsMessages', (req) => {
      sns.model.clearMessages(req.query.get('topicArn') ?? undefined);
      return { status: 204, headers: {}, body: '' };
    })
    .add(
      'GET',
      '/_emulator/sns/confirm-subscription',
      'ConfirmSubscriptionLink',
      (req) =>
        asSns(req, 'ConfirmSubscription', () => {
          const topicArn = req.query.get('TopicArn');
          const scope = scopeOfArn(topicArn, 'TopicArn');
          const token = req.query.get('Token') ?? undefined;
          return { SubscriptionArn: sns.model.confirmSubscription(scope, topicArn ?? '', token) };
        }),
      { open: true },
    )
    .add(
      'GET',
      '/_emulator/sns/unsubscribe',
      'UnsubscribeLink',
      (req) =>
        asSns(req, 'Unsubscribe', () => {
          const arn = req.query.get('SubscriptionArn');
          sns.model.unsubscribe(scopeOfArn(arn, 'SubscriptionArn'), arn ?? '');
          return undefined;
        }),
      { open: true },
    );
}

function listMessages(req: IncomingRequest, sns: SnsState): OutgoingResponse {
  const topicArn = req.query.get('topicArn') ?? undefined;
  if (topicArn !== undefined && !topicOfArn(topicArn)) {
    return badRequest('topicArn must be an SNS topic ARN like arn:aws:sns:us-east-1:000000000000:my-topic.');
  }
  const rawLimit = req.query.get('limit');
  const limit = rawLimit === null ? MAX_LIMIT : Number(rawLimit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    return badRequest(`limit must be a whole number from 1 to ${MAX_LIMIT}.`);
  }
  return json(200, { messages: sns.model.messages({ topicArn, limit }).map(toView) });
}
