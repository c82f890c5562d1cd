import { isVerificationToken, VERIFICATION_TOKEN_RULE } from '@ses-console/emulator/verification-link';
import type {
  EmulatorAccountView,
  FaultConfig,
  FaultRule,
  FaultStats,
  RoleEntry,
  SeedOptions,
  SeedResult,
  StoreReport,
} from '../index.js';
import {
  type CapturedMessage,
  type CapturedSnsMessage,
  isAddressedTo,
  sesNotificationAbout,
  verificationLinkIn,
} from './captured-message.js';

/** The header the control plane reads `EMULATOR_CONTROL_TOKEN` from. */
export const CONTROL_TOKEN_HEADER = 'x-emulator-control-token';

export interface EmulatorControlOptions {
  /** EMULATOR_CONTROL_TOKEN of the emulator, when it was started with one; sent with every call. */
  controlToken?: string;
  /** Give up on a control-plane call after this long (default: wait as long as it takes). */
  timeoutMs?: number;
}

/** The emulator answered a control-plane call with a non-2xx status. */
export class EmulatorControlError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    /** The answer's JSON (`{"message": …}` for the control plane's own errors), if it was JSON. */
    readonly body: unknown,
    text: string,
  ) {
    super(`${method} ${path} → ${status} ${text.slice(0, 500)}`);
    this.name = 'EmulatorControlError';
  }
}

