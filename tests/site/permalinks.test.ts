import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readCorpus } from '../../src/lib/content/read';
import { formatProblem, validateCorpus } from '../../src/lib/content/validate';
import { brokenPermalinks, permalinksFile, publishedPermalinks, type BuiltSite } from '../../src/lib/permalinks';
import type { Redirect } from '../../src/schemas/redirect';
import { buildSite, copyContent, LEDGER_FIXTURE, ROOT, tempFolder } from './build-site';
import { DIST } from './dist';
import { ledgerFrom } from '../unit/helpers';
import { apiClaimsSchema, apiEventsSchema } from '../../src/schemas/api';
import { CSP } from '../../src/lib/site';
import { SITE_URL } from '../../src/lib/settings';

// The list as the validator reads it (every line valid, or the build would have failed).
const PROJECT = validateCorpus(readCorpus(join(ROOT, 'content')));
const PERMALINKS = PROJECT.permalinks.map((p) => p.url);

/** The permanent URLs a built site publishes, read from its JSON exports: claims, their anchors, events. */
function builtPermalinks(dist: string): string[] {
  const read = (name: string): unknown => JSON.parse(readFileSync(join(dist, 'api', name), 'utf8'));
  const path = (url: string): string => {
    const u = new URL(url);
    return u.pathname + u.hash;
  };
  const claims = apiClaimsSchema
    .parse(read('claims.json'))
    .claims.flatMap((c) => [path(c.url), path(c.article.anchorUrl)]);
  return [...claims, ...apiEventsSchema.parse(read('events.json')).events.map((e) => path(e.url))];
}

/** A built site on disk, as the durability check sees it. */
function builtSite(dir: string): BuiltSite {
  const file = (path: string): string => join(dir, decodeURIComponent(path), path.endsWith('/') ? 'index.html' : '');
  return {
    hasPage: (path) => existsSync(file(path)) && statSync(file(path)).isFile(),
    hasId: (path, id) => readFileSync(file(path), 'utf8').includes(` id="${id}"`),
  };
}
const redirectsOf = (content: string): Redirect[] => validateCorpus(readCorpus(content)).redirects;

