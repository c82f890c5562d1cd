import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ChangeResourceRecordSetsCommand,
  GetChangeCommand,
  GetHostedZoneCommand,
  ListResourceRecordSetsCommand,
  waitUntilResourceRecordSetsChanged,
} from '@aws-sdk/client-route-53';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../src/core.js';
import { startEmulator } from '../src/index.js';
import { CHANGE_PROPAGATION_SECONDS } from '../src/services/route53/model.js';
import { createZone, route53Client } from './route53-helpers.js';

describe('Route 53 persistence', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('when the emulator restarts on the same dataDir, then zones, records and changes are still there and the waiter sees INSYNC once the clock has moved', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'r53-'));
    dirs.push(dataDir);

    const first = await startEmulator({ port: 0, dataDir });
    const client = route53Client(first.url, '123456789012');
    const { zoneId, DelegationSet } = await createZone(client, 'persist.example.com');
    const changed = await client.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: zoneId,
        ChangeBatch: {
          Changes: [
            {
              Action: 'UPSERT',
              ResourceRecordSet: {
                Name: 'tok._domainkey.persist.example.com',
                Type: 'CNAME',
                TTL: 1800,
                ResourceRecords: [{ Value: 'tok.dkim.amazonses.com' }],
              },
            },
          ],
        },
      }),
    );
    const changeId = changed.ChangeInfo?.Id as string;
    expect((await client.send(new GetChangeCommand({ Id: changeId }))).ChangeInfo?.Status).toBe('PENDING');
    await first.close();

    // Move the emulator clock past the propagation delay while it is down (the offset is persisted).
    const offline = createCore({
      dataDir,
      verificationMode: 'realistic',
      defaultAccountId: '000000000000',
      defaultRegion: 'us-east-1',
      publicUrl: '',
    });
    offline.clock.advance(CHANGE_PROPAGATION_SECONDS + 1);
    offline.db.close();

    const second = await startEmulator({ port: 0, dataDir });
    try {
      const again = route53Client(second.url, '123456789012');
      const zone = await again.send(new GetHostedZoneCommand({ Id: zoneId }));
      expect(zone.HostedZone?.Name).toBe('persist.example.com.');
      expect(zone.DelegationSet?.NameServers).toEqual(DelegationSet?.NameServers);
      const records = await again.send(new ListResourceRecordSetsCommand({ HostedZoneId: zoneId }));
      expect(records.ResourceRecordSets?.map((r) => `${r.Name} ${r.Type}`)).toEqual([
        'persist.example.com. NS',
        'persist.example.com. SOA',
        'tok._domainkey.persist.example.com. CNAME',
      ]);
      const waited = await waitUntilResourceRecordSetsChanged(
        { client: again, maxWaitTime: 10, minDelay: 1, maxDelay: 2 },
        { Id: changeId },
      );
      expect(waited.state).toBe('SUCCESS');
    } finally {
      await second.close();
    }
  });
});
