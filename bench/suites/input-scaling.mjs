import { performance } from 'node:perf_hooks';
import { findVerificationLink } from '@ses-console/emulator/verification-link';
import { startEmulatorProcess } from '../lib/servers.mjs';
import { formatMs, median } from '../lib/stats.mjs';

// Inputs that once took time quadratic in their size (security review, issue 12). The tests assert
// what a client sees for them; how long they take is measured here.

/** The verification-link scan over a message of `repeats` × "http://" (the old pattern: 15 s at 43,000). */
function linkScan(repeats, runs) {
  const text = 'http://'.repeat(repeats);
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    if (findVerificationLink(text, 'http://127.0.0.1:4566') !== undefined) throw new Error('found a link');
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

function aliasBatchXml(zone, size, offset) {
  const changes = [];
  for (let i = 0; i < size; i++) {
    changes.push(
      '<Change><Action>CREATE</Action><ResourceRecordSet>' +
        `<Name>r${offset + i}.${zone}</Name><Type>A</Type>` +
        // A CloudFront distribution (Route 53 checks an alias into one of the account's own zones for an
        // existing target record; CloudFront's zone is outside the account, as in real batches).
        '<AliasTarget><HostedZoneId>Z2FDTNDATAQYW2</HostedZoneId><DNSName>d111111abcdef8.cloudfront.net</DNSName>' +
        '<EvaluateTargetHealth>false</EvaluateTargetHealth></AliasTarget>' +
        '</ResourceRecordSet></Change>',
    );
  }
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<ChangeResourceRecordSetsRequest xmlns="https://route53.amazonaws.com/doc/2013-04-01/">' +
    `<ChangeBatch><Changes>${changes.join('')}</Changes></ChangeBatch></ChangeResourceRecordSetsRequest>`
  );
}

async function route53Xml(url, path, body) {
  const res = await fetch(`${url}/2013-04-01/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/xml' },
    body,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST ${path} → ${res.status} ${text.slice(0, 300)}`);
  return text;
}

/** One ChangeResourceRecordSets of `size` alias CREATEs (raw XML, so only the server is timed), `runs` times. */
async function route53Batch(size, runs) {
  const emulator = await startEmulatorProcess();
  try {
    const zone = 'bench-batch.example.com';
    const created = await route53Xml(
      emulator.url,
      'hostedzone',
      `<CreateHostedZoneRequest xmlns="https://route53.amazonaws.com/doc/2013-04-01/"><Name>${zone}</Name><CallerReference>bench-${Date.now()}</CallerReference></CreateHostedZoneRequest>`,
    );
    const zoneId = /<Id>\/hostedzone\/([^<]+)<\/Id>/.exec(created)?.[1];
    if (!zoneId) throw new Error('no hosted zone id');
    const samples = [];
    for (let run = 0; run < runs; run++) {
      const body = aliasBatchXml(zone, size, run * size);
      const t0 = performance.now();
      await route53Xml(emulator.url, `hostedzone/${zoneId}/rrset/`, body);
      samples.push(performance.now() - t0);
    }
    return samples;
  } finally {
    await emulator.stop();
  }
}

export async function inputScalingBenchmarks(config) {
  const { linkRepeats, linkRuns, batchSize, batchRuns } = config.inputScaling;
  const scan = linkScan(linkRepeats, linkRuns);
  const batch = await route53Batch(batchSize, batchRuns);
  const batchMedian = median(batch);
  const repeats = linkRepeats.toLocaleString('en-US');
  const size = batchSize.toLocaleString('en-US');
  return [
    {
      group: 'Emulator input scaling',
      name: `Verification-link scan of one message of "http://" × ${repeats}`,
      target: '≤ 50 ms',
      measured: `${formatMs(scan)} median of ${linkRuns}`,
      ratio: `${(scan / 50).toFixed(2)} of target`,
      met: scan <= 50,
      note: `\`findVerificationLink\` (what every mailbox read does per message); the regex it replaced took 15 s at 43,000 (quadratic)`,
    },
    {
      group: 'Emulator input scaling',
      name: `Route 53 ChangeResourceRecordSets, one batch of ${size} alias CREATEs`,
      target: '≤ 5 s',
      measured: `${formatMs(batchMedian)} median of ${batch.length} (${batch.map(formatMs).join(', ')})`,
      ratio: `${(batchMedian / 5000).toFixed(2)} of target`,
      met: batchMedian <= 5000,
      note: 'raw XML POST to a child emulator process (parse, plan, one SQLite transaction), each batch into the same zone; the planner it replaced took 32 s at 40,000 (quadratic)',
    },
  ];
}
