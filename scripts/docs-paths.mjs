// Which repository paths README.md and docs/**/*.md name, and which of them do not exist: the rule
// behind scripts/docs-paths.test.mjs (part of `npm test`). What counts as a path:
//
// - Fenced code blocks are examples and commands: never checked.
// - A relative Markdown link or image (`[text](docs/security.md#sessions)`, `<img src="…">`) is
//   resolved against the file it is in; the target must exist and its `#anchor`, if any, must be a
//   heading of the target (GitHub's heading ids). Links with a scheme (`https:`, `mailto:`) are not
//   checked.
// - An inline code span without spaces whose first segment is a tracked top-level folder
//   (TRACKED_FOLDERS: `apps/bff/src/app.ts`, `e2e/tests/`) must exist.
// - A heading that names a folder in a code span (`## Routes (\`apps/bff/src/routes/\`)`) makes it the
//   base of its section (down to the next heading of the same or a higher level): there, code spans that
//   end in a file extension (`route-spec.ts`) or `/` (`model/`) are resolved against that folder, and so
//   are the spans of its sub-headings (`### \`model/\`` is then the base of its own section).
// - Placeholders: in a path with `…`, a glob (`*`, `?`, `{}`, `[]`) or `<…>`, only the folders before
//   the first such character are checked (`docs/screenshots/*.png` checks `docs/screenshots/`).
// - Generated output is not checked: a path that the root .gitignore ignores (`apps/bff/dist/index.js`,
//   `demo-output/REPORT.md`).
import fs from 'node:fs';
import path from 'node:path';

/** Top-level folders of the repository whose paths docs name. */
export const TRACKED_FOLDERS = ['apps', 'packages', 'e2e', 'bench', 'scripts', 'docs', '.ci'];

