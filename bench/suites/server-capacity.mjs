// Server capacity: each server driven by compiled load generators (wrk for HTTP, dnsperf for DNS) that
// cost a fraction of the server's CPU, in alternating rounds, counting 2xx (NOERROR) answers only — so the
// rows measure the servers, not a JS client sharing their cores (the SDK rows, "end to end through the
// SDK", do that). A bare Node `http` server answering the emulator's own GetEmailIdentity bytes is the
// ceiling every emulator row also reads against.

import { Resolver } from 'node:dns/promises';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CreateEmailIdentityCommand } from '@aws-sdk/client-sesv2';
import { DNSPERF_CLIENTS, DNSPERF_OUTSTANDING, DNSPERF_THREADS, runDnsperf } from '../lib/dnsperf.mjs';
import { emulatorControl, sesClient } from '../lib/sdk-client.mjs';
import {
  motoAvailable,
  startAwsSesV2Local,
  startCeilingServer,
  startDnsmasq,
  startEmulatorProcess,
  startMoto,
} from '../lib/servers.mjs';
import { formatMs, formatRate, formatRatio, median } from '../lib/stats.mjs';
import { ensureTools } from '../lib/system-tools.mjs';
import { runWrk, WRK_CONNECTIONS, WRK_THREADS } from '../lib/wrk.mjs';

export const CAPACITY_GROUP = 'Server capacity (compiled load generators, 2xx answers only)';
const SMALL_REGION = 'eu-west-1';
const BIG_REGION = 'us-west-2';
/** CreateEmailIdentity rotates over these (never the list rows' Regions): each holds at most 10,000. */
const CREATE_REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'ca-central-1',
  'eu-central-1',
  'eu-west-2',
  'eu-west-3',
  'eu-north-1',
  'ap-south-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'sa-east-1',
].join(',');
const SENDER = 'sender@send.example.com';
const GET_NAME = 'list-41@small.example.com';
const DNS_DOMAIN = 'dns.example.com';
const DNS_NAMES = 100;
/** What the capacity rows aim for: the load generator under this share of the server's CPU. */
const CLIENT_CPU_AIM = 0.1;
/** The same fixed SigV4-shaped headers capacity.lua sends. */
const HEADERS = (region, service = 'ses') => ({
  authorization: `AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260101/${region}/${service}/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=${'0'.repeat(64)}`,
  'x-amz-date': '20260101T000000Z',
});

let warmupSeconds = 0;
const warmupNote = () =>
  warmupSeconds > 0 ? ` after an unmeasured ${warmupSeconds} s warm-up per side` : '';

/** Every capacity row's name and target, the same whether it ran or was skipped (a tool missing). */
function rowTitles(bigList) {
  const peers = '(answers/s)';
  return {
    get: ['GetEmailIdentity vs moto', `≥ 10× moto ${peers}`],
    ceiling: [
      'GetEmailIdentity vs the ceiling: a bare Node `http` server answering the same bytes',
      '≥ 30% of the ceiling',
    ],
    create: ['CreateEmailIdentity (a new address per request) vs moto', `≥ 10× moto ${peers}`],
    list100: ['ListEmailIdentities, a page of 100 vs moto', `≥ 10× moto ${peers}`],
    list1000: [
      `ListEmailIdentities, a page of 1,000 (${bigList.toLocaleString('en-US')} identities) vs moto`,
      `≥ 10× moto ${peers}`,
    ],
    route53: ['Route 53 ChangeResourceRecordSets (an UPSERT of a new record per request) vs moto', NO_TARGET],
    dns: [`DNS queries (A records of one ${DNS_NAMES}-name zone over UDP) vs dnsmasq`, NO_TARGET],
    send: ['SendEmail vs aws-ses-v2-local', `≥ 2× aws-ses-v2-local ${peers}`],
  };
}
const NO_TARGET = '(no target: context)';

