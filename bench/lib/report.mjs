/** Renders benchmark rows as the Markdown written to BENCHMARKS.md (and printed). */

const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');

function verdict(met) {
  if (met === true) return 'met';
  if (met === false) return '**MISSED**';
  return '—';
}

export function renderTable(rows) {
  const lines = ['| Benchmark | Target | Measured | Ratio | Result |', '|---|---|---|---|---|'];
  let group;
  for (const row of rows) {
    if (row.group !== group) {
      group = row.group;
      lines.push(`| **${cell(group)}** | | | | |`);
    }
    lines.push(
      `| ${cell(row.name)} | ${cell(row.target)} | ${cell(row.measured)} | ${cell(row.ratio)} | ${verdict(row.met)} |`,
    );
  }
  return lines.join('\n');
}

export function renderReport({ rows, environment, mode, startedAt, durationMs, command, context, findings }) {
  const missed = rows.filter((r) => r.met === false);
  const targets = rows.filter((r) => r.met !== null);
  return [
    '# Benchmarks',
    '',
    `Written by \`${command}\` (${mode} mode) on ${startedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC; the run took ${(durationMs / 1000).toFixed(0)} s. ` +
      `${targets.length - missed.length} of ${targets.length} targets met.`,
    '',
    ...context.map((line) => `> ${line}`),
    '',
    '## Machine',
    '',
    ...environment.machine.map((l) => `- ${l}`),
    '',
    '## Software',
    '',
    ...environment.software.map((l) => `- ${l}`),
    '',
    '## Results',
    '',
    'Ratio: for a peer, our throughput ÷ theirs (in the server capacity rows, 2xx answers per second, median of the rounds, with the range of the per-round ratios); for the ceiling, the emulator’s rate as a share of a bare Node server’s; for the BFF, BFF time ÷ SDK time; for bulk delete, time ÷ bound; otherwise measured ÷ target. p50/p99 are per request; “load generator CPU” is wrk’s or dnsperf’s CPU time as a share of the server’s over the same rounds.',
    '',
    renderTable(rows),
    '',
    '## Reading the results',
    '',
    ...findings,
    '',
    '## Notes per row',
    '',
    ...rows.map((r) => `- **${r.name}**: ${r.note}`),
    '',
    '## Targets missed',
    '',
    ...(missed.length === 0
      ? ['None.']
      : missed.map((r) => `- **${r.name}** — target ${r.target}, measured ${r.measured}. ${r.note}`)),
    '',
  ].join('\n');
}
