// `npm run audit`: Lighthouse (mobile preset, Debian's Chromium) on the home page, a report, a
// claim and the search page of the built site; fails unless every category scores at least 0.98.
// Needs a build in dist/ (npm run build). Prints one line per page and category.
import { spawn } from 'node:child_process';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

// AUDIT_PORT lets two checkouts run their suites side by side.
const PORT = Number(process.env.AUDIT_PORT ?? 4391);
const MIN = Number(process.env.AUDIT_MIN ?? 0.98);
const PAGES = ['/', '/articles/hidden-war-deaths/', '/claims/afu-1027540-russian-casualties/', '/search/?q=Rosstat'];

const server = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--ignore-lock'], {
  stdio: 'ignore',
});
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM_PATH,
  chromeFlags: CHROMIUM_ARGS,
});
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
    const result = await lighthouse(`http://127.0.0.1:${PORT}${path}`, { port: chrome.port, output: 'json', logLevel: 'error' });
    const cats = result.lhr.categories;
    for (const [id, cat] of Object.entries(cats)) {
      const ok = cat.score >= MIN;
      if (!ok) failed++;
      console.log(`${ok ? 'ok  ' : 'FAIL'} ${path} ${id}: ${cat.score}`);
      if (!ok)
        for (const a of Object.values(result.lhr.audits))
          if (a.score !== null && a.score < 1 && cat.auditRefs.some((r) => r.id === a.id && r.weight > 0))
            console.log(`       ${a.id}: ${a.score} ${a.displayValue ?? ''}`);
    }
  }
} finally {
  await chrome.kill();
  server.kill();
}
console.log(failed ? `${failed} categories below ${MIN}` : `all categories at least ${MIN}`);
process.exit(failed ? 1 : 0);
