import type { SnsMessage, SnsTopic } from '@ses-console/contract';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeBff, startFakeBff } from '../../../testing/fake-bff';
import { renderApp } from '../../../testing/render-app';
import { prettyMessage } from './sns-messages';

let bff: FakeBff | undefined;
afterEach(() => bff?.close());

const arnOf = (name: string) => `arn:aws:sns:us-east-1:000000000000:${name}`;
const bounce: SnsMessage = {
  messageId: 'sns-1',
  topicArn: arnOf('ses-bounces'),
  message: JSON.stringify({
    notificationType: 'Bounce',
    bounce: { bounceType: 'Permanent', bounceSubType: 'General' },
    mail: { messageId: 'ses-42' },
  }),
  timestamp: '2026-03-01T10:00:00.000Z',
  notificationType: 'Bounce',
  sesMessageId: 'ses-42',
};

/** A BFF holding topics (create and delete change them) and one bounce on ses-bounces. */
function fakeSns(initial: string[]) {
  let topics: SnsTopic[] = initial.map((name) => ({ name, arn: arnOf(name) }));
  return startFakeBff((req) => {
    if (req.path === '/api/regions/us-east-1/sns-topics') return { body: { topics, truncated: false } };
    if (req.method === 'POST' && req.path === '/api/emulator/regions/us-east-1/sns-topics') {
      const { name } = req.body as { name: string };
      const topic = { name, arn: arnOf(name) };
      topics = [...topics, topic];
      return { status: 201, body: topic };
    }
    if (req.method === 'DELETE' && req.path.startsWith('/api/emulator/regions/us-east-1/sns-topics/')) {
      const name = req.path.split('/').at(-1);
      topics = topics.filter((t) => t.name !== name);
      return { status: 204, body: null };
    }
    if (req.path === '/api/emulator/sns-messages') {
      const topicArn = req.query.get('topicArn');
      const sesMessageId = req.query.get('sesMessageId');
      const matches =
        (!topicArn || topicArn === bounce.topicArn) &&
        (!sesMessageId || sesMessageId === bounce.sesMessageId);
      return { body: { messages: matches ? [bounce] : [] } };
    }
    return undefined;
  });
}

const posts = () => bff?.requests.filter((r) => r.method === 'POST' && r.path.includes('sns-topics')) ?? [];

describe('the SNS topics page (emulator)', () => {
  it('when a topic name breaks the rule, then Create says so and sends nothing; a good name creates and selects it', async () => {
    bff = await fakeSns([]);
    const user = userEvent.setup();
    renderApp('/emulator/sns-topics?region=us-east-1');
    expect(await screen.findByText('No topics', {}, { timeout: 20_000 })).toBeTruthy();
    await user.click(screen.getAllByRole('button', { name: 'Create topic' })[0] as HTMLElement);
    const dialog = within(await screen.findByRole('dialog', { name: 'Create topic' }));
    const name = dialog.getByRole('textbox', { name: /^Name/ });
    await user.type(name, 'has space');
    await user.click(dialog.getByRole('button', { name: 'Create topic' }));
    expect(await dialog.findByText(/A topic name has 1–256 characters/)).toBeTruthy();
    expect(posts()).toHaveLength(0);

    await user.clear(name);
    await user.type(name, 'ses-feedback');
    await user.click(dialog.getByRole('button', { name: 'Create topic' }));
    expect(await screen.findByText('Topic ses-feedback was created.')).toBeTruthy();
    expect(posts().map((r) => r.body)).toEqual([{ name: 'ses-feedback' }]);
    const row = (await screen.findByText(arnOf('ses-feedback'))).closest('tr') as HTMLElement;
    await waitFor(() => expect((within(row).getByRole('radio') as HTMLInputElement).checked).toBe(true));
  }, 90_000);

  it('when a topic is selected, then its messages show with the SES JSON pretty-printed', async () => {
    bff = await fakeSns(['ses-bounces']);
    const user = userEvent.setup();
    renderApp('/emulator/sns-topics?region=us-east-1');
    await user.click(
      await screen.findByRole('radio', { name: 'Select topic ses-bounces' }, { timeout: 20_000 }),
    );
    expect(await screen.findByRole('heading', { name: /Messages of ses-bounces/ })).toBeTruthy();
    // One message: open at once, its payload as indented JSON.
    const pre = await waitFor(() => {
      const found = document.querySelector('pre');
      expect(found).not.toBeNull();
      return found as HTMLElement;
    });
    expect(pre.textContent).toBe(prettyMessage(bounce.message));
    expect(pre.textContent).toContain('\n  "bounce": {\n    "bounceType": "Permanent"');
  });

  it('when the page is opened for one SES message, then only its notifications are asked for and shown', async () => {
    bff = await fakeSns(['ses-bounces']);
    renderApp('/emulator/sns-topics?region=us-east-1&messageId=ses-42');
    expect(
      await screen.findByRole('heading', { name: /Notifications about message ses-42/ }, { timeout: 20_000 }),
    ).toBeTruthy();
    expect(await screen.findByText(/Bounce ·/)).toBeTruthy();
    expect(
      bff.requests
        .filter((r) => r.path === '/api/emulator/sns-messages')
        .map((r) => r.query.get('sesMessageId')),
    ).toContain('ses-42');
  });

  it('when Delete is confirmed, then the topic is deleted by name and leaves the list', async () => {
    bff = await fakeSns(['ses-bounces', 'old-topic']);
    const user = userEvent.setup();
    renderApp('/emulator/sns-topics?region=us-east-1&topic=old-topic');
    const remove = await screen.findByRole('button', { name: 'Delete' }, { timeout: 20_000 });
    await waitFor(() => expect((remove as HTMLButtonElement).disabled).toBe(false));
    await user.click(remove);
    const dialog = within(await screen.findByRole('dialog', { name: 'Delete old-topic?' }));
    expect(dialog.getByText(/old-topic and its subscriptions are deleted/)).toBeTruthy();
    await user.click(dialog.getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('Topic old-topic was deleted.')).toBeTruthy();
    expect(bff.requests.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual([
      '/api/emulator/regions/us-east-1/sns-topics/old-topic',
    ]);
    await waitFor(() => expect(screen.queryByText(arnOf('old-topic'))).toBeNull());
  }, 90_000);
});
