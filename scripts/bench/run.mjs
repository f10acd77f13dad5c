// `npm run bench`: builds the real site over synthetic corpora of several sizes (and over the
// five real reports), several cold runs each, beside a minimal Astro baseline and a Hugo +
// pagefind peer built from the same reports, alternating (ours, baseline, peer, ours, …) so
// that the ratios, taken within each round, hold on a noisy machine. Each round also times a
// rebuild of ours after one report's claims are edited, with the caches kept. Prints every
// run, then one table of medians. Options: --sizes real,5,500,5000  --runs 3  --search-runs 5
// --port 4390 (or BENCH_PORT: the port the built site is served on to measure search).
// "real" in --sizes means the project's own content.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawn } from 'node:child_process';
import { generate, QUERY_WORDS, writeUnpublishedPermalinks } from './generate.mjs';
import { median, run, siteFacts } from './measure.mjs';
import { measureSearch } from './search.mjs';
import { hugoVersion, ourIndex, PAGEFIND_BIN, writePeerSite } from './peer.mjs';
import { emptySetAside, setAside } from './set-aside.mjs';

const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? def : process.argv[i + 1];
};
const SIZES = arg('sizes', 'real,5,500,5000').split(',');
const RUNS = Number(arg('runs', '3'));
const SEARCH_RUNS = Number(arg('search-runs', '5'));
const PORT = Number(arg('port', process.env['BENCH_PORT'] ?? '4390'));
const ROOT = resolve(import.meta.dirname, '../..');
const WORK = join(ROOT, 'bench-out');
// Astro runs on this same Node (22), however the benchmark was started.
const ASTRO_JS = join(ROOT, 'node_modules/astro/bin/astro.mjs');
// Astro as `npm run build` starts it, with the Node options its script gives (a young generation of
// 64 MB, which at 500 reports made a cold build an eighth shorter), read from package.json so the two
// cannot drift apart.
const NODE_FLAGS = buildNodeFlags(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.build);
const astro = (args) => [process.execPath, [...NODE_FLAGS, ASTRO_JS, ...args]];

/**
 * The Node options of a `node <options> node_modules/astro/bin/astro.mjs build …` script.
 * @param {string} script
 * @returns {string[]}
 */
function buildNodeFlags(script) {
  const m = /^node((?: --[\w-]+(?:=\S+)?)*) node_modules\/astro\/bin\/astro\.mjs build\b/.exec(script);
  if (!m)
    throw new Error(
      `package.json's build script no longer starts Astro as "node <options> node_modules/astro/bin/astro.mjs build": ${script}`,
    );
  return m[1].trim().split(' ').filter(Boolean);
}
const HUGO = hugoVersion();
if (!HUGO)
  process.stderr.write(
    'hugo is not installed, so the Hugo + pagefind peer is left out (Debian: sudo apt-get install -y hugo)\n',
  );

// Each site's own content cache: set aside before a cold build, kept for the rebuild.
/** @param {string} out */
const coldOurs = (out) => {
  // Astro's content store and incremental-build cache, our content parse cache and the search
  // index's record of its last run (without it the index step writes its folder whole).
  // Moved aside rather than deleted, as every output and cache below: see ./set-aside.mjs.
  setAside(join(ROOT, 'node_modules/.astro'));
  setAside(join(ROOT, 'node_modules/.cache/claim-ledger'));
  // And the output folder, as the peer's is emptied: a cold build starts from nothing, as a fresh
  // clone's does. Kept, the last round's files made the cold build compare against them (100,000
  // citation files at 5,000 reports, 1 to 20 s depending on whether the system still had them in
  // memory: docs/build.md), so the cold rounds spread with the machine's page cache.
  setAside(out);
};
const coldBaseline = () => {
  setAside(join(ROOT, 'scripts/bench/baseline/node_modules'));
  setAside(join(ROOT, 'scripts/bench/baseline/.astro'));
};

/** Edits one claim's statement in the middle report of a synthetic corpus; returns the undo. */
function editOneReport(content) {
  const file = join(
    content,
    'claims',
    `report-${String(Math.floor(Number(content.split('-').at(-1)) / 2)).padStart(5, '0')}.yaml`,
  );
  const before = readFileSync(file, 'utf8');
  const after = before.replace(
    /statement: "Synthetic claim 3 of report (\d+)\."/,
    'statement: "Synthetic claim 3 of report $1, edited."',
  );
  if (after === before) throw new Error(`bench: nothing to edit in ${file}`);
  writeFileSync(file, after);
  return () => writeFileSync(file, before);
}

