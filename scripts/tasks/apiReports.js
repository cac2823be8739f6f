'use strict';

// `npm test`'s API-report check: regenerates plugins/*/report*.api.md and compares them with the
// committed ones line by line, in any order. TypeScript prints the members of some inferred types
// (unions, a translation ref's messages) in an order that differs between runs, so the strict
// `backstage-repo-tools api-reports --ci` fails on a clean clone without any API change; an added,
// removed or changed line still fails here. The committed reports are put back afterwards.
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { exec, ROOT } = require('./exec');

function committedReports() {
  return execFileSync('git', ['ls-files', 'plugins/*/report*.api.md'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .split('\n')
    .filter(Boolean);
}

function lineCounts(text) {
  const counts = new Map();
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed) counts.set(trimmed, (counts.get(trimmed) ?? 0) + 1);
  }
  return counts;
}

/** Lines one text has more often than the other, as `+ line` / `- line`. */
function lineDifferences(committed, generated) {
  const before = lineCounts(committed);
  const after = lineCounts(generated);
  const differences = [];
  for (const line of new Set([...before.keys(), ...after.keys()])) {
    const delta = (after.get(line) ?? 0) - (before.get(line) ?? 0);
    if (delta > 0) differences.push(`+ ${line}`);
    if (delta < 0) differences.push(`- ${line}`);
  }
  return differences;
}

async function main() {
  const files = committedReports();
  const committed = new Map(
    files.map(file => [file, fs.readFileSync(path.join(ROOT, file), 'utf8')]),
  );
  let code;
  let generated = new Map();
  try {
    code = await exec('npm', ['run', 'api-reports'], { cwd: ROOT });
  } finally {
    generated = new Map(
      files.map(file => [
        file,
        fs.existsSync(path.join(ROOT, file))
          ? fs.readFileSync(path.join(ROOT, file), 'utf8')
          : '',
      ]),
    );
    for (const [file, text] of committed) {
      fs.writeFileSync(path.join(ROOT, file), text);
    }
  }
  if (code !== 0) process.exit(code);
  const untracked = execFileSync(
    'git',
    ['ls-files', '--others', '--exclude-standard', 'plugins/*/report*.api.md'],
    { cwd: ROOT, encoding: 'utf8' },
  )
    .split('\n')
    .filter(Boolean);
  let failed = false;
  for (const file of untracked) {
    process.stderr.write(`[repo] ${file} is new: commit it\n`);
    fs.rmSync(path.join(ROOT, file));
    failed = true;
  }
  for (const file of files) {
    const differences = lineDifferences(
      committed.get(file),
      generated.get(file),
    );
    if (differences.length === 0) continue;
    failed = true;
    process.stderr.write(
      `[repo] ${file} no longer matches the exports:\n${differences
        .slice(0, 40)
        .join('\n')}\n`,
    );
  }
  if (failed) {
    process.stderr.write(
      '[repo] regenerate the API reports with `npm run api-reports` and commit them\n',
    );
    process.exit(1);
  }
  process.stderr.write(
    `[repo] the ${files.length} API reports match the exports\n`,
  );
}

main();
