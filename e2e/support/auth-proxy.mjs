// A stand-in for oauth2-proxy in front of the console (AUTH_MODE=proxy), for the admin-portal journey:
// `/oauth2/sign_in?user=&groups=&rd=` signs a user in (a cookie), `/oauth2/sign_out` signs out, every
// other request goes to the BFF with x-forwarded-user / -groups / -email for the signed-in user. Like
// oauth2-proxy it drops identity headers the browser sent. Loopback only.
import http from 'node:http';

const port = Number(process.env.AUTH_PROXY_PORT);
const upstream = new URL(process.env.AUTH_PROXY_UPSTREAM ?? '');
const COOKIE = '_e2e_proxy_user';
const identityHeaders = ['x-forwarded-user', 'x-forwarded-groups', 'x-forwarded-email', 'x-amzn-oidc-data'];

function signedIn(req) {
  const cookie = (req.headers.cookie ?? '')
    .split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${COOKIE}=`));
  if (!cookie) return undefined;
  try {
    return JSON.parse(Buffer.from(cookie.slice(COOKIE.length + 1), 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

function page(res, status, title, body, headers = {}) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
  res.end(`<!doctype html><title>${title}</title><h1>${title}</h1>${body}`);
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://proxy.invalid');
  if (url.pathname === '/oauth2/sign_in') {
    const user = url.searchParams.get('user');
    if (!user) return page(res, 400, 'Sign in', '<p>user is required</p>');
    const value = Buffer.from(
      JSON.stringify({ user, groups: url.searchParams.get('groups') ?? '', email: `${user}@example.com` }),
    ).toString('base64url');
    const rd = url.searchParams.get('rd') ?? '/';
    res.writeHead(302, {
      location: rd.startsWith('/') && !rd.startsWith('//') ? rd : '/',
      'set-cookie': `${COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax`,
    });
    return res.end();
  }
  if (url.pathname === '/oauth2/sign_out') {
    return page(res, 200, 'Signed out', '<p>You are signed out of the proxy.</p>', {
      'set-cookie': `${COOKIE}=; Path=/; Max-Age=0`,
    });
  }
  // Like oauth2-proxy (--pass-host-header, its default) the browser's Host goes upstream unchanged:
  // the BFF must list this proxy's address in ALLOWED_HOSTS.
  const headers = { ...req.headers };
  for (const name of identityHeaders) delete headers[name];
  const who = signedIn(req);
  if (who) {
    headers['x-forwarded-user'] = who.user;
    headers['x-forwarded-groups'] = who.groups;
    headers['x-forwarded-email'] = who.email;
  }
  headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
  const forward = http.request(
    { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  forward.on('error', () => page(res, 502, 'Bad gateway', '<p>The console is not reachable.</p>'));
  req.pipe(forward);
});

server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`auth proxy on http://127.0.0.1:${port} → ${upstream.origin}\n`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => server.close(() => process.exit(0)));
