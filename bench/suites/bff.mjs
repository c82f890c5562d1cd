import { ListEmailIdentitiesCommand } from '@aws-sdk/client-sesv2';
import { getJson } from '../lib/bff-json.mjs';
import { timeRuns } from '../lib/load.mjs';
import { sesClient } from '../lib/sdk-client.mjs';
import { formatMs, median, percentile } from '../lib/stats.mjs';

const GROUP = 'BFF';

/** Every identity of the region through the SDK, 1000 a page: what the BFF does, minus the BFF. */
async function drainWithSdk(client) {
  const names = [];
  let NextToken;
  do {
    const out = await client.send(new ListEmailIdentitiesCommand({ PageSize: 1000, NextToken }));
    for (const identity of out.EmailIdentities ?? []) names.push(identity.IdentityName);
    NextToken = out.NextToken;
  } while (NextToken);
  return names;
}

/**
 * Listing `identities` identities through the BFF (`GET /api/regions/{r}/identities`, JSON parsed)
 * against draining the same pages with the SDK straight from the emulator; then the detail page's
 * payload (`GET …/identities/{name}`). Runs alternate so machine noise hits both alike.
 */
export async function bffBenchmarks(bff, config, region) {
  const listUrl = `${bff.url}/api/regions/${region}/identities`;
  const client = sesClient(bff.emulatorUrl, { region });
  const bffTimes = [];
  const sdkTimes = [];
  let names = [];
  // Warm both paths once (SDK clients, connections) so neither side's first run pays set-up.
  await getJson(listUrl);
  await drainWithSdk(client);
  for (let run = 0; run < config.listRuns; run++) {
    const [b] = await timeRuns(1, async () => {
      const body = await getJson(listUrl);
      names = body.identities.map((i) => i.name);
    });
    const [s] = await timeRuns(1, () => drainWithSdk(client));
    bffTimes.push(b);
    sdkTimes.push(s);
  }
  client.destroy();
  if (names.length !== config.identities) {
    throw new Error(`the BFF listed ${names.length} identities, not ${config.identities}`);
  }
  const ratio = median(bffTimes) / median(sdkTimes);

  const sample = Array.from({ length: config.detailCount }, (_, i) => names[(i * 997) % names.length]);
  const detailTimes = await timeRuns(sample.length, (i) =>
    getJson(`${bff.url}/api/regions/${region}/identities/${encodeURIComponent(sample[i])}`),
  );
  const n = config.identities.toLocaleString('en-US');
  return {
    names,
    rows: [
      {
        group: GROUP,
        name: `List ${n} identities through the BFF vs the SDK draining the same pages`,
        target: '≤ 1.3× the SDK',
        measured: `BFF ${formatMs(median(bffTimes))} median (p99 ${formatMs(percentile(bffTimes, 99))}); SDK ${formatMs(median(sdkTimes))} median (p99 ${formatMs(percentile(sdkTimes, 99))})`,
        ratio: `${ratio.toFixed(3)}×`,
        met: ratio <= 1.3,
        note: `${config.listRuns} alternating runs; both walk ${Math.ceil(config.identities / 1000)} pages of 1000 from the same emulator (the BFF’s embedded one); the BFF time includes its JSON response and the client parsing it`,
      },
      {
        group: GROUP,
        name: 'Identity detail payload (`GET /api/regions/{r}/identities/{name}`)',
        target: '(no target)',
        measured: `p50 ${formatMs(percentile(detailTimes, 50))}, p99 ${formatMs(percentile(detailTimes, 99))}`,
        ratio: 'n/a',
        met: null,
        note: `${config.detailCount} different identities one after another (domains and addresses, all five statuses), region holding ${n}`,
      },
    ],
  };
}
