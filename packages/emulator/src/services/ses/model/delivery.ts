import type { IdentityRecord, MailboxMessage, Scope } from '../../../store/ses-records.js';
import { simulatorScenario } from './mailbox-simulator.js';
import { bareAddress } from './names.js';

/**
 * What happened to one recipient of an accepted message. `delivered` is the plain case (and the
 * simulator's `success`); the others are what SES reports as feedback (bounce, complaint) or extra
 * events (an out-of-office auto-reply after delivery).
 */
export type DeliveryOutcome =
  | { kind: 'delivered'; recipient: string }
  | { kind: 'bounced'; recipient: string; bounceType: 'Permanent' | 'Transient'; bounceSubType: string }
  | { kind: 'complained'; recipient: string }
  | { kind: 'auto-replied'; recipient: string };

/** The fate of every recipient, decided in one place before anyone is told about it. */
export type DeliveryRule = (scope: Scope, recipient: string) => DeliveryOutcome | undefined;

/** The mailbox simulator's answers; undefined for an ordinary address (the next rule decides). */
export const simulatorRule: DeliveryRule = (_scope, recipient) => {
  switch (simulatorScenario(recipient)) {
    case 'success':
      return { kind: 'delivered', recipient };
    case 'bounce':
      return { kind: 'bounced', recipient, bounceType: 'Permanent', bounceSubType: 'General' };
    case 'suppressionlist':
      return {
        kind: 'bounced',
        recipient,
        bounceType: 'Permanent',
        bounceSubType: 'OnAccountSuppressionList',
      };
    case 'complaint':
      return { kind: 'complained', recipient };
    case 'ooto':
      return { kind: 'auto-replied', recipient };
    default:
      return undefined;
  }
};

/**
 * Someone to tell once a message was accepted and its recipients' fates decided (feedback, events).
 * `sender`: the most specific verified identity that authorised the message, as sending found it in
 * the same transaction (so a listener need not look it up again); undefined when not known.
 */
export type SentMessageListener = (
  message: MailboxMessage,
  outcomes: readonly DeliveryOutcome[],
  sender?: IdentityRecord,
) => void;

/**
 * Decides each recipient's outcome with the first rule that answers (rules are checked in order;
 * without an answer the recipient is delivered) and tells every listener. Rules and listeners are
 * added by the features that need them (mailbox simulator, account suppression list, SNS feedback).
 */
export class Delivery {
  private readonly rules: DeliveryRule[] = [simulatorRule];
  private readonly listeners: SentMessageListener[] = [];

  /** Adds a rule checked before the ones already there (e.g. the suppression list before the simulator). */
  addRule(rule: DeliveryRule, position: 'first' | 'last' = 'first'): void {
    if (position === 'first') this.rules.unshift(rule);
    else this.rules.push(rule);
  }

  onSent(listener: SentMessageListener): void {
    this.listeners.push(listener);
  }

  outcomesOf(scope: Scope, message: MailboxMessage): DeliveryOutcome[] {
    const { ToAddresses, CcAddresses, BccAddresses } = message.destination;
    return [...ToAddresses, ...CcAddresses, ...BccAddresses].map((address) => {
      const recipient = bareAddress(address);
      for (const rule of this.rules) {
        const outcome = rule(scope, recipient);
        if (outcome) return outcome;
      }
      return { kind: 'delivered', recipient };
    });
  }

  /**
   * Called by sending once the message is stored (committed), with the outcomes it decided and stored
   * with the message (decided again when not given); listeners must not throw.
   */
  accepted(
    scope: Scope,
    message: MailboxMessage,
    outcomes: DeliveryOutcome[] = this.outcomesOf(scope, message),
    sender?: IdentityRecord,
  ): DeliveryOutcome[] {
    for (const listener of this.listeners) listener(message, outcomes, sender);
    return outcomes;
  }
}
