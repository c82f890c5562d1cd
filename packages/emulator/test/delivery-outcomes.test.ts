import { describe, expect, it } from 'vitest';
import { Delivery } from '../src/services/ses/model/delivery.js';
import { isSimulatorAddress, simulatorScenario } from '../src/services/ses/model/mailbox-simulator.js';
import type { MailboxMessage } from '../src/store/ses-records.js';

const scope = { accountId: '000000000000', region: 'us-east-1' };
const message = (to: string[], cc: string[] = [], bcc: string[] = []): MailboxMessage => ({
  ...scope,
  id: 'm-1',
  kind: 'sent',
  source: 'sender@example.com',
  destination: { ToAddresses: to, CcAddresses: cc, BccAddresses: bcc },
  timestamp: 0,
});

describe('mailbox simulator addresses', () => {
  it.each([
    ['success@simulator.amazonses.com', 'success'],
    ['BOUNCE@Simulator.AmazonSES.com', 'bounce'],
    ['bounce+label1@simulator.amazonses.com', 'bounce'],
    ['ooto@simulator.amazonses.com', 'ooto'],
    ['complaint@simulator.amazonses.com', 'complaint'],
    ['suppressionlist@simulator.amazonses.com', 'suppressionlist'],
  ])('when the address is %s, then the scenario is %s', (address, scenario) => {
    expect(simulatorScenario(address)).toBe(scenario);
    expect(isSimulatorAddress(address)).toBe(true);
  });

  it.each(['bounce@example.com', 'nobody@simulator.amazonses.com', 'bounce@simulator.amazonses.com.evil'])(
    'when the address is %s, then it is not a simulator address',
    (address) => expect(simulatorScenario(address)).toBeUndefined(),
  );
});

describe('delivery outcomes', () => {
  it('when a message goes to simulator and ordinary recipients in To, Cc and Bcc, then each gets its own outcome in order and listeners hear once', () => {
    const delivery = new Delivery();
    const heard: string[][] = [];
    delivery.onSent((_m, outcomes) => heard.push(outcomes.map((o) => `${o.kind}:${o.recipient}`)));
    const outcomes = delivery.accepted(
      scope,
      message(
        ['Someone <someone@example.com>', 'bounce@simulator.amazonses.com'],
        ['complaint@simulator.amazonses.com'],
        ['suppressionlist@simulator.amazonses.com'],
      ),
    );
    expect(outcomes).toEqual([
      { kind: 'delivered', recipient: 'someone@example.com' },
      {
        kind: 'bounced',
        recipient: 'bounce@simulator.amazonses.com',
        bounceType: 'Permanent',
        bounceSubType: 'General',
      },
      { kind: 'complained', recipient: 'complaint@simulator.amazonses.com' },
      {
        kind: 'bounced',
        recipient: 'suppressionlist@simulator.amazonses.com',
        bounceType: 'Permanent',
        bounceSubType: 'OnAccountSuppressionList',
      },
    ]);
    expect(heard).toHaveLength(1);
  });

  it('when a rule is added first, then it decides before the simulator; a rule added last only decides what nothing else did', () => {
    const delivery = new Delivery();
    delivery.addRule((_s, r) =>
      r.startsWith('blocked') || r.startsWith('bounce')
        ? {
            kind: 'bounced',
            recipient: r,
            bounceType: 'Permanent',
            bounceSubType: 'OnAccountSuppressionList',
          }
        : undefined,
    );
    delivery.addRule((_s, r) => ({ kind: 'auto-replied', recipient: r }), 'last');
    expect(
      delivery
        .outcomesOf(
          scope,
          message(['bounce@simulator.amazonses.com', 'success@simulator.amazonses.com', 'x@example.com']),
        )
        .map((o) => (o.kind === 'bounced' ? `${o.kind}/${o.bounceSubType}` : o.kind)),
    ).toEqual(['bounced/OnAccountSuppressionList', 'delivered', 'auto-replied']);
  });
});
