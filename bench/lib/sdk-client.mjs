import { createSesClient, EmulatorClient } from '@ses-console/emulator/client';

/**
 * The one client every server is measured with: the JS SDK v3 SESv2 client of the shared emulator
 * client (static dummy credentials, so the SDK never looks for real ones), an `endpoint`, and no
 * retries (a failure is reported, never hidden by a retry).
 */
export function sesClient(endpoint, { region = 'us-east-1', motoListRoute = false } = {}) {
  const client = createSesClient({ endpoint, region, maxAttempts: 1 });
  if (motoListRoute) client.middlewareStack.add(rewriteListToGet, { step: 'build', name: 'motoListRoute' });
  return client;
}

/**
 * moto 5.x serves ListEmailIdentities only on the older `GET /v2/email/identities` route, while
 * client-sesv2 3.1176 sends `POST /v2/email/list-identities` with a JSON body. This rewrites the
 * request to the route moto knows. PageSize is dropped: moto passes the query string value to its
 * paginator uncoerced and answers 500 (`int + str`), so moto always pages by its default of 100.
 */
function rewriteListToGet(next) {
  return async (args) => {
    const request = args.request;
    if (request.method === 'POST' && request.path === '/v2/email/list-identities') {
      const text =
        typeof request.body === 'string'
          ? request.body
          : new TextDecoder().decode(request.body ?? new Uint8Array());
      const body = JSON.parse(text || '{}');
      request.method = 'GET';
      request.path = '/v2/email/identities';
      request.body = undefined;
      request.query = body.NextToken ? { NextToken: body.NextToken } : {};
      delete request.headers['content-type'];
      delete request.headers['content-length'];
    }
    return next(args);
  };
}

/** The control plane of our emulator at `url` (seed, faults), with EMULATOR_CONTROL_TOKEN when set. */
export function emulatorControl(url) {
  return new EmulatorClient(url, { controlToken: process.env.EMULATOR_CONTROL_TOKEN });
}