async function serve(outDir, port) {
  // A server already on the port would answer for ours and be measured instead.
  const taken = await fetch(`http://127.0.0.1:${port}/`).then(
    () => true,
    () => false,
  );
  if (taken)
    throw new Error(
      `port ${port} is already in use: stop whatever serves it, or pass --port, then run the benchmark again`,
    );
  const child = spawn(
    ...astro(['preview', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(port), '--ignore-lock']),
    {
      cwd: ROOT,
      stdio: 'ignore',
    },
  );
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

const s1 = (x) => x.toFixed(1);
// A peak memory is NaN when the process ended before it was sampled (measure.mjs): shown as "n/a".
const mb = (x) => (Number.isFinite(x) ? String(Math.round(x)) : 'n/a');
const ratio = (x) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');
/** The larger of two peaks; one that was not sampled does not count, both unsampled is NaN. */
const peakOf = (a, b) => (Number.isFinite(a) && Number.isFinite(b) ? Math.max(a, b) : Number.isFinite(a) ? a : b);
const ms = (seconds, n) => ((seconds * 1000) / n).toFixed(2);
const say = (line) => process.stderr.write(`${line}\n`);

/**
 * Our build as `npm run build` runs it: Astro, then the index step (pagefind over its output) in a
 * process of its own. The time is the sum, the peak the larger of the two (they never run at once).
 */
async function buildOurs(content, out) {
  const site = await run(...astro(['build', '--outDir', out]), { cwd: ROOT, env: { CONTENT_DIR: content } });
  const index = await run(...ourIndex(ROOT, out), { cwd: ROOT });
  return { seconds: site.seconds + index.seconds, peakMb: peakOf(site.peakMb, index.peakMb), site, index };
}

const rows = [];
mkdirSync(WORK, { recursive: true });
// The outputs and caches moved aside during the run are deleted when it ends, measured or failed.
process.on('exit', emptySetAside);
for (const size of SIZES) {
  const synthetic = size !== 'real';
  const content = synthetic ? join(WORK, `content-${size}`) : join(ROOT, 'content');
  if (synthetic) {
    generate(content, Number(size), setAside);
    writeUnpublishedPermalinks(content);
  }
  const reports = synthetic ? Number(size) : 5;
  const out = join(WORK, `out-${size}`);
  const base = join(WORK, `base-${size}`);
  const peerSite = join(WORK, `peer-site-${size}`);
  const peerOut = join(WORK, `peer-${size}`);
  if (HUGO) writePeerSite(content, peerSite, setAside);
  const rounds = [];
  for (let r = 0; r < RUNS; r++) {
    const round = {};
    coldOurs(out);
    round.ours = await buildOurs(content, out);
    if (synthetic) {
      // The same build again after one edit, with Astro's content cache from the cold build kept.
      const undo = editOneReport(content);
      try {
        round.rebuild = await buildOurs(content, out);
      } finally {
        undo();
      }
    }
    coldBaseline();
    // Astro would empty it before building, inside the time measured.
    setAside(base);
    round.baseline = await run(...astro(['build', '--root', 'scripts/bench/baseline', '--outDir', base]), {
      cwd: ROOT,
      env: { CONTENT_DIR: content },
    });
    if (HUGO) {
      // Two commands one after the other: the time is the sum, the peak the larger of the two.
      setAside(peerOut);
      const hugo = await run('hugo', ['--quiet', '-s', peerSite, '-d', peerOut], { cwd: ROOT });
      const pf = await run(PAGEFIND_BIN, ['--site', peerOut], { cwd: ROOT });
      round.peer = { seconds: hugo.seconds + pf.seconds, peakMb: peakOf(hugo.peakMb, pf.peakMb), hugo, pagefind: pf };
    }
    rounds.push(round);
    const p = round.peer;
    say(
      `size ${size} run ${r + 1}/${RUNS}: ours ${s1(round.ours.seconds)} s (astro ${s1(round.ours.site.seconds)} + pagefind ${s1(round.ours.index.seconds)}) ${mb(round.ours.peakMb)} MB` +
        (round.rebuild
          ? `, rebuild after one edit ${s1(round.rebuild.seconds)} s (${((100 * round.rebuild.seconds) / round.ours.seconds).toFixed(0)}% of cold)`
          : '') +
        ` | baseline ${s1(round.baseline.seconds)} s ${mb(round.baseline.peakMb)} MB` +
        (p
          ? ` | peer ${s1(p.seconds)} s (hugo ${s1(p.hugo.seconds)} + pagefind ${s1(p.pagefind.seconds)}) ${mb(p.peakMb)} MB` +
            ` | ours/peer: time ${(round.ours.seconds / p.seconds).toFixed(2)}, memory ${ratio(round.ours.peakMb / p.peakMb)}`
          : ''),
    );
  }
  // `out` now holds the build of the corpus with its one edited statement: as good for measuring pages and search.
  const facts = siteFacts(out);
  const baseFacts = siteFacts(base);
  const server = await serve(out, PORT);
  let search;
  try {
    const words = synthetic ? QUERY_WORDS : ['Rosstat', 'Peskov', 'mobilization', 'Kobak', 'drones'];
    search = await measureSearch(
      `http://127.0.0.1:${PORT}`,
      Array.from({ length: SEARCH_RUNS }, (_, i) => [words[i % words.length], words[(i + 1) % words.length]]),
    );
  } finally {
    server.kill();
  }
  const med = (pick) => median(rounds.map(pick));
  const ours = med((x) => x.ours.seconds);
  const baseline = med((x) => x.baseline.seconds);
  const row = {
    reports: synthetic ? size : '5 (real)',
    pages: facts.pages,
    'ours s (astro+pagefind)': `${s1(ours)} (${s1(med((x) => x.ours.site.seconds))}+${s1(med((x) => x.ours.index.seconds))})`,
    'ours MB': mb(med((x) => x.ours.peakMb)),
    'rebuild s': synthetic ? s1(med((x) => x.rebuild.seconds)) : '',
    'rebuild/cold': synthetic ? med((x) => x.rebuild.seconds / x.ours.seconds).toFixed(2) : '',
    'baseline s': s1(baseline),
    'baseline MB': mb(med((x) => x.baseline.peakMb)),
    'peer s (hugo+pagefind)': HUGO
      ? `${s1(med((x) => x.peer.seconds))} (${s1(med((x) => x.peer.hugo.seconds))}+${s1(med((x) => x.peer.pagefind.seconds))})`
      : 'n/a',
    'peer MB': HUGO ? mb(med((x) => x.peer.peakMb)) : 'n/a',
    'ours/peer time': HUGO ? med((x) => x.ours.seconds / x.peer.seconds).toFixed(2) : 'n/a',
    'ours/peer MB': HUGO ? ratio(med((x) => x.ours.peakMb / x.peer.peakMb)) : 'n/a',
    'ms/report ours · baseline · peer': `${ms(ours, reports)} · ${ms(baseline, reports)} · ${
      HUGO
        ? ms(
            med((x) => x.peer.seconds),
            reports,
          )
        : 'n/a'
    }`,
    'ms/page ours · baseline · peer': `${ms(ours, facts.pages)} · ${ms(baseline, baseFacts.pages)} · ${
      HUGO
        ? ms(
            med((x) => x.peer.seconds),
            siteFacts(peerOut).pages,
          )
        : 'n/a'
    }`,
    'output MB': (facts.bytes / 1e6).toFixed(1),
    'report page gzip KB': (facts.reportGzip / 1024).toFixed(1),
    'claim page gzip KB': (facts.claimGzip / 1024).toFixed(1),
    'reading-page JS gzip B': facts.readingJs,
    'first query KB': (search.firstQueryBytes / 1024).toFixed(1),
    'keystroke→results ms': Math.round(search.keystrokeToResultsMs),
    'second query ms': Math.round(search.secondQueryMs),
  };
  say(`size ${size}: ${JSON.stringify(row)}`);
  rows.push(row);
}

console.log(`\nClaim Ledger benchmark: ${RUNS} cold run(s) per size, medians; ${SEARCH_RUNS} search runs.`);
console.log(`Node ${process.version}; ${HUGO ?? 'no hugo'}; peer indexer ${PAGEFIND_BIN.split('/').at(-1)}.\n`);
const cols = Object.keys(rows[0]);
console.log(`| ${cols.join(' | ')} |\n| ${cols.map(() => '---').join(' | ')} |`);
for (const r of rows) console.log(`| ${cols.map((c) => r[c]).join(' | ')} |`);
