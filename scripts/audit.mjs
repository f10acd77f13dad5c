// `npm run audit`: Lighthouse (mobile preset, Debian's Chromium) on the home page, a report, a
// claim and the search page of the built site; fails unless accessibility, best practices and SEO
// score at least 0.98. Then Lighthouse's desktop preset on a search with results, which fails if
// the layout shifts as the results arrive (CLS at least 0.1). Needs a build in dist/ (npm run
// build). Prints one line per page and category.
//
// The performance score is printed but gates nothing unless `--performance` is given: it measures
// the machine as much as the site (0.81 on a search page at a load average of 11, 1 when quiet),
// so it belongs in the benchmark, not in `npm test`. The pages come from the built data, not from
// ids written here, so the audit holds for any corpus.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

// AUDIT_PORT lets two checkouts run their suites side by side.
const PORT = Number(process.env.AUDIT_PORT ?? 4391);
const MIN = Number(process.env.AUDIT_MIN ?? 0.98);
const GATED = new Set([
  'accessibility',
  'best-practices',
  'seo',
  ...(process.argv.includes('--performance') ? ['performance'] : []),
]);

/** @param {string} file a JSON export in dist/api/ */
const readApi = (file) => JSON.parse(readFileSync(`dist/api/${file}`, 'utf8'));
/** The path of an absolute URL from the exports (they carry SITE_URL, base path included). */
const pathOf = (/** @type {string} */ url) => new URL(url).pathname;
// The longest report (the most text to audit) and its first claim; a word of that claim's statement
// as the search query, so the search page has results.
const articles = /** @type {{ url: string, claims: { id: string }[] }[]} */ (readApi('articles.json').articles);
const claims = /** @type {{ id: string, url: string, statement: string }[]} */ (readApi('claims.json').claims);
const report = articles.reduce((a, b) => (b.claims.length > a.claims.length ? b : a));
const claim = claims.find((c) => c.id === report.claims[0]?.id) ?? claims[0];
if (!claim) throw new Error('dist/api/claims.json lists no claim: build the site first (npm run build)');
const word = claim.statement.split(/[^\p{L}\p{N}]+/u).reduce((a, b) => (b.length > a.length ? b : a), '');
const home = pathOf(articles[0]?.url ?? claim.url).replace(/articles\/.*$/, '');
const search = `${home}search/?q=${encodeURIComponent(word)}`;
const PAGES = [home, pathOf(report.url), pathOf(claim.url), search];
/** Desktop: the search page must not shift while results arrive (Lighthouse's "good" is below 0.1). */
const DESKTOP_CLS = { path: search, max: 0.1 };

const server = spawn(
  process.execPath,
  ['node_modules/astro/bin/astro.mjs', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--ignore-lock'],
  {
    stdio: 'ignore',
  },
);
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM_PATH,
  chromeFlags: CHROMIUM_ARGS,
});

/**
 * Runs Lighthouse on one page of the preview server.
 * @param {string} path
 * @param {import('lighthouse').Config | undefined} [config]
 */
async function audit(path, config) {
  const result = await lighthouse(
    `http://127.0.0.1:${PORT}${path}`,
    { port: chrome.port, output: 'json', logLevel: 'error' },
    config,
  );
  if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
  return result.lhr;
}

let failed = 0;
try {
  // Up to a minute: on a loaded shared machine the preview server can take that long to answer.
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/`)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  for (const path of PAGES) {
    const lhr = await audit(path);
    for (const [id, cat] of Object.entries(lhr.categories)) {
      const gated = GATED.has(id);
      const ok = !gated || (cat.score ?? 0) >= MIN;
      if (!ok) failed++;
      console.log(`${ok ? (gated ? 'ok  ' : 'info') : 'FAIL'} ${path} ${id}: ${cat.score}`);
      if (!ok)
        for (const a of Object.values(lhr.audits))
          if (a.score !== null && a.score < 1 && cat.auditRefs.some((r) => r.id === a.id && r.weight > 0))
            console.log(`       ${a.id}: ${a.score} ${a.displayValue ?? ''}`);
    }
  }
  const desktop = await audit(DESKTOP_CLS.path, desktopConfig);
  const cls = desktop.audits['cumulative-layout-shift']?.numericValue ?? Number.POSITIVE_INFINITY;
  const ok = cls < DESKTOP_CLS.max;
  if (!ok) failed++;
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} ${DESKTOP_CLS.path} desktop CLS: ${cls.toFixed(3)} (performance ${desktop.categories['performance']?.score})`,
  );
} finally {
  await chrome.kill();
  server.kill();
}
console.log(
  failed
    ? `${failed} checks failed (${[...GATED].join(', ')} below ${MIN}, or desktop CLS ${DESKTOP_CLS.max} or more)`
    : `${[...GATED].join(', ')} at least ${MIN}; desktop CLS below ${DESKTOP_CLS.max}`,
);
process.exit(failed ? 1 : 0);
