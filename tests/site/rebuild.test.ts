import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { siteDigests as digests } from './dist';
import { ledgerFrom } from '../unit/helpers';
import { buildSite, copyContent, LEDGER_FIXTURE, ROOT, tempFolder } from './build-site';
import { buildSearchIndex, indexUpToDate, type IndexRun } from '../../src/lib/search-index';
import { outputRecord } from '../../src/lib/build-records';
import { buildCacheDir } from '../../src/lib/content/parse-cache';

/** `npm run build` as the tests run it: the site, then its search index; what the index step did. */
function build(content: string, out: string, env: Record<string, string> = {}): IndexRun | 'up to date' {
  const r = buildSite(out, content, env);
  expect(r.status, r.output).toBe(0);
  // Astro's build leaves the entry to the last build's index only when that index was made from
  // the report pages as the build leaves them: otherwise, without its index step, a site has no
  // search rather than a stale one. The index step then has nothing to do (`npm run index`).
  const entry = existsSync(join(out, 'pagefind/pagefind-entry.json'));
  expect(entry).toBe(indexUpToDate(ROOT, out));
  return entry ? 'up to date' : buildSearchIndex(ROOT, out, { quiet: true });
}

// The outputs of the pages that returned a cache key, from Astro's incremental-build manifest.
function keyedPages(): string[] {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'node_modules/.astro/incremental-build.json'), 'utf8')) as {
    routes: Record<string, { paths: Record<string, { outputFile: string }> }>;
  };
  return Object.values(manifest.routes)
    .flatMap((r) => Object.values(r.paths).map((p) => p.outputFile))
    .sort();
}

