// `npm run audit`: Lighthouse (mobile preset, Debian's Chromium) on the home page, a report, a
// claim and the search page of the built site; fails unless every category scores at least 0.98.
// Then Lighthouse's desktop preset on a search with results, which fails if the layout shifts
// as the results arrive (CLS at least 0.1). Needs a build in dist/ (npm run build). Prints one
// line per page and category.
import { spawn } from 'node:child_process';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

// AUDIT_PORT lets two checkouts run their suites side by side.
const PORT = Number(process.env.AUDIT_PORT ?? 4391);
const MIN = Number(process.env.AUDIT_MIN ?? 0.98);
const PAGES = ['/', '/articles/hidden-war-deaths/', '/claims/afu-1027540-russian-casualties/', '/search/?q=Rosstat'];
/** Desktop: the search page must not shift while results arrive (Lighthouse's "good" is below 0.1). */
const DESKTOP_CLS = { path: '/search/?q=Rosstat', max: 0.1 };

const server = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--ignore-lock'], {
  stdio: 'ignore',
});
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
  const result = await lighthouse(`http://127.0.0.1:${PORT}${path}`, { port: chrome.port, output: 'json', logLevel: 'error' }, config);
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
      const ok = (cat.score ?? 0) >= MIN;
      if (!ok) failed++;
      console.log(`${ok ? 'ok  ' : 'FAIL'} ${path} ${id}: ${cat.score}`);
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
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${DESKTOP_CLS.path} desktop CLS: ${cls.toFixed(3)} (performance ${desktop.categories['performance']?.score})`);
} finally {
  await chrome.kill();
  server.kill();
}
console.log(
  failed
    ? `${failed} checks failed (categories below ${MIN}, or desktop CLS ${DESKTOP_CLS.max} or more)`
    : `all categories at least ${MIN}; desktop CLS below ${DESKTOP_CLS.max}`,
);
process.exit(failed ? 1 : 0);