function log(message) {
  process.stderr.write(`[bench] ${message}\n`);
}

/**
 * Runs `load(side, round)` for each side in alternating order (A B C, C B A, …) so noise on the shared
 * machine hits every side alike; returns each side's rounds.
 */
async function alternate(rounds, sides, load) {
  // One unmeasured short run per side first (JIT, caches, connections), tagged apart from the rounds.
  for (const side of sides) if (warmupSeconds > 0) await load(side, 'w', warmupSeconds);
  const results = sides.map(() => []);
  for (let round = 0; round < rounds; round++) {
    const order = sides.map((_, i) => (round % 2 === 0 ? i : sides.length - 1 - i));
    for (const i of order) results[i].push(await load(sides[i], round));
  }
  return results.map((r, i) => summarise(sides[i].name, r));
}

function summarise(name, rounds) {
  const sum = (key) => rounds.reduce((n, r) => n + (Number.isFinite(r[key]) ? r[key] : 0), 0);
  const rates = rounds.map((r) => r.rate);
  const latency = rounds.map((r) => r.p50Ms ?? r.avgLatencyMs);
  return {
    name,
    rounds,
    rate: median(rates),
    min: Math.min(...rates),
    max: Math.max(...rates),
    ok: sum('ok'),
    bad: sum('bad') + sum('socketErrors') + sum('lost'),
    firstBadStatus: rounds.find((r) => r.firstBadStatus)?.firstBadStatus,
    latencyMs: median(latency),
    latencyKind: rounds[0]?.p50Ms !== undefined ? 'p50' : 'mean',
    clientShare: sum('clientCpuMs') / sum('serverCpuMs'),
    serverCpuPerOkMs: sum('serverCpuMs') / sum('ok'),
  };
}

function describeSide(s, { ceiling } = {}) {
  const spread = s.rounds.length > 1 ? `, rounds ${formatRate(s.min)}–${formatRate(s.max)}` : '';
  const errors =
    s.bad > 0 ? `, ${s.bad} other answers${s.firstBadStatus ? ` (first HTTP ${s.firstBadStatus})` : ''}` : '';
  const share = Number.isFinite(s.clientShare)
    ? `, load generator CPU ${(s.clientShare * 100).toFixed(0)}% of the server's${s.clientShare >= CLIENT_CPU_AIM ? ' (over the 10% aim)' : ''}`
    : '';
  const cpu = Number.isFinite(s.serverCpuPerOkMs)
    ? `, server CPU ${formatMs(s.serverCpuPerOkMs)}/answer`
    : '';
  const ofCeiling = ceiling ? `, ${((s.rate / ceiling.rate) * 100).toFixed(0)}% of the ceiling` : '';
  return `${s.name} ${formatRate(s.rate)} (median of ${s.rounds.length}${spread}; ${s.latencyKind} ${formatMs(s.latencyMs)}${cpu}${share}${ofCeiling}${errors})`;
}

/** Our 2xx rate ÷ the peer's, overall (medians) and per round. */
function peerRatio(ours, theirs) {
  if (!theirs || theirs.ok === 0) return { ratio: Number.NaN, text: 'n/a' };
  const ratio = ours.rate / theirs.rate;
  const perRound = ours.rounds.map((r, i) => r.rate / theirs.rounds[i].rate);
  const spread =
    perRound.length > 1
      ? ` (rounds ${formatRatio(Math.min(...perRound))}–${formatRatio(Math.max(...perRound))})`
      : '';
  return { ratio, text: `${formatRatio(ratio)}${spread}` };
}

