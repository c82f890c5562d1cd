/**
 * A browser's cookie behaviour, as much as a sign-in needs: cookies by name and path, sent on
 * matching requests, with manual redirects so every hop is a real request.
 */
export class CookieJar {
  private readonly cookies = new Map<string, { value: string; path: string }>();

  header(url: URL): string {
    return [...this.cookies.entries()]
      .filter(([, c]) => url.pathname.startsWith(c.path))
      .map(([name, c]) => `${name}=${c.value}`)
      .join('; ');
  }

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((p) => p.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const path = attributes.find((a) => a.toLowerCase().startsWith('path='))?.slice(5) ?? '/';
      const expired = attributes.some(
        (a) =>
          (a.toLowerCase().startsWith('expires=') && Date.parse(a.slice(8)) < Date.now()) ||
          a === 'Max-Age=0',
      );
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, { value, path });
    }
  }

  get(name: string): string | undefined {
    return this.cookies.get(name)?.value;
  }

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url);
    const headers = new Headers(init.headers);
    const cookie = this.header(target);
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(target, { ...init, headers, redirect: 'manual' });
    this.store(response);
    return response;
  }

  /** Follows redirects like a browser until a URL `stopAt` accepts (not fetched) or a non-redirect answer. */
  async follow(url: string, stopAt?: (url: string) => boolean): Promise<{ url: string; response: Response }> {
    let current = url;
    for (let hop = 0; hop < 20; hop += 1) {
      if (stopAt?.(current) && hop > 0) return { url: current, response: new Response(null) };
      const response = await this.fetch(current);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { url: current, response };
      await response.arrayBuffer();
      current = new URL(location, current).href;
    }
    throw new Error(`too many redirects from ${url}`);
  }
}
