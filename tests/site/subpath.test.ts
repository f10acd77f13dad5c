import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { selectAll } from 'hast-util-select';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, tempFolder, type BuildResult } from './build-site';
import { pagesOf } from './page-checks';
import { siteFiles } from './dist';

// The site built for a public address with a path (SITE_URL=…/mobilization/): every internal
// link, script, style sheet, image and form of every page starts with the base, and so does every
// absolute URL the build writes, so the folder works when served from /mobilization/.
// (tests/e2e/subpath.spec.ts serves such a build and reads it in a browser.)

const ORIGIN = 'https://example.org';
const BASE = '/mobilization/';
let dir: string;
let build: BuildResult;

beforeAll(() => {
  dir = tempFolder('subpath');
  build = buildSite(dir, undefined, { SITE_URL: `${ORIGIN}${BASE}` });
});

/** Every URL-valued attribute of every page, with where it is. */
function pageUrls(): { where: string; url: string }[] {
  const out: { where: string; url: string }[] = [];
  const attrs = ['href', 'src', 'action', 'content'];
  for (const { path, tree } of pagesOf(dir)) {
    for (const el of selectAll('[href], [src], [action], meta[property^="og:"], meta[name^="twitter:"]', tree)) {
      for (const attr of attrs) {
        const v = el.properties[attr === 'content' ? 'content' : attr];
        if (typeof v !== 'string') continue;
        if (attr === 'content' && !/^https?:/.test(v)) continue;
        out.push({ where: `${path} <${el.tagName} ${attr}>`, url: v });
      }
    }
  }
  return out;
}

describe('a build for a sub-path', () => {
  test('builds, and says which public address its URLs carry', () => {
    expect(build.status, build.output).toBe(0);
    expect(build.output).toContain(`public address: ${ORIGIN}${BASE}`);
    expect(build.output).not.toContain('URLs are local');
  });

  test('every internal link, script, style, image and form of every page starts with the base', () => {
    const urls = pageUrls();
    expect(urls.length).toBeGreaterThan(1000);
    const wrong = urls.filter(({ url }) => {
      if (url.startsWith('#') || url.startsWith('mailto:')) return false;
      if (/^https?:\/\//.test(url)) return new URL(url).origin === ORIGIN && !url.startsWith(`${ORIGIN}${BASE}`);
      return !url.startsWith(BASE);
    });
    expect(wrong).toEqual([]);
    // And the pages do use the base (the filter above would pass a site with no links at all).
    expect(urls.filter(({ url }) => url.startsWith(`${BASE}_astro/`)).length).toBeGreaterThan(0);
    expect(urls.some(({ url }) => url === `${ORIGIN}${BASE}`)).toBe(true);
  });

  test('the output folder is the site itself: pages and files at the top, not under the base', () => {
    expect(existsSync(join(dir, 'index.html'))).toBe(true);
    expect(existsSync(join(dir, 'mobilization'))).toBe(false);
    const claims = JSON.parse(readFileSync(join(dir, 'api/claims.json'), 'utf8')) as {
      claims: { id: string; url: string }[];
    };
    const first = claims.claims[0]!;
    expect(first.url).toBe(`${ORIGIN}${BASE}claims/${first.id}/`);
    // The citation files are written beside the claim pages, and cite the public address.
    expect(readFileSync(join(dir, `claims/${first.id}/cite.bib`), 'utf8')).toContain(
      `url = {${ORIGIN}${BASE}claims/${first.id}/}`,
    );
  });

  test('every absolute URL in the feed, the sitemap and the exports is under the public address', () => {
    const files = siteFiles(dir).filter((f) => /\.(xml|json|csv|bib|html)$/.test(f) && !f.startsWith('/pagefind/'));
    const wrong: string[] = [];
    for (const f of files) {
      for (const url of readFileSync(join(dir, f), 'utf8').match(/https?:\/\/[^\s"'<>{},]+/g) ?? []) {
        if (url.startsWith(ORIGIN) && !url.startsWith(`${ORIGIN}${BASE}`)) wrong.push(`${f}: ${url}`);
        if (url.includes('127.0.0.1')) wrong.push(`${f}: ${url}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  test('_headers applies to the paths under the base', () => {
    expect(readFileSync(join(dir, '_headers'), 'utf8')).toMatch(/^\/mobilization\/\*\n/);
  });
});
