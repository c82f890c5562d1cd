import { apiPaths } from '@ses-console/contract';
import { accountsConfig, DEMO_ACCOUNTS } from '@ses-console/demo-kit';
import { checkComplete, getJson } from '../lib/bff-json.mjs';
import { timeRuns } from '../lib/load.mjs';
import { emulatorControl } from '../lib/sdk-client.mjs';
import { startBffProcess } from '../lib/servers.mjs';
import { formatMs, median, percentile } from '../lib/stats.mjs';
import { firstRowTimes, launchChromium } from './console.mjs';

const GROUP = 'All accounts × All regions';

/** The demo's three accounts, each reached through its role on the embedded emulator's STS (as `pnpm demo`). */
const ACCOUNTS = DEMO_ACCOUNTS;

/** The four Regions every account lists (REGIONS of this BFF, so All regions means these four). */
const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2', 'eu-central-1'];

/**
 * Issue 18's benchmark: a BFF serving 3 accounts (ACCOUNTS, a role each, assumed on its embedded emulator's
 * STS) × 4 Regions × `perRegion` identities. Side by side in the same process and run, alternating:
 * `GET /api/all-accounts/identities` (every account × every Region) against `GET /api/identities` (All
 * regions of the default account: a third of the rows) and against `GET /api/identities` of a second BFF
 * without ACCOUNTS whose one account holds the same number of rows; then the console's first rows in
 * headless Chromium for the All accounts view against the one-account All regions view.
 */
export async function allAccountsBenchmarks(config) {
  const { perRegion, listRuns, consoleRuns } = config.allAccounts;
  const bff = await startBffProcess({
    // Every account offers the same four Regions (not the demo's own Regions per account).
    ACCOUNTS: accountsConfig(ACCOUNTS, { offeredRegions: false }),
    REGIONS: REGIONS.join(','),
    // The BFF's own account is the default one, as in `pnpm demo`.
    EMULATOR_ACCOUNT_ID: ACCOUNTS[0]?.id,
  });
  let solo;
  try {
    // One account holding as many rows as all three (a console without ACCOUNTS, the same Regions).
    solo = await startBffProcess({ REGIONS: REGIONS.join(',') });
    // Bulk: the control plane's seed, one call per account (the identities spread over the statuses).
    const control = emulatorControl(bff.emulatorUrl);
    for (const account of ACCOUNTS) {
      await control.seed({ identities: perRegion * REGIONS.length, regions: REGIONS, accountId: account.id });
    }
    control.close();
    const oneAccount = perRegion * REGIONS.length;
    const allAccounts = oneAccount * ACCOUNTS.length;
    const soloControl = emulatorControl(solo.emulatorUrl);
    await soloControl.seed({ identities: allAccounts, regions: REGIONS });
    soloControl.close();

    const allUrl = `${bff.url}${apiPaths.allAccountsIdentities}`;
    const oneUrl = `${bff.url}${apiPaths.allRegionsIdentities}`;
    // Warm both (role credentials, SDK clients, connections) and check they list every row.
    checkComplete('All accounts', await getJson(allUrl), allAccounts, 'loads');
    checkComplete('One account, All regions', await getJson(oneUrl), oneAccount, 'regions');
    const soloUrl = `${solo.url}${apiPaths.allRegionsIdentities}`;
    checkComplete('One account holding every row', await getJson(soloUrl), allAccounts, 'regions');
    const allTimes = [];
    const oneTimes = [];
    const soloTimes = [];
    for (let run = 0; run < listRuns; run++) {
      allTimes.push(...(await timeRuns(1, () => getJson(allUrl))));
      oneTimes.push(...(await timeRuns(1, () => getJson(oneUrl))));
      soloTimes.push(...(await timeRuns(1, () => getJson(soloUrl))));
    }
    const sameRows = median(allTimes) / median(soloTimes);
    const ratio = median(allTimes) / median(oneTimes);
    const rowsRatio = allAccounts / oneAccount;
    const rows = [
      {
        group: GROUP,
        name: `BFF: ${ACCOUNTS.length} accounts × ${REGIONS.length} Regions × ${perRegion.toLocaleString('en-US')} identities (${allAccounts.toLocaleString('en-US')} rows, \`GET /api/all-accounts/identities\`) vs one account's All regions (${oneAccount.toLocaleString('en-US')} rows, \`GET /api/identities\`)`,
        target: `≤ ${(rowsRatio * 1.1).toFixed(1)}× the one-account list (${rowsRatio}× its rows, ≤ 10 % more per row)`,
        measured: `All accounts ${formatMs(median(allTimes))} median (p99 ${formatMs(percentile(allTimes, 99))}); one account ${formatMs(median(oneTimes))} median (p99 ${formatMs(percentile(oneTimes, 99))}); per 1,000 rows ${formatMs((median(allTimes) / allAccounts) * 1000)} vs ${formatMs((median(oneTimes) / oneAccount) * 1000)}`,
        ratio: `${ratio.toFixed(2)}×`,
        met: ratio <= rowsRatio * 1.1,
        note: `${listRuns} alternating runs on one BFF process (embedded emulator, ACCOUNTS with a role per account assumed on its STS, REGIONS = ${REGIONS.join(', ')}), seeded through the control plane (${allAccounts.toLocaleString('en-US')} identities over the five statuses); each time is the request to its JSON parsed by the client; the All accounts list loads account × Region lists a few at a time (ALL_ACCOUNTS_CONCURRENCY), the one-account list its Regions (ALL_REGIONS_CONCURRENCY)`,
      },
      {
        group: GROUP,
        name: `BFF: the same ${allAccounts.toLocaleString('en-US')} rows, All accounts vs one account holding them all (${REGIONS.length} Regions × ${(allAccounts / REGIONS.length).toLocaleString('en-US')}, \`GET /api/identities\` of a console without ACCOUNTS)`,
        target: '≤ 1.1× (serving several accounts costs ≤ 10 %)',
        measured: `All accounts ${formatMs(median(allTimes))} median (p99 ${formatMs(percentile(allTimes, 99))}); one account ${formatMs(median(soloTimes))} median (p99 ${formatMs(percentile(soloTimes, 99))})`,
        ratio: `${sameRows.toFixed(2)}×`,
        met: sameRows <= 1.1,
        note: `the All accounts times of the row above; the one-account times from a second BFF process in the same run (no ACCOUNTS, REGIONS the same four, its default account seeded with ${allAccounts.toLocaleString('en-US')} identities), its requests alternating with the other two; All accounts makes ${ACCOUNTS.length * REGIONS.length} lists of ${perRegion.toLocaleString('en-US')} where the one account makes ${REGIONS.length} of ${(allAccounts / REGIONS.length).toLocaleString('en-US')}`,
      },
    ];
    rows.push(await consoleRow(bff, consoleRuns, { allAccounts, oneAccount }));
    return rows;
  } finally {
    await Promise.all([bff.stop(), solo?.stop()]);
  }
}

