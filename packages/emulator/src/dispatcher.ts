import type http from 'node:http';
import type { ControlPlane } from './control/control-plane.js';
import { controlTokenRefusal } from './control/control-token.js';
import type { FaultInjector } from './faults/fault-injector.js';
import type { EmulatorLogger } from './logger.js';
import { AwsError } from './protocol/aws-error.js';
import { browserRefusal } from './protocol/browser-guard.js';
import { type ContextDefaults, contextFromHeaders } from './protocol/context.js';
import {
  InternalFailure,
  Unauthorized,
  UnknownOperationException,
  UnsupportedMediaTypeException,
} from './protocol/core-errors.js';
import type { IncomingRequest, OutgoingResponse } from './protocol/http-types.js';
import { queryParamsOf, rawPathOf, rawQueryOf, readBody } from './protocol/read-request.js';
import { mayBeFor, serviceFor } from './protocol/recognition.js';
import { REST_JSON } from './protocol/rest-json.js';
import type { MatchedOperation } from './protocol/router.js';
import {
  applySessionCredentials,
  SessionCredentialError,
  type SessionCredentialSource,
} from './protocol/session-credentials.js';
import {
  type SigV4Credential,
  type SigV4CredentialLookup,
  SigV4Error,
  verifySigV4,
} from './protocol/sigv4.js';
import type { WireProtocol } from './protocol/wire-protocol.js';
import type { ServiceModule } from './services/service.js';

export interface DispatcherDeps {
  /** Every emulated service, in the order they are asked whether a request is theirs. */
  services: readonly ServiceModule[];
  control: ControlPlane;
  faults: FaultInjector;
  /** Account and region of requests whose credential scope does not say. */
  defaults: ContextDefaults;
  /** With EMULATOR_AUTH=sigv4: the keys whose signatures are accepted. */
  credentials?: ReadonlyMap<string, SigV4Credential>;
  /**
   * The temporary credentials STS issued (the store's `StsCredentialRepo`): an issued key acts in its
   * session's account for every service, and its expiry is read on `now` (the emulator clock).
   */
  sessions?: SessionCredentialSource;
  /** The emulator clock (epoch ms) that session expiry is judged on; default real time. */
  now?: () => number;
  controlToken?: string;
  logger: EmulatorLogger;
}

export type Dispatch = (raw: http.IncomingMessage) => Promise<OutgoingResponse>;

/** What the request log says about one request. */
interface Outcome {
  requestId?: string;
  service?: string;
  operation?: string;
}

/**
 * The one path every request takes, whatever it is for: browser guard, control token, body, request
 * context, then the control plane or the service whose recognition rule claims the request
 * (`ServiceModule`), SigV4, faults, the operation, errors in that service's wire protocol, and the
 * request log. It knows no service by name.
 */
