import { apiPath, apiPaths } from '@ses-console/contract';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, REGION, startHarness, unique } from './support/harness.js';

// The audit CSV's formula guard missed a leading space and the fullwidth forms; both CSV writers now
// use @ses-console/contract/csv (its unit tests hold the whole rule). This is the export as a user
// downloads it.
describe('audit CSV export: formulas in user input', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it.each([
    ['a leading space', ' =cmd'],
    ['fullwidth =', '＝cmd'],
    ['fullwidth +', '＋cmd'],
    ['fullwidth -', '－cmd'],
    ['fullwidth @', '＠cmd'],
    ['a leading tab', '\t=cmd'],
  ])(
    'when an audited identity name starts with %s, then its CSV cell starts with an apostrophe',
    async (_case, start) => {
      const name = `${start}${unique('csv')}.example.com`;
      await request(h.app).delete(apiPath(apiPaths.identity, { region: REGION, identity: name }));
      const csv = await request(h.app).get(apiPaths.auditCsv).query({ identity: name });
      expect(csv.status).toBe(200);
      const rows = csv.text.split('\r\n').slice(1, -1);
      expect(rows).toHaveLength(1);
      const cells = rows[0]?.split(',') ?? [];
      const identityColumn =
        'time,actor,actorName,action,result,status,errorCode,region,identity'.split(',').length - 1;
      expect(cells[identityColumn]).toBe(`'${name}`);
    },
  );
});
