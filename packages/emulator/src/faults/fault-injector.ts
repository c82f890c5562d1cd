import { isRegionName } from '@ses-console/contract/region-name';
import { seededRandom } from '@ses-console/contract/seeded-random';
import { AwsError } from '../protocol/aws-error.js';

/**
 * Fault injection for resilience tests and demos (`POST /_emulator/faults`, `EMULATOR_FAULTS`):
 * per-operation rate limits (token buckets), random throttling and server errors, and added latency.
 * Faults are decided before an operation runs, so a failed call never changed state.
 */
export interface FaultRule {
  /** A service module's `name` (e.g. the one `GET /_emulator/health` lists) or `*`. */
  service: string;
  /** Operation name (e.g. `DeleteEmailIdentity`) or `*`. */
  operation: string;
  /** Only calls signed for this region (e.g. `eu-west-3`); omitted = every region. */
  region?: string;
  /** Token bucket: sustained requests per second allowed; more are throttled. */
  rateLimit?: number;
  /** Bucket size (burst); defaults to the rate (at least 1). */
  burst?: number;
  /** Probability (0–1) of answering with the service's throttling error. */
  throttleProbability?: number;
  /** Probability (0–1) of answering with the service's server-side error. */
  errorProbability?: number;
  /**
   * Probability (0–1) that the operation runs and its answer is then replaced by a server error, as
   * when a response is lost: for testing that clients retry safely (idempotency).
   */
  lostAnswerProbability?: number;
  /** Added latency in milliseconds before answering (a long one stands for a hung service). */
  latencyMs?: number;
  /**
   * How many times the rule acts before it is spent: each call it delays, throttles, fails or whose
   * answer it loses counts once. Omitted = for ever. `{throttleProbability: 1, times: 2}` throttles
   * the first two matching calls and lets the rest through.
   */
  times?: number;
}

export interface FaultConfig {
  rules: FaultRule[];
  /** Seed of the random source, for repeatable runs. */
  seed?: number;
}

export interface FaultStats {
  /** Calls per `service:operation`, counted whether or not a fault was injected. */
  calls: Record<string, number>;
  /**
   * Calls per `service:operation` by target (as in `succeeded`), counted on arrival, before any fault
   * or latency: what a client sent, whether or not it ran.
   */
  received: Record<string, Record<string, number>>;
  /** Injected faults per `service:operation:kind`. */
  injected: Record<string, number>;
  /** Answers per `service:operation`, by HTTP status (`{"200": 3, "429": 1}`), injected faults included. */
  outcomes: Record<string, Record<string, number>>;
  /**
   * Successful executions (2xx) per `service:operation`, by target: the operation's path labels joined
   * with `/` (e.g. the identity of a DeleteEmailIdentity), or `-` for an operation without labels.
   * This is what a test reads to prove an operation ran exactly once per resource.
   */
  succeeded: Record<string, Record<string, number>>;
}

function emptyStats(): FaultStats {
  return { calls: {}, received: {}, injected: {}, outcomes: {}, succeeded: {} };
}

function validateRule(rule: unknown, index: number, services?: readonly string[]): FaultRule {
  const fail = (field: string, rule: string) => {
    throw new AwsError('BadRequest', 400, `rules[${index}].${field}: ${rule}`);
  };
  if (!rule || typeof rule !== 'object')
    throw new AwsError('BadRequest', 400, `rules[${index}] must be an object`);
  const r = rule as Record<string, unknown>;
  const service = r.service ?? '*';
  const operation = r.operation ?? '*';
  if (typeof service !== 'string' || service.length === 0) fail('service', 'must be a service name or "*"');
  if (services && service !== '*' && !services.includes(service as string)) {
    fail(
      'service',
      `must be ${[...services, '*']
        .map((s) => JSON.stringify(s))
        .join(', ')
        .replace(/, ([^,]*)$/, ' or $1')}`,
    );
  }
  if (typeof operation !== 'string' || operation.length === 0)
    fail('operation', 'must be an operation name or "*"');
  const region = r.region;
  if (region !== undefined && !isRegionName(region)) fail('region', 'must be a region code like "eu-west-3"');
  const positive = (field: string) => {
    const v = r[field];
    if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || v <= 0))
      fail(field, 'must be a positive number');
    return v as number | undefined;
  };
  const probability = (field: string) => {
    const v = r[field];
    if (v !== undefined && (typeof v !== 'number' || v < 0 || v > 1))
      fail(field, 'must be a number from 0 to 1');
    return v as number | undefined;
  };
  const latency = r.latencyMs;
  if (latency !== undefined && (typeof latency !== 'number' || latency < 0 || latency > 60_000)) {
    fail('latencyMs', 'must be a number from 0 to 60000');
  }
  const times = r.times;
  if (times !== undefined && (typeof times !== 'number' || !Number.isInteger(times) || times < 1)) {
    fail('times', 'must be a whole number of at least 1');
  }
  return {
    service: service as string,
    operation: operation as string,
    ...(region === undefined ? {} : { region: region as string }),
    rateLimit: positive('rateLimit'),
    burst: positive('burst'),
    throttleProbability: probability('throttleProbability'),
    errorProbability: probability('errorProbability'),
    lostAnswerProbability: probability('lostAnswerProbability'),
    latencyMs: latency as number | undefined,
    ...(times === undefined ? {} : { times: times as number }),
  };
}

