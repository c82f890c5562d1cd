import type { MailboxMessage, Scope, SuppressedDestinationRecord } from '../../../store/ses-records.js';
import type { AccountModel } from './account.js';
import { parseSuppressionReasons } from './account.js';
import type { ModelContext } from './context.js';
import type { DeliveryOutcome, DeliveryRule } from './delivery.js';
import { BadRequestException, missingField, NotFoundException, validationError } from './errors.js';
import { isSimulatorAddress } from './mailbox-simulator.js';
import { bareAddress, isValidEmailAddress } from './names.js';
import { nextToken, pageRequest } from './pagination.js';

const REASONS = ['BOUNCE', 'COMPLAINT'] as const;
type Reason = (typeof REASONS)[number];

function validAddress(address: string | undefined): string {
  if (address === undefined) throw missingField('emailAddress');
  const bare = bareAddress(address);
  if (!isValidEmailAddress(bare)) {
    throw new BadRequestException(
      `Invalid email address ${address}: it must look like local-part@domain.tld.`,
    );
  }
  return bare;
}

function validReason(reason: string | undefined): Reason {
  if (reason === undefined) throw missingField('reason');
  if (!(REASONS as readonly string[]).includes(reason)) {
    throw validationError('reason', 'Member must satisfy enum value set: [BOUNCE, COMPLAINT]', reason);
  }
  return reason as Reason;
}

function notOnList(address: string): NotFoundException {
  // [inf] No published capture of the wording; SES names the address and the list.
  return new NotFoundException(`Email address ${address} does not exist on your suppression list.`);
}

/**
 * The account-level suppression list: Put/Get/List/DeleteSuppressedDestination, the delivery rule that
 * bounces a suppressed recipient (`OnAccountSuppressionList`) instead of delivering, and the listener
 * that adds hard-bounced / complaining recipients for the reasons in force (the message's configuration
 * set's SuppressionOptions when it has them, else the account's). Mailbox-simulator results never add
 * entries: the simulator does not touch the account's list (the fact sheets: `bounce@` is not added).
 */
export class SuppressionModel {
  constructor(
    private readonly ctx: ModelContext,
    private readonly account: AccountModel,
  ) {}

  put(scope: Scope, emailAddress: string | undefined, reason: string | undefined): void {
    const address = validAddress(emailAddress);
    const valid = validReason(reason);
    this.ctx.store.transaction(() => {
      this.ctx.store.suppression.put({
        ...scope,
        emailAddress: address,
        reason: valid,
        lastUpdateTime: this.ctx.now(),
      });
    });
  }

  get(scope: Scope, emailAddress: string): SuppressedDestinationRecord {
    const entry = this.ctx.store.suppression.get(scope, emailAddress);
    if (!entry) throw notOnList(emailAddress);
    return entry;
  }

  delete(scope: Scope, emailAddress: string): void {
    this.ctx.store.transaction(() => {
      if (!this.ctx.store.suppression.delete(scope, emailAddress)) throw notOnList(emailAddress);
    });
  }

  list(
    scope: Scope,
    input: { reasons?: string[]; startMs?: number; endMs?: number; pageSize?: number; nextToken?: string },
  ): { items: SuppressedDestinationRecord[]; nextToken?: string } {
    const reasons = (input.reasons ?? []).map((reason) => validReason(reason));
    if (input.startMs !== undefined && input.endMs !== undefined && input.startMs > input.endMs) {
      throw new BadRequestException('StartDate must be before EndDate.');
    }
    const page = pageRequest('suppressed-destinations', input.pageSize, input.nextToken);
    const result = this.ctx.store.suppression.list(
      scope,
      { reasons, startMs: input.startMs, endMs: input.endMs },
      page,
    );
    return { items: result.items, nextToken: nextToken('suppressed-destinations', result.lastSeq) };
  }

  /** Delivery rule (checked before the simulator's): a recipient on the list bounces. */
  readonly rule: DeliveryRule = (scope, recipient) =>
    this.ctx.store.suppression.get(scope, recipient)
      ? { kind: 'bounced', recipient, bounceType: 'Permanent', bounceSubType: 'OnAccountSuppressionList' }
      : undefined;

  /** Sent-message listener: hard bounces and complaints go on the list for the reasons in force. */
  readonly onSent = (message: MailboxMessage, outcomes: readonly DeliveryOutcome[]): void => {
    // Only a hard bounce or a complaint can add to the list: the usual send opens no transaction.
    if (!outcomes.some((outcome) => feedbackReason(outcome) !== undefined)) return;
    this.ctx.store.transaction(() => this.addFeedback(message, outcomes));
  };

  private addFeedback(message: MailboxMessage, outcomes: readonly DeliveryOutcome[]): void {
    const reasons = this.reasonsFor(message);
    for (const outcome of outcomes) {
      const reason = feedbackReason(outcome);
      if (reason && reasons.includes(reason)) {
        this.ctx.store.suppression.put({
          accountId: message.accountId,
          region: message.region,
          emailAddress: outcome.recipient,
          reason,
          lastUpdateTime: message.timestamp,
          messageId: message.id,
        });
      }
    }
  }

  private reasonsFor(message: MailboxMessage): readonly Reason[] {
    const set = message.configurationSetName
      ? this.ctx.store.configurationSets.get(message, message.configurationSetName)
      : undefined;
    const options = set?.options.SuppressionOptions as { SuppressedReasons?: unknown } | undefined;
    if (options) return parseSuppressionReasons(options.SuppressedReasons, 'suppressionOptions');
    return this.account.get(message).suppressedReasons;
  }
}

/** The suppression reason an outcome gives (a hard bounce, a complaint; never for simulator addresses). */
function feedbackReason(outcome: DeliveryOutcome): Reason | undefined {
  if (isSimulatorAddress(outcome.recipient)) return undefined;
  if (
    outcome.kind === 'bounced' &&
    outcome.bounceType === 'Permanent' &&
    outcome.bounceSubType !== 'OnAccountSuppressionList'
  ) {
    return 'BOUNCE';
  }
  return outcome.kind === 'complained' ? 'COMPLAINT' : undefined;
}
