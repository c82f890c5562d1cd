import { expect, test } from '../fixtures';

test('an operator downloads the filtered identities table as CSV', async ({ emulator, identitiesPage }) => {
  const region = 'ap-northeast-1';
  const id = emulator.unique('csv');
  const alpha = `${id}-alpha.example.com`;
  const beta = `${id}-beta.example.com`;
  const address = `ops@${id}.example.com`;
  await emulator.createDomain(region, alpha);
  await emulator.createDomain(region, beta);
  await emulator.createEmailAddress(region, address);
  await emulator.createDomain(region, emulator.uniqueDomain('csvother'));

  await identitiesPage.goto({ region, filter: id });
  await expect(identitiesPage.row(alpha)).toBeVisible();
  expect(await identitiesPage.names()).toEqual([alpha, beta, address]);

  const { fileName, text } = await identitiesPage.downloadCsv();
  expect(fileName).toBe(`identities-${region}.csv`);
  const lines = text.trimEnd().split('\r\n');
  expect(lines[0]).toBe('Identity,Identity type,Status,Region');
  const rows = lines.slice(1).map((line) => line.split(','));
  // The filtered rows only, in the table's order; the status is whatever the shared clock has made it.
  expect(rows.map((r) => [r[0], r[1], r[3]])).toEqual([
    [alpha, 'Domain', region],
    [beta, 'Domain', region],
    [address, 'Email address', region],
  ]);
  for (const row of rows)
    expect(row[2]).toMatch(/^(Pending|Verified|Failure|Temporary Failure|Not started)$/);
});