export function createDispatcher(deps: DispatcherDeps): Dispatch {
  const { services, control, faults, logger } = deps;

  async function answer(raw: http.IncomingMessage, outcome: Outcome): Promise<OutgoingResponse> {
    const target = raw.url ?? '/';
    const method = raw.method ?? 'GET';
    const query = queryParamsOf(target);
    // The path as sent: WHATWG URL parsing would resolve `..` and `%2E%2E` segments and so route a
    // request whose label is `..` to another operation (or none).
    const rawPath = rawPathOf(target);
    const ctx = contextFromHeaders(raw.headers, deps.defaults);
    outcome.requestId = ctx.requestId;
    const forControl = control.owns(rawPath);
    const candidates = forControl ? [] : services.filter((s) => mayBeFor(s.recognition, method, rawPath));
    // Until a service claims the request, errors take the wire format of the first that may (a form
    // `POST /` no query service claims still gets an XML error a query SDK can read); the control plane
    // and paths no service may own answer in REST-JSON.
    let protocol: WireProtocol = candidates[0]?.protocol ?? REST_JSON;
    let service: ServiceModule | undefined;
    let operation: MatchedOperation | undefined;
    try {
      const refusal = browserRefusal(method, raw.headers, { awsRoute: candidates.length > 0 });
      if (refusal?.status === 415) throw new UnsupportedMediaTypeException(refusal.message);
      if (refusal) throw new AwsError(protocol.codes.accessDenied, refusal.status, refusal.message);
      if (forControl && control.needsToken(method, rawPath)) {
        const tokenRefusal = controlTokenRefusal(raw.headers, deps.controlToken);
        if (tokenRefusal) throw new Unauthorized(tokenRefusal);
      }
      // A request without a body is answered without waiting a turn (most GETs).
      const body = readBody(raw);
      const req: IncomingRequest = {
        method,
        rawPath,
        query,
        headers: raw.headers,
        body: body instanceof Promise ? await body : body,
        ctx,
      };
      if (forControl) {
        const answered = await control.answer(req);
        outcome.operation = answered.operation;
        return answered.response;
      }
      service = serviceFor(candidates, req);
      if (!service) throw new UnknownOperationException(`No emulated service handles ${method} ${rawPath}`);
      outcome.service = service.name;
      protocol = service.protocol;
      if (deps.sessions) applySessions(req, service, deps.sessions, (deps.now ?? Date.now)());
      if (deps.credentials) {
        authenticate(req, service, rawQueryOf(target), withSessions(deps.credentials, deps.sessions));
      }
      operation = service.operations.resolve(req);
      if (!operation) throw service.unknownOperation(req);
      outcome.operation = operation.operation;
      const labels = Object.values(operation.params);
      const delayed = faults.apply(service, operation.operation, ctx.region, labels);
      if (delayed) await delayed;
      // A synchronous handler's answer is used as it is (no extra turn).
      const ran = operation.run();
      const out = ran instanceof Promise ? await ran : ran;
      faults.recordOutcome(service.name, operation.operation, out.status, labels);
      const lost = out.status < 300 ? faults.loseAnswer(service, operation.operation) : undefined;
      if (lost) return protocol.errorResponse(ctx.requestId, lost);
      return out;
    } catch (error) {
      const awsError = error instanceof AwsError ? error : new InternalFailure();
      if (!(error instanceof AwsError)) {
        logger.error(
          { err: error, requestId: ctx.requestId, service: service?.name, operation: operation?.operation },
          'emulator: unexpected error',
        );
      }
      if (service && operation) faults.recordOutcome(service.name, operation.operation, awsError.status);
      return protocol.errorResponse(ctx.requestId, awsError);
    }
  }

  return async (raw) => {
    const outcome: Outcome = {};
    const out = await answer(raw, outcome);
    // The request line is built only when debug lines are written (LOG_LEVEL=debug).
    if (logger.isLevelEnabled?.('debug') === false) return out;
    logger.debug(
      {
        method: raw.method,
        path: rawPathOf(raw.url ?? '/'),
        status: out.status,
        ...outcome,
      },
      'emulator request',
    );
    return out;
  };
}

/** An issued key acts in its session's account; a refused one is answered in the service's protocol. */
function applySessions(
  req: IncomingRequest,
  service: ServiceModule,
  sessions: SessionCredentialSource,
  nowMs: number,
): void {
  try {
    applySessionCredentials(req.ctx, req.headers, sessions, nowMs);
  } catch (error) {
    if (!(error instanceof SessionCredentialError)) throw error;
    throw new AwsError(service.protocol.codes.session[error.failure], 403, error.message);
  }
}

/** The static keys first, then the sessions STS issued (their secret, account and token). */
function withSessions(
  credentials: ReadonlyMap<string, SigV4Credential>,
  sessions: SessionCredentialSource | undefined,
): SigV4CredentialLookup {
  if (!sessions) return credentials;
  return {
    get: (accessKeyId) => {
      const known = credentials.get(accessKeyId);
      if (known) return known;
      const issued = sessions.find(accessKeyId);
      return (
        issued && {
          secretAccessKey: issued.secretAccessKey,
          accountId: issued.accountId,
          sessionToken: issued.sessionToken,
        }
      );
    },
  };
}

/** EMULATOR_AUTH=sigv4: the signature must verify, scoped to one of the service's signing names. */
function authenticate(
  req: IncomingRequest,
  service: ServiceModule,
  rawQuery: string,
  credentials: SigV4CredentialLookup,
): void {
  try {
    const caller = verifySigV4({ ...req, rawQuery, signingNames: service.signingNames }, credentials);
    if (caller.accountId) req.ctx.accountId = caller.accountId;
  } catch (error) {
    if (!(error instanceof SigV4Error)) throw error;
    throw new AwsError(service.protocol.codes.sigV4[error.failure], 403, error.message);
  }
}
