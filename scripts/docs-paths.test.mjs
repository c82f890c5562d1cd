// `npm test` runs this with node:test: every repository path README.md and docs/ name must exist
// (the rule is in scripts/docs-paths.mjs), and the rule itself is checked on small made-up repositories.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { findBrokenPaths, findLongLines, gitignoreMatcher, headingSlug, MAX_LINE } from './docs-paths.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const temporary = [];
after(() => {
  for (const dir of temporary) fs.rmSync(dir, { recursive: true, force: true });
});

/** A made-up repository: `files` maps relative paths to their text. */
function repository(files) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docs-paths-'));
  temporary.push(dir);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const describeBroken = (broken) => broken.map((b) => `${b.file}:${b.line}: ${b.text} (${b.problem})`);

describe('docs name only paths that exist', () => {
  it('when README.md and docs/ are scanned, then every repository path they name exists', () => {
    const broken = findBrokenPaths(root);
    assert.deepEqual(describeBroken(broken), [], 'fix or remove these paths in the docs');
  });

  it('when a doc names a file or folder that does not exist, then each is reported with its file and line', () => {
    const repo = repository({
      'apps/bff/src/app.ts': '',
      'README.md':
        'The app is `apps/bff/src/app.ts`.\n\nRoutes: `apps/bff/src/routes/` and `apps/bff/src/gone.ts`.\n',
      'docs/guide.md': '# Guide\n\nSee `packages/contract/src/access.ts`.\n',
    });
    assert.deepEqual(describeBroken(findBrokenPaths(repo)), [
      'README.md:3: apps/bff/src/routes/ (no such file or folder)',
      'README.md:3: apps/bff/src/gone.ts (no such file or folder)',
      'docs/guide.md:3: packages/contract/src/access.ts (no such file or folder)',
    ]);
  });

  it('when a doc names URLs, commands, placeholders, generated output and fenced examples, then only a missing folder before a placeholder is reported', () => {
    const repo = repository({
      '.gitignore': 'dist/\ndemo-output/\n*.log\nbench/results-quick.md\n',
      'docs/screenshots/list.png': '',
      'e2e/tests/a.spec.ts': '',
      'README.md': [
        'Open `http://127.0.0.1:8080/api/meta` or `node:crypto`; run `pnpm --filter @ses-console/e2e e2e`.',
        'Screenshots: `docs/screenshots/*.png`; journeys `e2e/tests/…`; pages `e2e/pages/…`.',
        'Built: `apps/bff/dist/index.js`, `bench/results-quick.md`, `scripts/run.log`, `demo-output/REPORT.md`.',
        'A span without a tracked folder: `src/nowhere.ts`, `/api/session`, `text/plain`.',
        '',
        '```sh',
        'node apps/bff/dist/index.js `apps/missing.ts`',
        '```',
      ].join('\n'),
    });
    assert.deepEqual(describeBroken(findBrokenPaths(repo)), ['README.md:2: e2e/pages/… (no e2e/pages/)']);
  });

  it('when a heading names a folder, then file names in its section are resolved against it until the next heading of its level', () => {
    const repo = repository({
      'packages/emulator/src/server.ts': '',
      'packages/emulator/src/protocol/router.ts': '',
      'docs/architecture.md': [
        '## Emulator (`packages/emulator/src/`)',
        '',
        '- `server.ts`, `protocol/router.ts`, `protocol/`, `gone.ts`, `x-csrf-token`, `text/plain`',
        '',
        '### Protocol',
        '',
        '- `protocol/router.ts` and `protocol/codec.ts`',
        '',
        '## Elsewhere',
        '',
        '- `server.ts`',
      ].join('\n'),
    });
    assert.deepEqual(describeBroken(findBrokenPaths(repo)), [
      'docs/architecture.md:3: gone.ts (no packages/emulator/src/gone.ts)',
      'docs/architecture.md:7: protocol/codec.ts (no packages/emulator/src/protocol/codec.ts)',
    ]);
  });

  it('when a relative link points at a missing file or heading, then it is reported; links with a scheme are not', () => {
    const repo = repository({
      'README.md': [
        '# SES console',
        '',
        '## Using real AWS (`SES_BACKEND=aws`)',
        '',
        '[real AWS](#using-real-aws-ses_backendaws), [security](docs/security.md#sessions),',
        '[missing](docs/gone.md), [bad anchor](docs/security.md#nope), [web](https://example.com/x.md),',
        '<img src="docs/shot.png" alt="">',
      ].join('\n'),
      'docs/security.md': '# Security\n\n## Sessions\n\nBack to the [README](../README.md#ses-console).\n',
    });
    assert.deepEqual(describeBroken(findBrokenPaths(repo)), [
      'README.md:6: docs/gone.md (no such file or folder)',
      'README.md:6: docs/security.md#nope (no heading #nope in docs/security.md)',
      'README.md:7: docs/shot.png (no such file or folder)',
    ]);
  });

  it('when a heading has code, punctuation or a repeated title, then its id is the one GitHub gives it', () => {
    assert.equal(headingSlug('Using real AWS (`SES_BACKEND=aws`)'), 'using-real-aws-ses_backendaws');
    assert.equal(headingSlug('Retries, pacing and time limits'), 'retries-pacing-and-time-limits');
    const repo = repository({
      'README.md': '# A\n\n## Notes\n\n## Notes\n\n[second](#notes-1) [third](#notes-2)\n',
    });
    assert.deepEqual(describeBroken(findBrokenPaths(repo)), [
      'README.md:7: #notes-2 (no heading #notes-2 in README.md)',
    ]);
  });

  it('when a heading names a folder relative to its section, then its sub-section resolves names against it', () => {
    const repo = repository({
      'apps/bff/src/services/list.ts': '',
      'docs/architecture.md': [
        '## BFF (`apps/bff/src/`)',
        '',
        '### Services (`services/`)',
        '',
        '- `list.ts`, `gone.ts`',
        '',
        '### Routes (`routes/`)',
      ].join('\n'),
    });
    assert.deepEqual(describeBroken(findBrokenPaths(repo)), [
      'docs/architecture.md:5: gone.ts (no apps/bff/src/services/gone.ts)',
      'docs/architecture.md:7: routes/ (no apps/bff/src/routes/)',
    ]);
  });

  it('when .gitignore has a pattern the rule does not understand, then the scan stops and names it', () => {
    assert.throws(() => gitignoreMatcher('dist/\n!keep.md\n'), /"!keep\.md" is not supported/);
    const ignored = gitignoreMatcher('dist/\n*.log\nbench/results-quick.md\n');
    assert.equal(ignored('apps/console/dist'), true);
    assert.equal(ignored('scripts/x.log'), true);
    assert.equal(ignored('bench/results-quick.md'), true);
    assert.equal(ignored('bench/run.mjs'), false);
  });
});

describe('docs keep lines a reader can follow', () => {
  it(`when README.md and docs/ are scanned, then no prose line and no table cell is longer than ${MAX_LINE} characters`, () => {
    const long = findLongLines(root).map(
      (l) => `${l.file}:${l.line}: ${l.cell ? 'a table cell of' : 'a line of'} ${l.length} characters`,
    );
    assert.deepEqual(long, [], `wrap these (tables: shorter cells, or a list instead)`);
  });

  it('when a prose line or a table cell is too long, then it is reported; code blocks, rows of short cells and lone URLs are not', () => {
    const words = (n) => Array.from({ length: n }, () => 'word').join(' ');
    const repo = repository({
      'README.md': [
        words(30), // 149 characters
        `| ${words(20)} | ${words(20)} |`, // a long row of short cells
        `| short | ${words(25)} |`,
        `https://example.com/${'a'.repeat(130)}`,
        '```sh',
        words(40),
        '```',
      ].join('\n'),
    });
    assert.deepEqual(
      findLongLines(repo).map((l) => [l.line, l.cell, l.length]),
      [
        [1, false, 149],
        [3, true, 124],
      ],
    );
  });
});