describe('rebuild with caches kept', () => {
  // The content cache re-renders only what changed, pages whose cache key is unchanged are not
  // rendered again (Astro's incremental build), and the output folder is kept (not emptied)
  // between builds; a rebuild into it must still be exactly a cold build into an empty folder.
  test(
    'after editing one report’s claims, the output is byte-identical to a cold build’s',
    { timeout: 900_000 },
    () => {
      const dir = tempFolder('rebuild');
      const content = copyContent(dir);
      const warmOut = join(dir, 'warm');
      build(content, warmOut);

      // Files no build of this content writes: a retired claim's page and citation, an old asset.
      // The rebuild must remove them.
      const stale = ['/claims/retired-claim/index.html', '/claims/retired-claim/cite.bib', '/_astro/old-build.js'];
      const plant = (files: string[]): void => {
        for (const f of files) {
          mkdirSync(join(warmOut, f, '..'), { recursive: true });
          writeFileSync(join(warmOut, f), 'stale');
        }
      };
      plant(stale);

      // The claim to edit and another to leave alone, picked from the data, not named: the first
      // claim that another relates to (so pages besides its own show it), and the first claim of
      // another report.
      const ledger = ledgerFrom(content);
      const editedClaim = ledger.claims.find((c) => c.related.length > 0)!;
      const editedId = editedClaim.id;
      const otherId = ledger.articles.find((a) => a !== editedClaim.article)!.claims[0]!.id;
      const file = join(content, `claims/${editedClaim.article.id}.yaml`);
      const text = readFileSync(file, 'utf8');
      const at = text.indexOf(`- id: ${editedId}\n`);
      expect(at).toBeGreaterThanOrEqual(0);
      const edited = text.slice(0, at) + text.slice(at).replace(/statement: (['"]?)(.)/, 'statement: $1Edited, $2');
      expect(edited).not.toBe(text);
      writeFileSync(file, edited);
      const otherBib = join(warmOut, `claims/${otherId}/cite.bib`);
      const citeTime = (f: string): number => statSync(f).mtimeMs;
      const [editedBefore, otherBefore] = [citeTime(join(warmOut, `claims/${editedId}/cite.bib`)), citeTime(otherBib)];
      // The pages with a cache key (report, claim, source, topic and event pages), as the first
      // build recorded them; a page the rebuild reused is left as it was, so its time is unchanged.
      const keyed = keyedPages();
      const keyedBefore = new Map(keyed.map((f) => [f, citeTime(join(warmOut, f))]));
      const fragments = (): Map<string, number> => {
        const dir = join(warmOut, 'pagefind/fragment');
        return new Map(readdirSync(dir).map((f) => [f, citeTime(join(dir, f))]));
      };
      const fragmentsBefore = fragments();
      // The files under /api/ are written after the pages, each only when its bytes change.
      const apiFiles = (): Map<string, [bytes: string, time: number]> => {
        const dir = join(warmOut, 'api');
        return new Map(readdirSync(dir).map((f) => [f, [readFileSync(join(dir, f), 'utf8'), citeTime(join(dir, f))]]));
      };
      const apiBefore = apiFiles();
      // The sitemap's files, made again only when its entries (each page's URL and day) change.
      const sitemaps = readdirSync(warmOut).filter((f) => /^sitemap-.*\.xml$/.test(f));
      expect(sitemaps).toContain('sitemap-index.xml');
      const sitemapsBefore = new Map(sitemaps.map((f) => [f, citeTime(join(warmOut, f))]));
      // The search index keeps its folder: the fragments of reports that did not change are not
      // written again, and what the new index does not name (the edited report's old fragment) goes.
      const index = build(content, warmOut);
      expect(index).toMatchObject({ kept: true });
      expect(index !== 'up to date' && index.reused).toBeGreaterThan(0);
      const fragmentsAfter = fragments();
      expect([...fragmentsAfter].filter(([f, t]) => fragmentsBefore.get(f) === t).length).toBeGreaterThan(0);
      expect(fragmentsAfter.size).toBe(fragmentsBefore.size);
      const apiAfter = apiFiles();
      expect([...apiAfter.keys()]).toEqual([...apiBefore.keys()]);
      const apiChanged = [...apiAfter].filter(([f, [bytes]]) => bytes !== apiBefore.get(f)![0]).map(([f]) => f);
      expect(apiChanged).toContain('claims.json');
      expect(apiChanged.length).toBeLessThan(apiAfter.size);
      for (const [f, [bytes, time]] of apiAfter) {
        if (apiChanged.includes(f)) expect(time, f).toBeGreaterThan(apiBefore.get(f)![1]);
        else expect(time, f).toBe(apiBefore.get(f)![1]);
        expect(bytes.length, f).toBeGreaterThan(0);
      }
      // An edited statement changes no page's URL or day: the sitemap was kept as it was.
      for (const [f, time] of sitemapsBefore) expect(citeTime(join(warmOut, f)), f).toBe(time);
      const rendered = keyed.filter((f) => citeTime(join(warmOut, f)) !== keyedBefore.get(f));
      // Exactly the pages that show the edited claim (link to it) were rendered again: its own page,
      // its report's, its claimant's, its topics' and events', the claims that relate to it.
      const showing = keyed.filter((f) => readFileSync(join(warmOut, f), 'utf8').includes(`/claims/${editedId}/`));
      expect(showing.length).toBeGreaterThan(3);
      expect(showing.length).toBeLessThan(keyed.length / 2);
      expect(rendered).toEqual(showing);
      // A third build with nothing changed renders none of them again, though it is started
      // differently: the environment that is not the site's settings (here the shell's `_`, the
      // command that started the build, and a variable of no meaning to the site) does not reach
      // the pages' code, so it cannot change their module-graph hash.
      const keyedAfter = new Map(keyed.map((f) => [f, citeTime(join(warmOut, f))]));
      // Files in the search index's folder that its last run did not leave: a script with other
      // bytes and a fragment no index names. The index step must not trust the folder.
      const staleIndex = ['/pagefind/pagefind.js', '/pagefind/fragment/en_0000000.pf_fragment'];
      plant(staleIndex);
      // And a sitemap file with other bytes: it must be made again, not kept on its record.
      plant(['/sitemap-index.xml']);
      const third = build(content, warmOut, { _: '/usr/local/bin/another-launcher', UNRELATED_TO_THE_SITE: 'x' });
      expect(third).toMatchObject({ kept: false });
      expect(keyed.filter((f) => citeTime(join(warmOut, f)) !== keyedAfter.get(f))).toEqual([]);
      // Nothing changed since: no report page is written again, Astro leaves the index whole, and
      // the index step has nothing to do.
      const entryFile = join(warmOut, 'pagefind/pagefind-entry.json');
      const entryBefore = statSync(entryFile).mtimeMs;
      expect(build(content, warmOut)).toBe('up to date');
      expect(statSync(entryFile).mtimeMs).toBe(entryBefore);

      rmSync(join(ROOT, 'node_modules/.astro'), { recursive: true, force: true });
      rmSync(join(ROOT, 'node_modules/.cache/claim-ledger'), { recursive: true, force: true });
      build(content, join(dir, 'cold'));

      const warm = digests(warmOut);
      const cold = digests(join(dir, 'cold'));
      // The edit is in the output (so the comparison is of the edited site), and nothing differs.
      expect(readFileSync(join(dir, 'cold/api/claims.json'), 'utf8')).toContain('Edited, ');
      for (const f of stale) expect(warm[f], f).toBeUndefined();
      expect(warm['/pagefind/fragment/en_0000000.pf_fragment']).toBeUndefined();
      // The search index is part of the comparison.
      expect(Object.keys(cold).filter((f) => f.startsWith('/pagefind/fragment/')).length).toBeGreaterThan(0);
      expect(Object.keys(warm)).toEqual(Object.keys(cold));
      expect(Object.keys(cold).filter((f) => warm[f] !== cold[f])).toEqual([]);
      // Citation files are written only when their bytes change: the edited claim's was, another's was not.
      expect(citeTime(join(warmOut, `claims/${editedId}/cite.bib`))).toBeGreaterThan(editedBefore);
      expect(citeTime(otherBib)).toBe(otherBefore);
    },
  );

  // Astro's page-key manifest is one per project, and a page whose key it holds is left as found in
  // the output folder. A build of other content into another folder in between must not make the
  // next build into the first folder keep that folder's old pages (src/integrations/output-folder.ts).
  test(
    'a build into another folder in between leaves no page of the earlier content behind',
    { timeout: 600_000 },
    () => {
      const dir = tempFolder('two-folders');
      const content = copyContent(dir, LEDGER_FIXTURE);
      const [first, second] = [join(dir, 'first'), join(dir, 'second')];
      build(content, first);
      // Every claim's statement edited: every claim page and every page listing a claim changes.
      for (const name of readdirSync(join(content, 'claims'))) {
        const file = join(content, 'claims', name);
        writeFileSync(file, readFileSync(file, 'utf8').replace(/statement: (['"]?)(.)/g, 'statement: $1Edited, $2'));
      }
      // Records about an output folder that is gone (a test's temporary folder): the build's
      // pruning step sweeps them (src/lib/build-records.ts); those of folders that exist stay.
      const cache = buildCacheDir(ROOT);
      const gone = join(dir, 'gone');
      const goneRecords = (['written', 'api', 'folders'] as const).map((kind) => outputRecord(cache, kind, gone));
      for (const f of goneRecords) writeFileSync(f, JSON.stringify({ root: gone, files: {} }));
      build(content, second);
      for (const f of goneRecords) expect(existsSync(f), f).toBe(false);
      // (The build names its output folder with a trailing slash.)
      expect(existsSync(outputRecord(cache, 'written', `${first}/`))).toBe(true);
      build(content, first);
      const [a, b] = [digests(first), digests(second)];
      expect(readFileSync(join(second, 'api/claims.json'), 'utf8')).toContain('Edited, ');
      expect(Object.keys(a)).toEqual(Object.keys(b));
      expect(Object.keys(a).filter((f) => a[f] !== b[f])).toEqual([]);
    },
  );
});