/** Whether the loaded page's table has an Account column (the All accounts view has; one account's has not). */
function hasAccountColumn(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('table thead th')].some((th) =>
      th.textContent?.trim().startsWith('Account'),
    ),
  );
}

/**
 * The identities list request the page made (Resource Timing): its duration and body size, to tell the
 * BFF's and the network's share of the first rows from the browser's.
 */
export function listRequest(page) {
  return page.evaluate(() => {
    const entry = performance
      .getEntriesByType('resource')
      .find((e) =>
        /\/api\/(all-accounts\/identities|(accounts\/\d{12}\/)?identities)$/.test(new URL(e.name).pathname),
      );
    return entry ? { ms: entry.responseEnd - entry.startTime, bytes: entry.encodedBodySize } : undefined;
  });
}

export function describeRequests(requests) {
  if (requests.length === 0) return 'request not seen';
  const ms = median(requests.map((r) => r.ms));
  const mb = median(requests.map((r) => r.bytes)) / 1_000_000;
  return `list request ${formatMs(ms)} median, ${mb.toFixed(1)} MB`;
}

/** The console's first rows: the All accounts × All regions view against one account's All regions. */
async function consoleRow(bff, runs, { allAccounts, oneAccount }) {
  const allUrl = `${bff.url}/identities?account=all&region=all`;
  const oneUrl = `${bff.url}/identities?region=all`;
  const browser = await launchChromium();
  const allTimes = [];
  const oneTimes = [];
  const allRequests = [];
  const oneRequests = [];
  let accountColumn = true;
  const keep = async (list, page) => {
    const request = await listRequest(page);
    if (request) list.push(request);
  };
  try {
    for (let run = 0; run < runs; run++) {
      allTimes.push(
        ...(await firstRowTimes(browser, allUrl, 1, async (page) => {
          accountColumn &&= await hasAccountColumn(page);
          await keep(allRequests, page);
        })),
      );
      oneTimes.push(...(await firstRowTimes(browser, oneUrl, 1, (page) => keep(oneRequests, page))));
    }
  } finally {
    await browser.close();
  }
  const name = `Console: first rows of All accounts × All regions (${allAccounts.toLocaleString('en-US')} identities) vs one account's All regions (${oneAccount.toLocaleString('en-US')})`;
  const target = '≤ 1.5× the one-account view';
  if (!accountColumn) {
    return {
      group: GROUP,
      name,
      target,
      measured:
        'pending: this build of the console has no All accounts view (no Account column at `?account=all`)',
      ratio: 'n/a',
      met: null,
      note: 'measured once the console’s All accounts view is built',
    };
  }
  const ratio = median(allTimes) / median(oneTimes);
  return {
    group: GROUP,
    name,
    target,
    measured: `All accounts ${formatMs(median(allTimes))} median of ${allTimes.length} (${allTimes.map((t) => formatMs(t)).join(', ')}; ${describeRequests(allRequests)}); one account ${formatMs(median(oneTimes))} median of ${oneTimes.length} (${oneTimes.map((t) => formatMs(t)).join(', ')}; ${describeRequests(oneRequests)})`,
    ratio: `${ratio.toFixed(2)}×`,
    met: ratio <= 1.5,
    note: 'alternating runs, a fresh browser context each (cold cache), as the Console rows: time from navigation start to the frame after the first identity row entered the DOM; the All accounts view is `/identities?account=all&region=all` (its table has the Account column), the one-account view `/identities?region=all` (the default account). Both views show their first rows only once their one list request has answered with every row (its time and body size from Resource Timing are in Measured), so the All accounts view pays for 3× the rows before the first one shows; answering per account (or per page) would show the first rows sooner',
  };
}
