// `npm run bench`: builds the real site over synthetic corpora of several sizes (and over the
// five real reports), several cold runs each, beside a minimal Astro baseline built from the
// same reports, and prints one table. Options: --sizes 5,500,5000  --runs 3  --search-runs 5
// "real" in --sizes means the project's own content.
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawn } from 'node:child_process';
import { generate, QUERY_WORDS } from './generate.mjs';
import { median, run, siteFacts } from './measure.mjs';
import { measureSearch } from './search.mjs';

const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? def : process.argv[i + 1];
};
const SIZES = arg('sizes', 'real,5,500,5000').split(',');
const RUNS = Number(arg('runs', '3'));
const SEARCH_RUNS = Number(arg('search-runs', '5'));
const ROOT = resolve(import.meta.dirname, '../..');
const WORK = join(ROOT, 'bench-out');
// Astro runs on this same Node (22), however the benchmark was started.
const ASTRO_JS = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const astro = (args) => [process.execPath, [ASTRO_JS, ...args]];

const cold = () => {
  // Cold build: no content cache from an earlier run.
  rmSync(join(ROOT, 'node_modules/.astro'), { recursive: true, force: true });
  rmSync(join(ROOT, 'scripts/bench/baseline/node_modules'), { recursive: true, force: true });
  rmSync(join(ROOT, 'scripts/bench/baseline/.astro'), { recursive: true, force: true });
};

async function serve(outDir, port) {
  // A server already on the port would answer for ours and be measured instead.
  const taken = await fetch(`http://127.0.0.1:${port}/`).then(
    () => true,
    () => false,
  );
  if (taken) throw new Error(`port ${port} is already in use: stop whatever serves it, then run the benchmark again`);
  const child = spawn(...astro(['preview', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(port), '--ignore-lock']), {
    cwd: ROOT,
    stdio: 'ignore',
  });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error('preview server did not start');
}

const rows = [];
mkdirSync(WORK, { recursive: true });
for (const size of SIZES) {
  const content = size === 'real' ? join(ROOT, 'content') : join(WORK, `content-${size}`);
  if (size !== 'real') generate(content, Number(size));
  const out = join(WORK, `out-${size}`);
  const base = join(WORK, `base-${size}`);
  const ours = [];
  const baseline = [];
  for (let r = 0; r < RUNS; r++) {
    cold();
    ours.push(await run(...astro(['build', '--outDir', out]), { cwd: ROOT, env: { CONTENT_DIR: content } }));
    cold();
    baseline.push(await run(...astro(['build', '--root', 'scripts/bench/baseline', '--outDir', base]), { cwd: ROOT, env: { CONTENT_DIR: content } }));
    process.stderr.write(`size ${size} run ${r + 1}/${RUNS}: ours ${ours.at(-1).seconds.toFixed(1)} s, baseline ${baseline.at(-1).seconds.toFixed(1)} s\n`);
  }
  const facts = siteFacts(out);
  const baseFacts = siteFacts(base);
  const server = await serve(out, 4390);
  let search;
  try {
    const words = size === 'real' ? ['Rosstat', 'Peskov', 'mobilization', 'Kobak', 'drones'] : QUERY_WORDS;
    search = await measureSearch(
      'http://127.0.0.1:4390',
      Array.from({ length: SEARCH_RUNS }, (_, i) => words[i % words.length]),
    );
  } finally {
    server.kill();
  }
  const wall = median(ours.map((x) => x.seconds));
  const baseWall = median(baseline.map((x) => x.seconds));
  const msPerPage = (wall * 1000) / facts.pages;
  const baseMsPerPage = (baseWall * 1000) / baseFacts.pages;
  rows.push({
    reports: size === 'real' ? '5 (real)' : size,
    'build s (median)': wall.toFixed(1),
    'peak RSS MB': Math.round(median(ours.map((x) => x.peakMb))),
    pages: facts.pages,
    'ms/page': msPerPage.toFixed(2),
    'baseline ms/page': baseMsPerPage.toFixed(2),
    'ratio to baseline': (msPerPage / baseMsPerPage).toFixed(2),
    'output MB': (facts.bytes / 1e6).toFixed(1),
    'report page gzip KB': (facts.reportGzip / 1024).toFixed(1),
    'claim page gzip KB': (facts.claimGzip / 1024).toFixed(1),
    'reading-page JS gzip B': facts.readingJs,
    'first query KB': (search.firstQueryBytes / 1024).toFixed(1),
    'keystroke→results ms': Math.round(search.keystrokeToResultsMs),
  });
}

console.log(`\nClaim Ledger benchmark: ${RUNS} cold run(s) per size, medians; ${SEARCH_RUNS} search runs.\n`);
const cols = Object.keys(rows[0]);
console.log(`| ${cols.join(' | ')} |\n| ${cols.map(() => '---').join(' | ')} |`);
for (const r of rows) console.log(`| ${cols.map((c) => r[c]).join(' | ')} |`);