function capacityRow({ title: [name, targetText], peer, target, ours, theirs, ceiling, note }) {
  const { ratio, text } = peerRatio(ours, theirs);
  const comparable = Number.isFinite(ratio) && ours.bad === 0;
  // A peer with no 2xx answer at all has no rate to compare with: the row says what it did instead.
  const noPeerNumber = theirs !== undefined && theirs.ok === 0;
  return {
    group: CAPACITY_GROUP,
    name,
    target: targetText,
    measured: `${describeSide(ours, { ceiling })}; ${theirs ? describeSide(theirs) : `${peer} not run`}`,
    ratio: noPeerNumber ? `n/a (${peer} answered no 2xx)` : text,
    met: !target || noPeerNumber ? null : comparable ? ratio >= target : false,
    note,
  };
}

function skippedRow([name, target], reason) {
  return {
    group: CAPACITY_GROUP,
    name,
    target,
    measured: `skipped: ${reason}`,
    ratio: 'n/a',
    met: null,
    note: reason,
  };
}

/** One request as capacity.lua sends it, for the checks before a load (what the rows will count). */
async function askAsWrk(url, method, pathname, region, body, service) {
  const response = await fetch(`${url}${pathname}`, {
    method,
    headers: {
      ...HEADERS(region, service),
      'content-type': service === 'route53' ? 'application/xml' : 'application/json',
    },
    body,
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

async function listedCount(url, region, style) {
  const answer =
    style === 'get'
      ? await askAsWrk(url, 'GET', '/v2/email/identities', region)
      : await askAsWrk(url, 'POST', '/v2/email/list-identities', region, JSON.stringify({ PageSize: style }));
  if (answer.status !== 200) return `HTTP ${answer.status}`;
  return JSON.parse(answer.text).EmailIdentities?.length ?? 0;
}

async function createNamed(url, region, names) {
  const client = sesClient(url, { region });
  try {
    for (const name of names) await client.send(new CreateEmailIdentityCommand({ EmailIdentity: name }));
  } finally {
    client.destroy();
  }
}

const XMLNS = 'https://route53.amazonaws.com/doc/2013-04-01/';

/** Creates a public hosted zone through the Route 53 API and returns its bare id. */
async function createZone(url, name) {
  const answer = await askAsWrk(
    url,
    'POST',
    '/2013-04-01/hostedzone',
    'us-east-1',
    `<?xml version="1.0" encoding="UTF-8"?><CreateHostedZoneRequest xmlns="${XMLNS}"><Name>${name}</Name><CallerReference>bench-${name}-${Date.now()}</CallerReference></CreateHostedZoneRequest>`,
    'route53',
  );
  const id = /<Id>\/hostedzone\/([^<]+)<\/Id>/.exec(answer.text)?.[1];
  if (answer.status !== 201 || !id)
    throw new Error(`CreateHostedZone ${name}: HTTP ${answer.status} ${answer.text.slice(0, 200)}`);
  return id;
}

/** The DNS rows' zone: `host-i.dns.example.com` A 192.0.2.(i+1), one batch through Route 53. */
async function fillDnsZone(url, zoneId) {
  const changes = Array.from(
    { length: DNS_NAMES },
    (_, i) =>
      `<Change><Action>CREATE</Action><ResourceRecordSet><Name>host-${i}.${DNS_DOMAIN}</Name><Type>A</Type><TTL>300</TTL><ResourceRecords><ResourceRecord><Value>192.0.2.${i + 1}</Value></ResourceRecord></ResourceRecords></ResourceRecordSet></Change>`,
  ).join('');
  const answer = await askAsWrk(
    url,
    'POST',
    `/2013-04-01/hostedzone/${zoneId}/rrset`,
    'us-east-1',
    `<?xml version="1.0" encoding="UTF-8"?><ChangeResourceRecordSetsRequest xmlns="${XMLNS}"><ChangeBatch><Changes>${changes}</Changes></ChangeBatch></ChangeResourceRecordSetsRequest>`,
    'route53',
  );
  if (answer.status !== 200)
    throw new Error(`ChangeResourceRecordSets: HTTP ${answer.status} ${answer.text.slice(0, 200)}`);
}

/** Both DNS servers must give the same answer before their rates are compared. */
async function checkDnsAnswer(port, who) {
  const resolver = new Resolver({ timeout: 2_000, tries: 1 });
  resolver.setServers([`127.0.0.1:${port}`]);
  const answer = await resolver.resolve4(`host-41.${DNS_DOMAIN}`);
  if (answer.join() !== '192.0.2.42') throw new Error(`${who} answered ${answer.join()} for host-41`);
}

function wrkSide(name, server, wrk, seconds, argsFor) {
  return {
    name,
    load: (round, forSeconds = seconds) =>
      runWrk({
        wrk,
        url: server.url,
        scriptArgs: argsFor(round),
        seconds: forSeconds,
        serverPid: server.pid,
      }),
  };
}

const run = (side, round, forSeconds) => side.load(round, forSeconds);

/** The emulator vs moto: Get, Create, the two list pages, Route 53 UPSERT; the ceiling; the DNS rate. */
async function identityRows(config, tools, motoVersion, tmp) {
  const { rounds, seconds, bigList } = config.capacity;
  const wrk = tools.paths.wrk;
  const rows = [];
  const titles = rowTitles(bigList);
  const emulator = await startEmulatorProcess({ dns: true });
  const moto = motoVersion ? await startMoto() : undefined;
  let ceilingServer;
  let ceiling;
  let dnsmasq;
  try {
    const names = Array.from({ length: 100 }, (_, i) => `list-${i}@small.example.com`);
    await createNamed(emulator.url, SMALL_REGION, names);
    if (moto) await createNamed(moto.url, SMALL_REGION, names);
    await emulatorControl(emulator.url).seed({ identities: bigList, regions: [BIG_REGION] });
    const motoBig = 150;
    if (moto) {
      await createNamed(
        moto.url,
        BIG_REGION,
        Array.from({ length: motoBig }, (_, i) => `big-${i}@list.example.com`),
      );
    }

    // The ceiling answers exactly what the emulator answers to the first GetEmailIdentity.
    const answer = await askAsWrk(
      emulator.url,
      'GET',
      `/v2/email/identities/${encodeURIComponent(GET_NAME)}`,
      SMALL_REGION,
    );
    if (answer.status !== 200) throw new Error(`GetEmailIdentity answered ${answer.status}`);
    const headers = Object.fromEntries(
      [...answer.headers].filter(
        ([key]) => !['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'].includes(key),
      ),
    );
    const answerFile = path.join(tmp, 'get-email-identity-answer.json');
    fs.writeFileSync(answerFile, JSON.stringify({ status: answer.status, headers, body: answer.text }));
    ceilingServer = await startCeilingServer(answerFile);

    const motoLabel = motoVersion ? `moto ${motoVersion}` : 'moto';
    const common = `wrk ${WRK_THREADS} threads × ${WRK_CONNECTIONS} connections, ${seconds} s per round, ${rounds} alternating rounds${warmupNote()}; a fixed SigV4-shaped Authorization header (signature checks off: the emulator's default, moto checks none); only 2xx answers count`;
    const peerSides = (emulatorArgs, motoArgs) => [
      wrkSide('emulator', emulator, wrk, seconds, emulatorArgs),
      ...(moto ? [wrkSide(motoLabel, moto, wrk, seconds, motoArgs)] : []),
    ];

    log('capacity: GetEmailIdentity (emulator, moto, bare Node ceiling)');
    const getArgs = () => ['get', SMALL_REGION, 0, GET_NAME];
    const [getOurs, ...getRest] = await alternate(
      rounds,
      [...peerSides(getArgs, getArgs), wrkSide('bare Node http', ceilingServer, wrk, seconds, getArgs)],
      run,
    );
    ceiling = getRest.at(-1);
    const getTheirs = moto ? getRest[0] : undefined;

    log('capacity: ListEmailIdentities pages of 100 and 1,000');
    const small = {
      emulator: await listedCount(emulator.url, SMALL_REGION, 100),
      moto: moto && (await listedCount(moto.url, SMALL_REGION, 'get')),
    };
    if (small.emulator !== 100 || (moto && small.moto !== 100)) {
      throw new Error(`the page of 100 held ${small.emulator} (emulator), ${small.moto} (moto)`);
    }
    const [listOurs, listTheirs] = await alternate(
      rounds,
      peerSides(
        () => ['list', SMALL_REGION, 0, 100],
        () => ['listget', SMALL_REGION, 0, ''],
      ),
      run,
    );
    const bigEmulator = await listedCount(emulator.url, BIG_REGION, 1000);
    if (bigEmulator !== 1000) throw new Error(`the page of 1,000 held ${bigEmulator}`);
    const bigMoto = moto ? await listedCount(moto.url, BIG_REGION, 'get') : undefined;
    const [bigOurs, bigTheirs] = await alternate(
      rounds,
      peerSides(
        () => ['list', BIG_REGION, 0, 1000],
        () => ['listget', BIG_REGION, 0, ''],
      ),
      run,
    );

    log('capacity: Route 53 ChangeResourceRecordSets, an UPSERT of a new record per request');
    const emulatorZone = await createZone(emulator.url, 'bench.example.com');
    let motoZone;
    let motoRoute53Failure;
    if (moto) {
      try {
        motoZone = await createZone(moto.url, 'bench.example.com');
        const probe = await askAsWrk(
          moto.url,
          'POST',
          `/2013-04-01/hostedzone/${motoZone}/rrset`,
          'us-east-1',
          `<?xml version="1.0" encoding="UTF-8"?><ChangeResourceRecordSetsRequest xmlns="${XMLNS}"><ChangeBatch><Changes><Change><Action>UPSERT</Action><ResourceRecordSet><Name>probe.bench.example.com</Name><Type>A</Type><TTL>300</TTL><ResourceRecords><ResourceRecord><Value>192.0.2.1</Value></ResourceRecord></ResourceRecords></ResourceRecordSet></Change></Changes></ChangeBatch></ChangeResourceRecordSetsRequest>`,
          'route53',
        );
        if (probe.status !== 200) motoRoute53Failure = `UPSERT answered HTTP ${probe.status}`;
      } catch (error) {
        motoRoute53Failure = error.message.slice(0, 200);
      }
    }
    const route53Sides = [
      wrkSide('emulator', emulator, wrk, seconds, (round) => ['upsert', 'us-east-1', round, emulatorZone]),
      ...(motoZone && !motoRoute53Failure
        ? [wrkSide(motoLabel, moto, wrk, seconds, (round) => ['upsert', 'us-east-1', round, motoZone])]
        : []),
    ];
    const [upsertOurs, upsertTheirs] = await alternate(rounds, route53Sides, run);

    log('capacity: CreateEmailIdentity, a new address per request');
    const [createOurs, createTheirs] = await alternate(
      rounds,
      peerSides(
        (round) => ['create', CREATE_REGIONS, round, ''],
        (round) => ['create', CREATE_REGIONS, round, ''],
      ),
      run,
    );

    const sesNote = `${common}. The emulator runs its default realistic mode (SQLite on disk)`;
    rows.push(
      capacityRow({
        title: titles.get,
        peer: 'moto',
        target: 10,
        ours: getOurs,
        theirs: getTheirs,
        ceiling,
        note: `${sesNote}; each request asks for the same one of a Region's 100 identities (one prepared request, the cheapest for wrk)`,
      }),
      {
        group: CAPACITY_GROUP,
        name: titles.ceiling[0],
        target: titles.ceiling[1],
        measured: `${describeSide(getOurs, { ceiling })}; ${describeSide(ceiling)}`,
        ratio: `${((getOurs.rate / ceiling.rate) * 100).toFixed(0)}% of the ceiling`,
        met: getOurs.bad === 0 && ceiling.bad === 0 ? getOurs.rate / ceiling.rate >= 0.3 : false,
        note: `the ceiling (bench/lib/ceiling-server.mjs) is Node's own \`http\` module with no framework, routing or store, answering every request with the status, headers and body the emulator gave to that GetEmailIdentity; driven in the same rounds, by the same wrk script, as the emulator and moto. Every emulator row reads as a fraction of it ("% of the ceiling")`,
      },
      capacityRow({
        title: titles.create,
        peer: 'moto',
        target: 10,
        ours: createOurs,
        theirs: createTheirs,
        ceiling,
        note: `${sesNote}, so each create also captures its verification email; the addresses rotate over ${CREATE_REGIONS.split(',').length} Regions (a Region holds at most 10,000 identities)`,
      }),
      capacityRow({
        title: titles.list100,
        peer: 'moto',
        target: 10,
        ours: listOurs,
        theirs: listTheirs,
        ceiling,
        note: `${common}. A Region holding 100 identities. The emulator is asked as the SDK asks (\`POST /v2/email/list-identities\`, PageSize 100); moto serves only the older \`GET /v2/email/identities\` and takes no PageSize, so it answers its default page of 100`,
      }),
      capacityRow({
        title: titles.list1000,
        peer: 'moto',
        target: 10,
        ours: bigOurs,
        theirs: bigTheirs,
        ceiling,
        note: `${common}. The emulator's Region holds ${bigList.toLocaleString('en-US')} seeded identities and each answer is all of them (PageSize 1000). moto takes no PageSize and, once a Region holds more than 100 identities, cannot build its NextToken (HTTP 500); here it holds ${motoBig} and answered ${typeof bigMoto === 'number' ? `a page of ${bigMoto}` : (bigMoto ?? 'nothing (not run)')} before the load — so there is no like-for-like number, and the row counts what it does`,
      }),
      capacityRow({
        title: titles.route53,
        peer: 'moto',
        ours: upsertOurs,
        theirs: upsertTheirs,
        ceiling,
        note: `${common}. One public hosted zone on each side, a new A record per request, measured before the create row (the account then holds ${(100 + bigList).toLocaleString('en-US')} identities; in the emulator a record change re-checks only the identities whose records it names, see the findings).${motoRoute53Failure ? ` moto's Route 53 could not take the load: ${motoRoute53Failure}, so the row is the emulator alone` : ''}`,
      }),
    );

    // DNS: the emulator's DNS server (answering from its Route 53 store) vs dnsmasq serving the same names.
    if (!tools.paths.dnsperf || !tools.paths.dnsmasq) {
      rows.push(
        skippedRow(
          titles.dns,
          `${[!tools.paths.dnsperf && 'dnsperf', !tools.paths.dnsmasq && 'dnsmasq'].filter(Boolean).join(' and ')} not installed (${tools.install})`,
        ),
      );
    } else {
      log('capacity: DNS queries, emulator vs dnsmasq (dnsperf)');
      await fillDnsZone(emulator.url, await createZone(emulator.url, DNS_DOMAIN));
      const hostsFile = path.join(tmp, 'hosts');
      const queriesFile = path.join(tmp, 'queries');
      fs.writeFileSync(
        hostsFile,
        Array.from({ length: DNS_NAMES }, (_, i) => `192.0.2.${i + 1} host-${i}.${DNS_DOMAIN}\n`).join(''),
      );
      fs.writeFileSync(
        queriesFile,
        Array.from({ length: DNS_NAMES }, (_, i) => `host-${i}.${DNS_DOMAIN} A\n`).join(''),
      );
      fs.chmodSync(tmp, 0o755); // dnsmasq reads its hosts file as nobody
      fs.chmodSync(hostsFile, 0o644);
      dnsmasq = await startDnsmasq({
        binary: tools.paths.dnsmasq,
        hostsFile,
        domain: DNS_DOMAIN,
      });
      const dnsSides = [
        { name: 'emulator', port: emulator.dnsPort, pid: emulator.pid },
        { name: 'dnsmasq', port: dnsmasq.port, pid: dnsmasq.pid },
      ];
      for (const s of dnsSides) await checkDnsAnswer(s.port, s.name);
      const [dnsOurs, dnsTheirs] = await alternate(
        rounds,
        dnsSides.map((s) => ({
          name: s.name,
          load: (_round, forSeconds = seconds) =>
            runDnsperf({
              dnsperf: tools.paths.dnsperf,
              port: s.port,
              queriesFile,
              seconds: forSeconds,
              serverPid: s.pid,
            }),
        })),
        run,
      );
      rows.push(
        capacityRow({
          title: titles.dns,
          peer: 'dnsmasq',
          ours: dnsOurs,
          theirs: dnsTheirs,
          note: `dnsperf ${DNSPERF_THREADS} threads, ${DNSPERF_CLIENTS} sockets, ${DNSPERF_OUTSTANDING} queries in flight, ${seconds} s per round, ${rounds} alternating rounds${warmupNote()}; only NOERROR answers count, and both servers were first checked to give the same A record. The emulator answers from its Route 53 store (the zone made through the API); dnsmasq serves the same names from an addn-hosts file, unprivileged on an ephemeral port, with no upstream`,
        }),
      );
    }
  } finally {
    await dnsmasq?.stop();
    await ceilingServer?.stop();
    await emulator.stop();
    await moto?.stop();
  }
  return { rows, ceiling };
}

/** SendEmail: the emulator (verified sender, production access) vs aws-ses-v2-local. */
async function sendRow(config, tools, ceiling) {
  const { rounds, seconds } = config.capacity;
  const emulator = await startEmulatorProcess({ verification: 'auto' });
  const local = await startAwsSesV2Local();
  try {
    await createNamed(emulator.url, 'us-east-1', [SENDER]);
    // Out of the sandbox with a quota no run reaches, as a granted production access would give.
    await emulatorControl(emulator.url).setAccount({
      productionAccess: true,
      max24HourSend: -1,
      maxSendRate: 1_000_000,
    });
    log('capacity: SendEmail vs aws-ses-v2-local');
    const args = () => ['send', 'us-east-1', 0, SENDER];
    const [ours, theirs] = await alternate(
      rounds,
      [
        wrkSide('emulator', emulator, tools.paths.wrk, seconds, args),
        wrkSide('aws-ses-v2-local', local, tools.paths.wrk, seconds, args),
      ],
      run,
    );
    return capacityRow({
      title: rowTitles(config.capacity.bigList).send,
      peer: 'aws-ses-v2-local',
      target: 2,
      ours,
      theirs,
      ceiling,
      note: `wrk ${WRK_THREADS} threads × ${WRK_CONNECTIONS} connections, ${seconds} s per round, ${rounds} alternating rounds${warmupNote()}; only 2xx answers count. The emulator checks the sender is verified (auto verification) and stores each message in SQLite on disk, its account granted production access through the control plane; aws-ses-v2-local checks nothing and keeps messages in memory`,
    });
  } finally {
    await emulator.stop();
    await local.stop();
  }
}

/** Every capacity row; rows whose tools are missing say so, with the line that installs them. */
export async function serverCapacityBenchmarks(config) {
  warmupSeconds = config.capacity.warmupSeconds ?? 0;
  const tools = ensureTools(['wrk', 'dnsperf', 'dnsmasq'], { log });
  if (!tools.paths.wrk) {
    const reason = `wrk is not installed (${tools.install})`;
    return Object.values(rowTitles(config.capacity.bigList)).map((title) => skippedRow(title, reason));
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ses-bench-capacity-'));
  try {
    const { rows, ceiling } = await identityRows(config, tools, await motoAvailable(), tmp);
    rows.push(await sendRow(config, tools, ceiling));
    return rows;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