/** Endings that make a bare name in a based section a file name. */
const FILE_EXTENSION = /\.(tsx?|mts|cts|mjs|cjs|js|json|md|ya?ml|sh|html|css|png|svg|sql)$/;
/** Ellipsis, glob and placeholder characters: the path is only known up to the folder before them. */
const PLACEHOLDER = /[…*?{}[\]<>$]/;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** README.md and every Markdown file under docs/, relative to `root`, sorted. */
export function markdownFiles(root) {
  const files = fs.existsSync(path.join(root, 'README.md')) ? ['README.md'] : [];
  const walk = (dir) => {
    const full = path.join(root, dir);
    if (!fs.existsSync(full)) return;
    for (const entry of fs
      .readdirSync(full, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (entry.name.endsWith('.md')) files.push(rel);
    }
  };
  walk('docs');
  return files;
}

/**
 * A matcher for the root .gitignore (the forms it uses: `name/`, `*.ext`, `dir/file`). A form it does
 * not understand (negation, `**`) throws, so the rule never silently checks less than it says.
 */
export function gitignoreMatcher(text) {
  const rules = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('!') || line.includes('**')) {
      throw new Error(`docs-paths: .gitignore pattern "${line}" is not supported by scripts/docs-paths.mjs`);
    }
    const body = line.replace(/^\//, '').replace(/\/$/, '');
    const source = body
      .split('')
      .map((c) => (c === '*' ? '[^/]*' : c === '?' ? '[^/]' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
      .join('');
    const anchored = line.startsWith('/') || body.includes('/');
    rules.push({ anchored, pattern: new RegExp(`^${source}$`) });
  }
  return (relPath) => {
    const segments = relPath.replace(/\/+$/, '').split('/');
    return rules.some((rule) => {
      if (!rule.anchored) return segments.some((segment) => rule.pattern.test(segment));
      // An anchored pattern matches the path itself or one of the folders it is in.
      return segments.some((_, i) => rule.pattern.test(segments.slice(0, i + 1).join('/')));
    });
  };
}

/** GitHub's id of a heading: lower case, punctuation dropped, spaces to hyphens. */
export function headingSlug(text) {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

/** Lines outside fenced code blocks, with their 1-based numbers. */
function proseLines(text) {
  const lines = [];
  let fence;
  text.split(/\r?\n/).forEach((line, index) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      return;
    }
    if (marker) {
      fence = marker;
      return;
    }
    lines.push({ number: index + 1, line });
  });
  return lines;
}

const CODE_SPAN = /(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g;

function codeSpans(line) {
  return [...line.matchAll(CODE_SPAN)].map((m) => m[2].trim());
}

/** Every heading id of a Markdown text, duplicates numbered as GitHub does (`x`, `x-1`, …). */
export function headingIds(text) {
  const ids = new Set();
  const seen = new Map();
  for (const { line } of proseLines(text)) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const slug = headingSlug(heading[1]);
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    ids.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return ids;
}

/** The repository path a code span names, or undefined when it names none (see the rules above). */
export function pathOfSpan(span, base) {
  let text = span.replace(/:\d+(?::\d+)?$/, '').replace(/#L\d+.*$/, '');
  if (text === '' || /\s/.test(text) || SCHEME.test(text)) return undefined;
  const first = text.split('/')[0];
  if (text.includes('/') && TRACKED_FOLDERS.includes(first)) {
    // a path from the repository root
  } else if (base && !/^[/@.~-]/.test(text) && (FILE_EXTENSION.test(text) || text.endsWith('/'))) {
    text = `${base.replace(/\/+$/, '')}/${text}`;
  } else {
    return undefined;
  }
  const placeholder = text.search(PLACEHOLDER);
  if (placeholder >= 0) {
    const folder = text.slice(0, text.lastIndexOf('/', placeholder) + 1);
    return folder.split('/').filter(Boolean).length > 0 ? folder : undefined;
  }
  return text;
}

function exists(root, relPath) {
  const full = path.join(root, relPath);
  if (!fs.existsSync(full)) return false;
  return !relPath.endsWith('/') || fs.statSync(full).isDirectory();
}

/**
 * Every path named in README.md and docs/**\/*.md that does not exist, as
 * `{ file, line, text, problem }`, in file and line order.
 */
export function findBrokenPaths(root) {
  const gitignore = path.join(root, '.gitignore');
  const ignored = gitignoreMatcher(fs.existsSync(gitignore) ? fs.readFileSync(gitignore, 'utf8') : '');
  const idsOf = new Map();
  const idsFor = (relFile) => {
    if (!idsOf.has(relFile))
      idsOf.set(relFile, headingIds(fs.readFileSync(path.join(root, relFile), 'utf8')));
    return idsOf.get(relFile);
  };
  const broken = [];
  for (const file of markdownFiles(root)) {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    /** Bases of the enclosing headings: `{ level, base }`, innermost last. */
    const sections = [];
    for (const { number, line } of proseLines(text)) {
      const report = (reported, problem) => broken.push({ file, line: number, text: reported, problem });
      const heading = /^(#{1,6})\s+(.*)$/.exec(line);
      // A heading's own spans are read against the enclosing section's base.
      let base = sections.at(-1)?.base;
      if (heading) {
        const level = heading[1].length;
        while (sections.length > 0 && sections.at(-1).level >= level) sections.pop();
        base = sections.at(-1)?.base;
        const named = codeSpans(heading[2])
          .map((span) => pathOfSpan(span, base))
          .find((p) => p?.endsWith('/'));
        sections.push({ level, base: named ?? base });
      }
      for (const span of codeSpans(line)) {
        const named = pathOfSpan(span, base);
        if (named === undefined || ignored(named)) continue;
        if (!exists(root, named)) report(span, named === span ? 'no such file or folder' : `no ${named}`);
      }
      const prose = line.replace(CODE_SPAN, '');
      const targets = [
        ...[...prose.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]),
        ...[...prose.matchAll(/<(?:img|a)\s[^>]*?(?:src|href)="([^"]+)"/g)].map((m) => m[1]),
      ];
      for (const target of targets) {
        if (SCHEME.test(target) || target.startsWith('//')) continue;
        const [targetPath, anchor] = target.split('#');
        const relTarget = targetPath
          ? path.posix.normalize(
              targetPath.startsWith('/')
                ? targetPath.slice(1)
                : path.posix.join(path.posix.dirname(file), targetPath),
            )
          : file;
        if (relTarget.startsWith('../')) {
          report(target, 'points outside the repository');
          continue;
        }
        if (!exists(root, relTarget)) {
          report(target, 'no such file or folder');
          continue;
        }
        if (anchor && relTarget.endsWith('.md') && !idsFor(relTarget).has(decodeURIComponent(anchor))) {
          report(target, `no heading #${anchor} in ${relTarget}`);
        }
      }
    }
  }
  return broken;
}

/** Longest prose line and table cell the docs keep (fenced code blocks aside), in characters. */
export const MAX_LINE = 120;

/**
 * Prose lines and table cells longer than MAX_LINE in README.md and docs/**\/*.md, as
 * `{ file, line, length }`: a map is read on screens of any width, and a 500-character cell is a
 * paragraph hiding in a table. A line without spaces (a long URL) is left alone.
 */
export function findLongLines(root, max = MAX_LINE) {
  const long = [];
  for (const file of markdownFiles(root)) {
    for (const { number, line } of proseLines(fs.readFileSync(path.join(root, file), 'utf8'))) {
      const isRow = /^\s*\|/.test(line);
      const parts = isRow ? line.replace(/^\s*\||\|\s*$/g, '').split(/(?<!\\)\|/) : [line];
      for (const part of parts) {
        const text = part.trim();
        const length = [...text].length;
        if (length > max && /\s/.test(text)) long.push({ file, line: number, length, cell: isRow });
      }
    }
  }
  return long;
}