/**
 * Parses and checks a fault configuration; a bad one is a 400 naming the field. With `services` (the
 * names of the services being served), a rule must name one of them or `*`.
 */
export function parseFaultConfig(value: unknown, services?: readonly string[]): FaultConfig {
  if (!value || typeof value !== 'object' || !Array.isArray((value as { rules?: unknown }).rules)) {
    throw new AwsError('BadRequest', 400, 'rules: must be an array of fault rules');
  }
  const { rules, seed } = value as { rules: unknown[]; seed?: unknown };
  if (seed !== undefined && (typeof seed !== 'number' || !Number.isInteger(seed))) {
    throw new AwsError('BadRequest', 400, 'seed: must be an integer');
  }
  return { rules: rules.map((rule, i) => validateRule(rule, i, services)), seed: seed as number | undefined };
}

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/**
 * The errors a service answers for injected faults, in its own wire codes: its throttling error, its
 * server-side error, and the error that replaces a lost answer.
 */
export interface FaultErrors {
  throttle(): AwsError;
  serverError(): AwsError;
  lostAnswer(): AwsError;
}

/** A service as the injector sees it: the name rules match, the errors it answers. */
export interface FaultTarget {
  name: string;
  faults: FaultErrors;
}

/** Counts one call of `key` against its target: the path labels joined with `/`, or `-`. */
function countTarget(
  counters: Record<string, Record<string, number>>,
  key: string,
  labels: readonly string[],
): void {
  const target = labels.length === 1 ? (labels[0] as string) : labels.length > 0 ? labels.join('/') : '-';
  const byTarget = counters[key] ?? {};
  counters[key] = byTarget;
  byTarget[target] = (byTarget[target] ?? 0) + 1;
}

export class FaultInjector {
  private config: FaultConfig = { rules: [] };
  private random: () => number = Math.random;
  private buckets = new Map<number, Bucket>();
  /** How many times each rule (by index) has acted, for `times`. */
  private uses = new Map<number, number>();
  private stats: FaultStats = emptyStats();
  private readonly keys = new Map<string, Map<string, string>>();

  /** `services`: the names rules may use (besides `*`). */
  constructor(
    private readonly services: readonly string[],
    private readonly nowMs: () => number = Date.now,
  ) {}

  /** Takes a parsed configuration (e.g. EMULATOR_FAULTS); a rule naming another service is refused. */
  configure(config: FaultConfig): void {
    parseFaultConfig(config, this.services);
    this.config = config;
    this.random = config.seed === undefined ? Math.random : seededRandom(config.seed);
    this.buckets.clear();
    this.uses.clear();
  }

  /** Replaces rules and counters by a configuration as sent (`POST /_emulator/faults`); a bad one changes nothing. */
  replace(value: unknown): void {
    const config = parseFaultConfig(value, this.services);
    this.clear();
    this.configure(config);
  }

  clear(): void {
    this.configure({ rules: [] });
    this.stats = emptyStats();
  }

  current(): FaultConfig & FaultStats {
    return { ...this.config, ...this.stats };
  }

