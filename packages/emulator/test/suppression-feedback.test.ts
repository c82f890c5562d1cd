import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type EmulatorCore } from '../src/core.js';
import { createRoute53Service } from '../src/services/route53/service.js';
import type { DeliveryRule } from '../src/services/ses/model/delivery.js';
import type { SesModel } from '../src/services/ses/model/index.js';
import { createSesState } from '../src/services/ses/state.js';

const scope = { accountId: '000000000000', region: 'us-east-1' };

/**
 * The emulator delivers every ordinary address, so real hard bounces and complaints only come from a
 * Delivery rule; this one stands in for a receiving server that refuses `hard@` and reports `angry@`.
 */
const receivingServer: DeliveryRule = (_scope, recipient) => {
  if (recipient.startsWith('hard@')) {
    return { kind: 'bounced', recipient, bounceType: 'Permanent', bounceSubType: 'General' };
  }
  if (recipient.startsWith('soft@')) {
    return { kind: 'bounced', recipient, bounceType: 'Transient', bounceSubType: 'MailboxFull' };
  }
  if (recipient.startsWith('angry@')) return { kind: 'complained', recipient };
  return undefined;
};

describe('the suppression list hears real bounces and complaints', () => {
  let core: EmulatorCore;
  let model: SesModel;
  beforeEach(() => {
    core = createCore({
      verificationMode: 'auto',
      sandbox: false,
      defaultAccountId: scope.accountId,
      defaultRegion: scope.region,
      publicUrl: '',
    });
    model = createSesState(core, { dns: createRoute53Service(core).dnsView }).model;
    model.delivery.addRule(receivingServer, 'last');
    model.identities.create(scope, { emailIdentity: 'sender.example.com' });
  });
  afterEach(() => core.db.close());

  const send = (to: string[], configurationSetName?: string) =>
    model.sending.send(scope, {
      fromEmailAddress: 'news@sender.example.com',
      destination: { ToAddresses: to },
      configurationSetName,
      simple: { subject: 's', text: 't' },
    });

  it('when a recipient hard-bounces or complains, then the account list gains it with the reason and message id; soft bounces do not', () => {
    const sent = send(['hard@example.net', 'soft@example.net', 'angry@example.net', 'fine@example.net']);
    expect(model.suppression.get(scope, 'hard@example.net')).toMatchObject({
      reason: 'BOUNCE',
      messageId: sent.id,
    });
    expect(model.suppression.get(scope, 'angry@example.net').reason).toBe('COMPLAINT');
    expect(model.suppression.list(scope, {}).items.map((e) => e.emailAddress)).toEqual([
      'hard@example.net',
      'angry@example.net',
    ]);
    // The next message to the bounced address bounces from the list, before the server is asked.
    const again = send(['hard@example.net']);
    expect(again.deliveries).toEqual([
      {
        kind: 'bounced',
        recipient: 'hard@example.net',
        bounceType: 'Permanent',
        bounceSubType: 'OnAccountSuppressionList',
      },
    ]);
  });

  it('when the account keeps only COMPLAINT, then a hard bounce is not added', () => {
    model.account.putSuppressedReasons(scope, ['COMPLAINT']);
    send(['hard@example.net', 'angry@example.net']);
    expect(model.suppression.list(scope, {}).items.map((e) => e.emailAddress)).toEqual(['angry@example.net']);
  });

  it("when the message's configuration set has SuppressionOptions, then they replace the account's reasons", () => {
    model.configurationSets.create(scope, 'no-suppression', {
      SuppressionOptions: { SuppressedReasons: [] },
    });
    send(['hard@example.net', 'angry@example.net'], 'no-suppression');
    expect(model.suppression.list(scope, {}).items).toEqual([]);
  });
});
