import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SNSClient } from '@aws-sdk/client-sns';
import type { RunningEmulator } from '../src/index.js';

export function snsClient(emulator: RunningEmulator, region = 'us-east-1', accessKeyId = 'test'): SNSClient {
  return new SNSClient({
    region,
    endpoint: emulator.url,
    credentials: { accessKeyId, secretAccessKey: 'test' },
    maxAttempts: 1,
  });
}

/** One POST an SNS subscriber received. */
export interface ReceivedPost {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The JSON envelope (undefined for raw delivery). */
  envelope?: Record<string, string>;
}

/**
 * A real HTTP subscriber on a loopback ephemeral port: it records every POST and lets a test wait for
 * the next one of a type (no sleeping: the wait ends when the POST arrives).
 */
export class Subscriber {
  readonly received: ReceivedPost[] = [];
  private waiters: Array<{ match: (p: ReceivedPost) => boolean; resolve: (p: ReceivedPost) => void }> = [];
  private constructor(
    private readonly server: http.Server,
    readonly url: string,
  ) {}

  static async start(): Promise<Subscriber> {
    let self: Subscriber | undefined;
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        let envelope: Record<string, string> | undefined;
        try {
          envelope = JSON.parse(body) as Record<string, string>;
        } catch {
          envelope = undefined;
        }
        res.writeHead(200).end();
        self?.record({ path: req.url ?? '/', headers: req.headers, body, envelope });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    self = new Subscriber(server, `http://127.0.0.1:${port}`);
    return self;
  }

  private record(post: ReceivedPost): void {
    this.received.push(post);
    const waiter = this.waiters.find((w) => w.match(post));
    if (waiter) {
      this.waiters = this.waiters.filter((w) => w !== waiter);
      waiter.resolve(post);
    }
  }

  private readonly taken = new Set<ReceivedPost>();

  /** The first POST (already received or still to come) that `match` accepts and no earlier wait took. */
  next(match: (p: ReceivedPost) => boolean): Promise<ReceivedPost> {
    const free = (p: ReceivedPost) => match(p) && !this.taken.has(p);
    const found = this.received.find(free);
    if (found) {
      this.taken.add(found);
      return Promise.resolve(found);
    }
    return new Promise((resolve) =>
      this.waiters.push({
        match: free,
        resolve: (p) => {
          this.taken.add(p);
          resolve(p);
        },
      }),
    );
  }

  /** The next message of SNS type `type` (`SubscriptionConfirmation`, `Notification`) to `path`. */
  nextOfType(type: string, path = '/'): Promise<ReceivedPost> {
    return this.next((p) => p.headers['x-amz-sns-message-type'] === type && p.path === path);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** Subscribes `endpoint` to the topic and confirms it through the SubscribeURL of its confirmation. */
export async function confirmVia(subscriber: Subscriber, path: string): Promise<ReceivedPost> {
  const confirmation = await subscriber.nextOfType('SubscriptionConfirmation', path);
  const res = await fetch(confirmation.envelope?.SubscribeURL as string);
  if (res.status !== 200) throw new Error(`SubscribeURL answered ${res.status}: ${await res.text()}`);
  return confirmation;
}
