// `npm test` runs this with node:test (after the build): the coverage table committed in
// docs/emulator.md must be exactly what scripts/emulator-coverage.mjs generates from the installed SDK
// models and the emulator's routers, and the generator's own rules are checked on made-up input.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import {
  coverageMarkdown,
  DOC,
  END,
  generatedCoverage,
  modelOperations,
  START,
  withCoverage,
} from './emulator-coverage.mjs';

const models = {
  '@aws-sdk/client-sesv2': ['CreateEmailIdentity', 'GetAccount'],
  '@aws-sdk/client-ses': ['VerifyEmailIdentity'],
  '@aws-sdk/client-sns': ['Publish'],
  '@aws-sdk/client-sts': ['GetCallerIdentity'],
  '@aws-sdk/client-route-53': ['GetChange', 'GetHostedZoneCount'],
};

describe('the emulator coverage table', () => {
  it('when docs/emulator.md is compared with the generated table, then they are the same (regenerate with --write)', async () => {
    const doc = fs.readFileSync(DOC, 'utf8');
    assert.ok(doc.includes(START) && doc.includes(END), 'docs/emulator.md has the coverage markers');
    assert.equal(
      withCoverage(doc, await generatedCoverage()),
      doc,
      'docs/emulator.md: the coverage table is stale; run `pnpm build && node scripts/emulator-coverage.mjs --write`',
    );
  });

  it('when an SDK module is read, then its XxxCommand exports are the operations', () => {
    class GetAlphaCommand {}
    class ListBetasCommand {}
    const sdk = {
      ListBetasCommand,
      GetAlphaCommand,
      Command: class {},
      paginateListBetas() {},
      XClient: class {},
    };
    assert.deepEqual(modelOperations(sdk), ['GetAlpha', 'ListBetas']);
  });

  it('when the emulator serves some operations, then each service lists every model operation and counts the served ones', () => {
    const table = coverageMarkdown(
      [
        { service: 'sesv2', operations: ['CreateEmailIdentity', 'CreateEmailIdentityGet'] },
        { service: 'route53', operations: ['GetChange', 'GetHostedZoneCount'] },
      ],
      models,
    );
    assert.match(table, /^\| SES v2 +\| 1 +\| 2 +\|$/m);
    assert.match(table, /^\| Route 53 +\| 2 +\| 2 +\|$/m);
    assert.match(table, /^\| SNS +\| 0 +\| 1 +\|$/m);
    assert.match(table, /^\| GetAccount +\| - +\|$/m);
    assert.match(table, /^\| CreateEmailIdentity +\| yes +\|$/m);
  });

  it('when a module or an operation is unknown to the table, then generating fails naming it', () => {
    assert.throws(
      () => coverageMarkdown([{ service: 'sqs', operations: [] }], models),
      /modules missing from SERVICES.*sqs/,
    );
    assert.throws(
      () => coverageMarkdown([{ service: 'sesv2', operations: ['CreateEmailIdentty'] }], models),
      /does not have: CreateEmailIdentty/,
    );
  });
});