describe('permalink durability', () => {
  test('permalinks.txt is the one beside the content folder', () => {
    expect(permalinksFile(join(ROOT, 'content'))).toBe(join(ROOT, 'permalinks.txt'));
    expect(PROJECT.problems).toEqual([]);
  });

  test('every claim URL ever published still works in the built site', () => {
    // Two per claim at the least (its page and its anchor): a truncated list fails here.
    expect(PERMALINKS.length).toBeGreaterThanOrEqual(2 * PROJECT.claims.length);
    expect(brokenPermalinks(PERMALINKS, builtSite(DIST), PROJECT.redirects)).toEqual([]);
  });

  test('`npm run permalinks` lists exactly what the build publishes: claims, their anchors, events', () => {
    const built = builtPermalinks(DIST);
    expect(built.filter((u) => u.startsWith('/events/')).length).toBeGreaterThan(0);
    expect([...publishedPermalinks(ledgerFrom())].sort()).toEqual([...built].sort());
    // And each is a page (with its anchor) of the built site.
    expect(brokenPermalinks(built, builtSite(DIST), [])).toEqual([]);
  });

  test('every claim and event the site publishes is listed (run `npm run permalinks` after adding claims)', () => {
    const listed = new Set(PERMALINKS);
    expect(builtPermalinks(DIST).filter((u) => !listed.has(u))).toEqual([]);
  });

  // On the fixture corpus, whose permalinks.txt lists every claim and event it publishes: the
  // ids and messages below are written for it.
  test('removing or renaming a claim fails until a redirect is declared; then the redirect serves', () => {
    const dir = tempFolder('permalinks');
    const content = copyContent(dir, LEDGER_FIXTURE);
    const listed = validateCorpus(readCorpus(content)).permalinks.map((p) => p.url);
    expect(listed).toContain('/claims/reed-50000-killed/');
    expect(listed).toContain('/articles/r-autumn/#ridge-averse');
    // Remove one claim outright, and rename another.
    const harbour = join(content, 'claims/r-harbour.yaml');
    const text = readFileSync(harbour, 'utf8');
    const start = text.indexOf('  - id: reed-50000-killed');
    const end = text.indexOf('  - id: reed-covert-campaign');
    expect(start).toBeGreaterThan(0);
    writeFileSync(harbour, text.slice(0, start) + text.slice(end));
    const autumn = join(content, 'claims/r-autumn.yaml');
    writeFileSync(autumn, readFileSync(autumn, 'utf8').replace('id: ridge-averse', 'id: ridge-averse-to-new-wave'));
    // The relations of the other reports follow the rename.
    for (const name of ['r-harbour', 'r-summit']) {
      const file = join(content, `claims/${name}.yaml`);
      const before = readFileSync(file, 'utf8');
      writeFileSync(file, before.replace('claim: ridge-averse,', 'claim: ridge-averse-to-new-wave,'));
      expect(readFileSync(file, 'utf8')).not.toBe(before);
    }

    const build = (out: string, env: Record<string, string> = {}): void => {
      const r = buildSite(out, content, env);
      expect(r.status, r.output).toBe(0);
    };

    // The validator refuses it, naming each line of permalinks.txt that lost its page.
    const refused = validateCorpus(readCorpus(content)).problems.map(formatProblem);
    const how = (id: string, article: string): string =>
      `declare where it went in content/redirects.yaml, e.g. "- { from: ${id}, to: <new-claim-id>, note: 'Renamed.' }" or "- { from: ${id}, article: ${article}, note: 'Removed.' }"`;
    expect(refused.map((l) => l.replace(/^.*permalinks\.txt: line \d+ /, ''))).toEqual([
      `(/articles/r-autumn/#ridge-averse): published claim "ridge-averse" no longer exists; ${how('ridge-averse', 'r-autumn')}`,
      `(/articles/r-harbour/#reed-50000-killed): published claim "reed-50000-killed" no longer exists; ${how('reed-50000-killed', 'r-harbour')}`,
      `(/claims/reed-50000-killed/): published claim "reed-50000-killed" no longer exists; ${how('reed-50000-killed', '<report-id>')}`,
      `(/claims/ridge-averse/): published claim "ridge-averse" no longer exists; ${how('ridge-averse', '<report-id>')}`,
    ]);

    // Built against a list that never published anything (PERMALINKS_FILE names it, for the
    // validator and the feed alike), the fixture list's URLs are broken in the output.
    const unpublished = join(dir, 'unpublished.txt');
    writeFileSync(unpublished, '# Nothing published yet.\n');
    build(join(dir, 'out1'), { PERMALINKS_FILE: unpublished });
    expect(readFileSync(join(dir, 'out1/rss.xml'), 'utf8')).not.toContain('<pubDate>');
    const before = brokenPermalinks(listed, builtSite(join(dir, 'out1')), redirectsOf(content));
    expect(before).toEqual([
      '/articles/r-autumn/#ridge-averse: anchor "ridge-averse" is gone from the report; declare a redirect in content/redirects.yaml',
      '/articles/r-harbour/#reed-50000-killed: anchor "reed-50000-killed" is gone from the report; declare a redirect in content/redirects.yaml',
      '/claims/reed-50000-killed/: no longer built; declare a redirect in content/redirects.yaml',
      '/claims/ridge-averse/: no longer built; declare a redirect in content/redirects.yaml',
    ]);

    // Added to the fixture's own redirects, which the copy keeps.
    writeFileSync(
      join(content, 'redirects.yaml'),
      [
        readFileSync(join(content, 'redirects.yaml'), 'utf8').trimEnd(),
        '  - { from: reed-50000-killed, article: r-harbour, note: "Removed in a test." }',
        '  - { from: ridge-averse, to: ridge-averse-to-new-wave, note: "Renamed in a test." }',
        '',
      ].join('\n'),
    );
    build(join(dir, 'out2'));
    const out2 = join(dir, 'out2');
    expect(brokenPermalinks(listed, builtSite(out2), redirectsOf(content))).toEqual([]);
    // Each retired URL is a page of the site's own: its CSP, a refresh and a canonical link to the
    // target, kept out of search indexes and the sitemap, and a visible link with the note.
    const page = (path: string): string => readFileSync(join(out2, path, 'index.html'), 'utf8');
    const removed = page('claims/reed-50000-killed');
    expect(removed).toContain('<meta http-equiv="refresh" content="0; url=/articles/r-harbour/">');
    expect(removed).toContain(`<link rel="canonical" href="${SITE_URL}/articles/r-harbour/">`);
    expect(removed).toContain(
      '<p class="lede">Removed in a test.</p><p>Its report: <a href="/articles/r-harbour/">Harbour report on the decree</a></p>',
    );
    const renamed = page('claims/ridge-averse');
    expect(renamed).toContain('<meta http-equiv="refresh" content="0; url=/claims/ridge-averse-to-new-wave/">');
    expect(renamed).toContain(`<link rel="canonical" href="${SITE_URL}/claims/ridge-averse-to-new-wave/">`);
    expect(renamed).toContain(
      '<p class="lede">Renamed in a test.</p><p>It is now: <a href="/claims/ridge-averse-to-new-wave/">The Ridge Institute said the leader is averse to a new wave.</a></p>',
    );
    for (const html of [removed, renamed]) {
      expect(html).toMatch(/^<!DOCTYPE html><html lang="en">/);
      expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${CSP}">`);
      expect(html).toContain('<meta name="robots" content="noindex">');
      expect(html).toMatch(/<title>This claim (has a new address|was removed) · Claim Ledger<\/title>/);
    }
    const sitemap = readFileSync(join(out2, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('/claims/ridge-averse-to-new-wave/<');
    expect(sitemap).not.toContain('/claims/ridge-averse/<');
    // The W3C Nu checker and the CSP check the whole built site in `npm test`; here, the two pages.
    for (const path of ['claims/ridge-averse', 'claims/reed-50000-killed']) {
      const nu = spawnSync('node', ['scripts/check-html.mjs', join(out2, path)], { cwd: ROOT, encoding: 'utf8' });
      expect(nu.stdout.trim().split('\n').at(-1), path).toBe('W3C Nu checker: 1 pages, 0 errors');
    }
    // The old fragment lands on the renamed claim's quote.
    expect(readFileSync(join(out2, 'articles/r-autumn/index.html'), 'utf8')).toContain(
      '<span id="ridge-averse" class="claim-alias"></span><mark class="claim" data-claim="ridge-averse-to-new-wave"',
    );
  });
});
