import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readCorpus } from '../../src/lib/content/read';
import { validateCorpus } from '../../src/lib/content/validate';
import { checkPermalinks, type BuiltSite } from '../../src/lib/permalinks';
import type { Redirect } from '../../src/schemas/redirect';
import { DIST } from './dist';

const ROOT = join(import.meta.dirname, '../..');
const PERMALINKS = readFileSync(join(ROOT, 'permalinks.txt'), 'utf8')
  .split('\n')
  .filter((l) => l && !l.startsWith('#'));

/** A built site on disk, as the durability check sees it. */
function builtSite(dir: string): BuiltSite {
  const file = (path: string): string => join(dir, decodeURIComponent(path), path.endsWith('/') ? 'index.html' : '');
  return {
    hasPage: (path) => existsSync(file(path)) && statSync(file(path)).isFile(),
    hasId: (path, id) => readFileSync(file(path), 'utf8').includes(` id="${id}"`),
  };
}
const redirectsOf = (content: string): Redirect[] => validateCorpus(readCorpus(content)).redirects;

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('permalink durability', () => {
  test('every claim URL ever published still works in the built site', () => {
    expect(PERMALINKS.length).toBeGreaterThanOrEqual(234);
    expect(checkPermalinks(PERMALINKS, builtSite(DIST), redirectsOf(join(ROOT, 'content')))).toEqual([]);
  });

  test('every claim the site publishes is listed (run `npm run permalinks` after adding claims)', () => {
    const listed = new Set(PERMALINKS);
    const { claims } = JSON.parse(readFileSync(join(DIST, 'api/claims.json'), 'utf8')) as { claims: { url: string; article: { anchorUrl: string } }[] };
    const missing = claims
      .flatMap((c) => [new URL(c.url).pathname, new URL(c.article.anchorUrl).pathname + new URL(c.article.anchorUrl).hash])
      .filter((u) => !listed.has(u));
    expect(missing).toEqual([]);
  });

  test('every event the site publishes is listed, and stays built', () => {
    const listed = new Set(PERMALINKS);
    const { events } = JSON.parse(readFileSync(join(DIST, 'api/events.json'), 'utf8')) as { events: { url: string }[] };
    expect(events.length).toBeGreaterThanOrEqual(6);
    expect(events.map((e) => new URL(e.url).pathname).filter((u) => !listed.has(u))).toEqual([]);
    expect(PERMALINKS.filter((u) => u.startsWith('/events/'))).toHaveLength(events.length);
  });

  test('removing or renaming a claim fails until a redirect is declared; then the redirect serves', () => {
    const dir = mkdtempSync(join(tmpdir(), 'claim-ledger-permalinks-'));
    made.push(dir);
    const content = join(dir, 'content');
    cpSync(join(ROOT, 'content'), content, { recursive: true });
    const claims = join(content, 'claims/hidden-war-deaths.yaml');
    const text = readFileSync(claims, 'utf8');
    // Remove one claim outright, and rename another.
    const start = text.indexOf('  - id: crypto-mobilisation-defined');
    const end = text.indexOf('  - id: rosstat-ceased-reporting-deaths');
    writeFileSync(claims, (text.slice(0, start) + text.slice(end)).replace('id: kobak-request-refused', 'id: kobak-request-refused-by-rosstat'));
    // The other report's relation follows the rename.
    const other = join(content, 'claims/crypto-mobilization-popular-front.yaml');
    writeFileSync(other, readFileSync(other, 'utf8').replace('claim: kobak-request-refused,', 'claim: kobak-request-refused-by-rosstat,'));

    const build = (out: string): void => {
      const r = spawnSync('npx', ['astro', 'build', '--outDir', out], {
        cwd: ROOT,
        env: { ...process.env, CONTENT_DIR: content },
        encoding: 'utf8',
        timeout: 150_000,
      });
      expect(r.status, r.stderr).toBe(0);
    };

    build(join(dir, 'out1'));
    const before = checkPermalinks(PERMALINKS, builtSite(join(dir, 'out1')), redirectsOf(content));
    expect(before).toEqual([
      '/articles/hidden-war-deaths/#crypto-mobilisation-defined: anchor "crypto-mobilisation-defined" is gone from the report; declare a redirect in content/redirects.yaml',
      '/articles/hidden-war-deaths/#kobak-request-refused: anchor "kobak-request-refused" is gone from the report; declare a redirect in content/redirects.yaml',
      '/claims/crypto-mobilisation-defined/: no longer built; declare a redirect in content/redirects.yaml',
      '/claims/kobak-request-refused/: no longer built; declare a redirect in content/redirects.yaml',
    ]);

    writeFileSync(
      join(content, 'redirects.yaml'),
      [
        'redirects:',
        '  - { from: crypto-mobilisation-defined, article: hidden-war-deaths, note: "Removed in a test." }',
        '  - { from: kobak-request-refused, to: kobak-request-refused-by-rosstat, note: "Renamed in a test." }',
        '',
      ].join('\n'),
    );
    build(join(dir, 'out2'));
    const out2 = join(dir, 'out2');
    expect(checkPermalinks(PERMALINKS, builtSite(out2), redirectsOf(content))).toEqual([]);
    const removed = readFileSync(join(out2, 'claims/crypto-mobilisation-defined/index.html'), 'utf8');
    expect(removed).toMatch(/http-equiv="refresh" content="0;url=\/articles\/hidden-war-deaths\/"/);
    const renamed = readFileSync(join(out2, 'claims/kobak-request-refused/index.html'), 'utf8');
    expect(renamed).toMatch(/http-equiv="refresh" content="0;url=\/claims\/kobak-request-refused-by-rosstat\/"/);
    // The old fragment lands on the renamed claim's quote.
    expect(readFileSync(join(out2, 'articles/hidden-war-deaths/index.html'), 'utf8')).toContain(
      '<span id="kobak-request-refused" class="claim-alias"></span><mark class="claim" data-claim="kobak-request-refused-by-rosstat"',
    );
  });
});