/** A control-plane call got no answer: nothing listens, the connection broke, or it timed out. */
export class EmulatorUnreachableError extends Error {
  constructor(method: string, url: string, cause: unknown) {
    super(`${method} ${url}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'EmulatorUnreachableError';
  }
}

export interface ClockState {
  /** ISO-8601 instant of the emulator's clock. */
  now: string;
}

export type FaultState = FaultConfig & FaultStats;

/** The roles STS AssumeRole accepts (`/_emulator/roles`): `restricted: false` means any well-formed role ARN. */
export interface RolesState {
  restricted: boolean;
  roles: RoleEntry[];
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined; // e.g. the HTML page of the verify-email endpoint
  }
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/**
 * The emulator's control plane (`/_emulator/*`, `/_aws/ses`) over HTTP: the clock, reset, seed, fault
 * injection, store inspection, the captured mailbox, the captured SNS messages and email verification.
 * Every call sends the control token when one is configured and throws `EmulatorControlError` on a
 * non-2xx answer.
 */
export class EmulatorControlClient {
  readonly url: string;
  readonly #headers: Record<string, string>;
  readonly #timeoutMs: number | undefined;

  constructor(url: string, options: EmulatorControlOptions = {}) {
    this.url = url.replace(/\/+$/, '');
    this.#headers = options.controlToken ? { [CONTROL_TOKEN_HEADER]: options.controlToken } : {};
    this.#timeoutMs = options.timeoutMs;
  }

  /** `GET /_emulator/health`: whether the emulator answers (no control token needed). */
  async health(): Promise<{ status: string; services: string[] }> {
    return asRecord(await this.call('GET', '/_emulator/health')) as { status: string; services: string[] };
  }

  /** The emulator's clock. */
  async clock(): Promise<ClockState> {
    return asRecord(await this.call('GET', '/_emulator/clock')) as unknown as ClockState;
  }

  /** Moves the clock forward; the verification engine runs at once. */
  async advanceClock(seconds: number): Promise<ClockState> {
    return asRecord(
      await this.call('POST', '/_emulator/clock', { advanceSeconds: seconds }),
    ) as unknown as ClockState;
  }

  /** Sets the clock to an instant (also backwards); the verification engine runs at once. */
  async setClock(instant: Date | string): Promise<ClockState> {
    const set = typeof instant === 'string' ? instant : instant.toISOString();
    return asRecord(await this.call('POST', '/_emulator/clock', { set })) as unknown as ClockState;
  }

  /** `POST /_emulator/reset`: empties all state and puts the clock back to real time. */
  async reset(): Promise<ClockState & { reset: true }> {
    return asRecord(await this.call('POST', '/_emulator/reset')) as unknown as ClockState & { reset: true };
  }

  /** `POST /_emulator/seed`: identities over the statuses (names random unless given). */
  async seed(options: SeedOptions): Promise<SeedResult> {
    return (await this.call('POST', '/_emulator/seed', options)) as SeedResult;
  }

  /** `GET /_emulator/account`: sandbox or production access and the quota of one account + Region. */
  async account(scope: { accountId?: string; region?: string } = {}): Promise<EmulatorAccountView> {
    const query = new URLSearchParams();
    if (scope.accountId) query.set('accountId', scope.accountId);
    if (scope.region) query.set('region', scope.region);
    const path = `/_emulator/account${query.size > 0 ? `?${query}` : ''}`;
    return (await this.call('GET', path)) as EmulatorAccountView;
  }

  /**
   * `POST /_emulator/account`: AWS's production-access review, decided — `productionAccess: true` leaves
   * the sandbox (production quota unless given), `false` goes back; `max24HourSend` (-1 = unlimited)
   * and `maxSendRate` raise the quota. Default account and Region unless named.
   */
  async setAccount(change: {
    productionAccess?: boolean;
    max24HourSend?: number;
    maxSendRate?: number;
    accountId?: string;
    region?: string;
  }): Promise<EmulatorAccountView> {
    return (await this.call('POST', '/_emulator/account', change)) as EmulatorAccountView;
  }

  /** The fault rules in force and the call/injection counters. */
  async faults(): Promise<FaultState> {
    return (await this.call('GET', '/_emulator/faults')) as FaultState;
  }

  /**
   * Replaces the fault rules (counters restart), e.g. one Region's ListEmailIdentities failing:
   * `[{ service: 'sesv2', operation: 'ListEmailIdentities', region: 'eu-west-3', errorProbability: 1 }]`.
   * Faults are global to the emulator: clear them in a `finally`.
   */
  async setFaults(rules: FaultRule[], options: { seed?: number } = {}): Promise<FaultState> {
    const body: FaultConfig = { rules, ...(options.seed === undefined ? {} : { seed: options.seed }) };
    return (await this.call('POST', '/_emulator/faults', body)) as FaultState;
  }

  async clearFaults(): Promise<FaultState> {
    return (await this.call('DELETE', '/_emulator/faults')) as FaultState;
  }

  /** `GET /_emulator/roles`: the roles STS lets callers assume (EMULATOR_ROLES or the last `setRoles`). */
  async roles(): Promise<RolesState> {
    return (await this.call('GET', '/_emulator/roles')) as RolesState;
  }

  /**
   * `PUT /_emulator/roles`: only these roles can be assumed, each with the ExternalId it requires and
   * its maximum session (default 3600 s); any other → AccessDenied. Global to the emulator: clear in a
   * `finally`.
   */
  async setRoles(roles: RoleEntry[]): Promise<RolesState> {
    return (await this.call('PUT', '/_emulator/roles', { roles })) as RolesState;
  }

  /** `DELETE /_emulator/roles`: any well-formed role ARN can be assumed again. */
  async clearRoles(): Promise<RolesState> {
    return (await this.call('DELETE', '/_emulator/roles')) as RolesState;
  }

  /** `GET /_emulator/store`: row counts and a digest of the whole state (and SQLite's integrity check). */
  async inspectStore(options: { integrity?: boolean } = {}): Promise<StoreReport> {
    const query = options.integrity ? '?integrity=true' : '';
    return (await this.call('GET', `/_emulator/store${query}`)) as StoreReport;
  }

  /**
   * Captured messages, oldest first; `email` matches the sender address, `id` one message, `region`
   * the Region it was sent in.
   */
  async messages(filter: { email?: string; id?: string; region?: string } = {}): Promise<CapturedMessage[]> {
    const query = new URLSearchParams();
    if (filter.email) query.set('email', filter.email);
    if (filter.id) query.set('id', filter.id);
    if (filter.region) query.set('region', filter.region);
    const body = asRecord(await this.call('GET', `/_aws/ses${query.size > 0 ? `?${query}` : ''}`));
    return Array.isArray(body.messages) ? (body.messages as CapturedMessage[]) : [];
  }

  /** Captured messages with `address` among their recipients, oldest first. */
  async messagesTo(address: string): Promise<CapturedMessage[]> {
    return (await this.messages()).filter((message) => isAddressedTo(message, address));
  }

  /** Deletes one captured message (`id`) or all of them. */
  async clearMessages(id?: string): Promise<void> {
    await this.call('DELETE', `/_aws/ses${id ? `?${new URLSearchParams({ id })}` : ''}`);
  }

  /**
   * `GET /_emulator/sns`: messages published on SNS topics, newest first; `topicArn` one topic's only,
   * `limit` at most that many (1–1000).
   */
  async snsMessages(filter: { topicArn?: string; limit?: number } = {}): Promise<CapturedSnsMessage[]> {
    const query = new URLSearchParams();
    if (filter.topicArn) query.set('topicArn', filter.topicArn);
    if (filter.limit !== undefined) query.set('limit', String(filter.limit));
    const body = asRecord(await this.call('GET', `/_emulator/sns${query.size > 0 ? `?${query}` : ''}`));
    return Array.isArray(body.messages) ? (body.messages as CapturedSnsMessage[]) : [];
  }

  /** The SES notifications (Bounce, Complaint, Delivery) published about the sent message `sesMessageId`. */
  async snsNotificationsAbout(sesMessageId: string, topicArn?: string): Promise<CapturedSnsMessage[]> {
    return (await this.snsMessages({ topicArn })).filter((m) => sesNotificationAbout(m, sesMessageId));
  }

  /** `DELETE /_emulator/sns`: forgets the captured SNS messages (of one topic, or all). */
  async clearSnsMessages(topicArn?: string): Promise<void> {
    await this.call('DELETE', `/_emulator/sns${topicArn ? `?${new URLSearchParams({ topicArn })}` : ''}`);
  }

  /** `GET /_emulator/verify-email?token=`: what opening the link of a verification email does. */
  async verifyEmail(token: string): Promise<void> {
    if (!isVerificationToken(token)) throw new RangeError(`token must be ${VERIFICATION_TOKEN_RULE}`);
    await this.call('GET', `/_emulator/verify-email?${new URLSearchParams({ token })}`);
  }

  /**
   * The link of the newest verification email captured for `address` (what its owner would click).
   * `messages`: an already fetched mailbox, to look many addresses up with one request.
   */
  async verificationLink(address: string, messages?: CapturedMessage[]): Promise<string> {
    const mail = messages ?? (await this.messages());
    for (let i = mail.length - 1; i >= 0; i--) {
      const message = mail[i] as CapturedMessage;
      if (!isAddressedTo(message, address)) continue;
      const link = verificationLinkIn(message, this.url);
      if (link) return link.url;
    }
    throw new Error(`no verification email captured for ${address}`);
  }

  /** Verifies an email identity the way its owner would: by opening the link in its captured email. */
  async verifyEmailAddress(address: string, messages?: CapturedMessage[]): Promise<void> {
    const link = await this.verificationLink(address, messages);
    const response = await this.fetch('GET', link, {});
    if (!response.ok) throw new Error(`the verification link of ${address} answered ${response.status}`);
  }

  /** One control-plane call: JSON in, JSON (or nothing) out; throws on a non-2xx answer. */
  protected async call(method: Method, path: string, body?: unknown): Promise<unknown> {
    const headers =
      body === undefined ? this.#headers : { ...this.#headers, 'content-type': 'application/json' };
    const response = await this.fetch(method, `${this.url}${path}`, {
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const json = parseJson(text);
    if (!response.ok) throw new EmulatorControlError(method, path, response.status, json, text);
    return json;
  }

  private async fetch(method: Method, url: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, {
        ...init,
        method,
        ...(this.#timeoutMs === undefined ? {} : { signal: AbortSignal.timeout(this.#timeoutMs) }),
      });
    } catch (error) {
      throw new EmulatorUnreachableError(method, url, error);
    }
  }
}