  /**
   * Counts the call, waits any added latency, then throws the injected fault, if any. `region` is the
   * call's signing region; rules with a `region` only match calls for that region. `labels` are the
   * operation's path labels (the target counted in `received`). Without added latency it returns nothing
   * and throws at once (no promise and no extra turn for every call); with latency it returns the
   * promise of the delay, which then rejects with the fault, if any.
   */
  apply(
    target: FaultTarget,
    operation: string,
    region?: string,
    labels: readonly string[] = [],
  ): Promise<void> | undefined {
    const service = target.name;
    const key = this.keyOf(service, operation);
    this.stats.calls[key] = (this.stats.calls[key] ?? 0) + 1;
    countTarget(this.stats.received, key, labels);
    // No rules (the usual case): nothing to match, delay or throw.
    if (this.config.rules.length === 0) return undefined;
    let latency = 0;
    let fault: 'throttle' | 'error' | undefined;
    const acted = new Set<number>();
    this.config.rules.forEach((rule, index) => {
      if (
        !this.matches(rule, index, service, operation) ||
        (rule.region !== undefined && rule.region !== region)
      )
        return;
      if ((rule.latencyMs ?? 0) > 0) {
        latency = Math.max(latency, rule.latencyMs ?? 0);
        acted.add(index);
      }
      if (fault) return;
      if (rule.rateLimit !== undefined && !this.takeToken(index, rule.rateLimit, rule.burst))
        fault = 'throttle';
      else if (rule.throttleProbability && this.random() < rule.throttleProbability) fault = 'throttle';
      else if (rule.errorProbability && this.random() < rule.errorProbability) fault = 'error';
      if (fault) acted.add(index);
    });
    for (const index of acted) this.uses.set(index, (this.uses.get(index) ?? 0) + 1);
    const inject = (): void => {
      if (!fault) return;
      const injectedKey = `${key}:${fault}`;
      this.stats.injected[injectedKey] = (this.stats.injected[injectedKey] ?? 0) + 1;
      throw fault === 'throttle' ? target.faults.throttle() : target.faults.serverError();
    };
    if (latency > 0) return new Promise((resolve) => setTimeout(resolve, latency)).then(inject);
    inject();
    return undefined;
  }

  /**
   * After an operation ran with a 2xx: whether to replace its answer by a server error (a lost answer).
   * The execution is still counted in `succeeded`; the injection is counted as `lost-answer`.
   */
  loseAnswer(target: FaultTarget, operation: string): AwsError | undefined {
    const service = target.name;
    const index = this.config.rules.findIndex(
      (r, i) => this.matches(r, i, service, operation) && r.lostAnswerProbability,
    );
    const rule = this.config.rules[index];
    if (!rule?.lostAnswerProbability || this.random() >= rule.lostAnswerProbability) return undefined;
    this.uses.set(index, (this.uses.get(index) ?? 0) + 1);
    const injectedKey = `${service}:${operation}:lost-answer`;
    this.stats.injected[injectedKey] = (this.stats.injected[injectedKey] ?? 0) + 1;
    return target.faults.lostAnswer();
  }

  /** Records how a call was answered (after the operation ran, or after an injected fault). */
  recordOutcome(service: string, operation: string, status: number, labels: readonly string[] = []): void {
    const key = this.keyOf(service, operation);
    const byStatus = this.stats.outcomes[key] ?? {};
    this.stats.outcomes[key] = byStatus;
    byStatus[String(status)] = (byStatus[String(status)] ?? 0) + 1;
    if (status >= 200 && status < 300) countTarget(this.stats.succeeded, key, labels);
  }

  /**
   * `service:operation`, the key of every counter: built once per pair, not for every call (a string
   * built per call is a new property name to look up each time).
   */
  private keyOf(service: string, operation: string): string {
    let byOperation = this.keys.get(service);
    if (!byOperation) {
      byOperation = new Map();
      this.keys.set(service, byOperation);
    }
    let key = byOperation.get(operation);
    if (key === undefined) {
      key = `${service}:${operation}`;
      byOperation.set(operation, key);
    }
    return key;
  }

  /** The rule is for this service and operation and not yet spent (`times`). */
  private matches(rule: FaultRule, index: number, service: string, operation: string): boolean {
    if (rule.service !== '*' && rule.service !== service) return false;
    if (rule.operation !== '*' && rule.operation !== operation) return false;
    return rule.times === undefined || (this.uses.get(index) ?? 0) < rule.times;
  }

  private takeToken(index: number, rate: number, burst = Math.max(1, rate)): boolean {
    const now = this.nowMs();
    const bucket = this.buckets.get(index) ?? { tokens: burst, updatedMs: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.updatedMs) / 1000) * rate);
    bucket.updatedMs = now;
    this.buckets.set(index, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}
