// Renders the site's one share image (public/og.png, 1200×630) with Debian's Chromium.
// Run by hand when the design changes: `node_modules/.bin/node scripts/og-image.mjs`.
// A per-claim image was not worth its weight: every claim shares this one.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';
// The owner's settings (a .ts file without imports, which Node 22 reads as it is).
import { SITE_NAME, SITE_TAGLINE } from '../src/site.config.ts';

const html = `<!doctype html><html><body style="margin:0;width:1200px;height:630px;display:flex;flex-direction:column;justify-content:center;padding:80px;box-sizing:border-box;background:#fdfcf9;font-family:system-ui,sans-serif;color:#1b1b1b">
<div style="font-size:40px;color:#0b5394;font-weight:700">${SITE_NAME}</div>
<div style="font-size:64px;font-weight:700;line-height:1.15;margin-top:24px">${SITE_TAGLINE}</div>
<div style="font-size:30px;color:#555049;margin-top:32px">News reports, every claim sourced, dated and citable</div>
<div style="margin-top:40px;height:14px;width:420px;background:#fff1a8;border-bottom:4px solid #8a6d00"></div>
</body></html>`;
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
await page.setContent(html);
await page.screenshot({ path: 'public/og.png' });
await browser.close();
