// The one launch configuration for every Chromium this repository starts: the e2e journeys, the demo
// tour and the screenshots (the Playwright configs) and the bench's console suite (playwright-core);
// scripts/ read the path to check that the browser is there. No imports, so it loads before anything
// is installed.

/** `CHROMIUM_PATH`, else Debian's package (Playwright's own browser download is not used). */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Flags that keep the browser quiet and on loopback. Playwright already adds --no-sandbox,
 * --disable-background-networking, --disable-component-update, --disable-sync, --no-first-run and
 * --disable-dev-shm-usage, but other launchers do not, so they are all spelled here. Even with all of
 * them Chromium still looked up update.googleapis.com and accounts.google.com (five DNS queries per
 * launch, seen with strace); the host-resolver rule answers every name but 127.0.0.1 and localhost
 * with NOTFOUND, which brought that to none. --no-sandbox: the sandbox cannot start as root in a
 * container. --disable-gpu: there is none. --disable-quic: no HTTP/3 over UDP.
 */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
];

/** What `chromium.launch()` / Playwright's `launchOptions` take: this browser with these flags. */
export function chromiumLaunchOptions() {
  return { executablePath: chromiumPath, args: [...chromiumArgs] };
}
