import { chromium } from '@playwright/test';
import { CHROMIUM_PATH, CHROMIUM_ARGS } from './scripts/chromium.mjs';
import { QUERY_WORDS } from './scripts/bench/generate.mjs';
const b = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const p = await b.newPage();
const rows = [];
p.on('requestfinished', async (r) => { const s = await r.sizes(); rows.push([r.url().replace(/^http:\/\/[^/]+/, ''), s.responseBodySize + s.responseHeadersSize]); });
await p.goto(process.argv[2] + '/search/', { waitUntil: 'networkidle' });
await p.locator('#q').click();
await p.keyboard.type(process.argv[3] ?? QUERY_WORDS[0], { delay: 30 });
await p.locator('#results > li').first().waitFor();
await p.waitForLoadState('networkidle');
await p.waitForTimeout(500);
rows.sort((a, b) => b[1] - a[1]);
let t = 0; for (const [u, n] of rows) { t += n; console.log(String(n).padStart(8), u); }
console.log('total', t);
await b.close();
