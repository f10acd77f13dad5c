import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import {
  buildSearchIndex,
  chunkFirstWord,
  fragmentSources,
  fragmentUrl,
  indexedPages,
  indexFolderIntact,
  indexRecordPath,
  indexUpToDate,
  installedPagefind,
  keepReliable,
  listFiles,
  namedIndexFiles,
  pruneIndex,
} from '../../src/lib/search-index';
import { tempFolder } from './helpers';

// The index step runs the real pagefind over small sites of a few report pages, each test in
// folders of its own (the record of the last run too, not the project's build caches).

const ROOT = join(import.meta.dirname, '../..');
const folder = (): string => tempFolder('index');

/** A report page as pagefind reads ours: an indexed body, a filter, words of its own. */
const page = (title: string, words: string, topic: string): string =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body>` +
  `<h1>${title}</h1><p>${words}</p><span data-pagefind-filter="topic">${topic}</span></main></body></html>`;

const PAGES: Record<string, [string, string, string]> = {
  one: ['Report one', 'Covert mobilization in the regions, officials said.', 'Mobilization'],
  two: ['Report two', 'Losses were concealed, relatives reported.', 'Losses'],
  three: ['Report three', 'A second wave was rumoured in September.', 'Mobilization'],
};

/** A built site of the pages given (each at articles/<name>/index.html), in a new folder. */
function site(pages: Record<string, [string, string, string]> = PAGES): string {
  const dir = folder();
  for (const [name, [title, words, topic]] of Object.entries(pages)) {
    mkdirSync(join(dir, 'articles', name), { recursive: true });
    writeFileSync(join(dir, 'articles', name, 'index.html'), page(title, words, topic));
  }
  return dir;
}

/** Each file of a site's index with a digest of its bytes. */
const digests = (siteDir: string): Record<string, string> =>
  Object.fromEntries(
    Object.keys(listFiles(join(siteDir, 'pagefind')))
      .sort()
      .map((f) => [
        f,
        createHash('sha256')
          .update(readFileSync(join(siteDir, 'pagefind', f)))
          .digest('hex'),
      ]),
  );

const index = (siteDir: string, cacheDir: string) => buildSearchIndex(ROOT, siteDir, { cacheDir, quiet: true });
const fragmentsOf = (siteDir: string, folder = 'fragment'): string[] =>
  readdirSync(join(siteDir, 'pagefind', folder)).sort();
const fragments = (siteDir: string): string[] => fragmentsOf(siteDir);

describe('the search index step', () => {
  test('an index rebuilt in the kept folder is byte-identical to one written whole, its unchanged files not written again', () => {
    const [warm, cache] = [site(), folder()];
    expect(index(warm, cache)).toEqual({ kept: false, reused: 0, clash: false });
    const before = new Map(fragments(warm).map((f) => [f, statSync(join(warm, 'pagefind/fragment', f)).mtimeMs]));

    const edited = {
      ...PAGES,
      two: ['Report two', 'Losses were hidden, relatives reported.', 'Losses'] as [string, string, string],
    };
    writeFileSync(join(warm, 'articles/two/index.html'), page(...edited.two));
    // The fragments of the two pages that did not change are kept.
    expect(index(warm, cache)).toEqual({ kept: true, reused: 2, clash: false });

    const cold = site(edited);
    expect(index(cold, folder()).kept).toBe(false);
    const [w, c] = [digests(warm), digests(cold)];
    expect(Object.keys(w)).toEqual(Object.keys(c));
    expect(Object.keys(c).filter((f) => w[f] !== c[f])).toEqual([]);

    // Two of three fragments were there before and left as they were; one is new.
    const after = fragments(warm);
    const kept = after.filter((f) => before.get(f) === statSync(join(warm, 'pagefind/fragment', f)).mtimeMs);
    expect(after).toHaveLength(3);
    expect(kept).toHaveLength(2);
  });

  test('a folder changed since the last run (a file cut short, a file added) is written whole again', () => {
    const [warm, cache] = [site(), folder()];
    index(warm, cache);
    const cold = site();
    index(cold, folder());
    // A fragment cut short, as a stopped run leaves one: its name still says it is right.
    const fragment = join(warm, 'pagefind/fragment', fragments(warm)[0]!);
    writeFileSync(fragment, readFileSync(fragment).subarray(0, 10));
    writeFileSync(join(warm, 'pagefind/fragment/en_0000000.pf_fragment'), 'stale');

    expect(index(warm, cache)).toEqual({ kept: false, reused: 0, clash: false });
    expect(digests(warm)).toEqual(digests(cold));
    expect(gunzipSync(readFileSync(fragment)).subarray(0, 12).toString()).toBe('pagefind_dcd');
  });

  test('a folder with no built site is refused in one line that says to build first', () => {
    const missing = join(folder(), 'dist');
    expect(() => index(missing, folder())).toThrow(
      `${missing}: no built site here: build it first (npm run build, or astro build then npm run index)`,
    );
  });

  test('a run that fails leaves no record: the next run does not trust the folder', () => {
    const [warm, cache] = [site(), folder()];
    index(warm, cache);
    const record = indexRecordPath(cache, realpathSync(warm));
    expect(existsSync(record)).toBe(true);
    // No word to index: pagefind stops with an error.
    const empty = '<!doctype html><html lang="en"><body><main data-pagefind-body></main></body></html>';
    for (const name of Object.keys(PAGES)) writeFileSync(join(warm, 'articles', name, 'index.html'), empty);
    expect(() => index(warm, cache)).toThrow(/pagefind stopped \(exit status 1\).*not able to build an index/s);
    expect(existsSync(record)).toBe(false);
    for (const [name, p] of Object.entries(PAGES))
      writeFileSync(join(warm, 'articles', name, 'index.html'), page(...p));
    expect(index(warm, cache).kept).toBe(false);
  });

  test('a site with no report page is refused in one line, before pagefind runs', () => {
    const [warm, cache] = [site(), folder()];
    renameSync(join(warm, 'articles'), join(warm, 'elsewhere'));
    expect(() => index(warm, cache)).toThrow(
      `${warm}: no report page to index (articles/*/index.html): a site with no report has nothing to search`,
    );
  });

  test('the folder is trusted only as the last run of this pagefind left it, for this site', () => {
    const [warm, cache] = [site(), folder()];
    index(warm, cache);
    const record = indexRecordPath(cache, realpathSync(warm));
    const dir = join(warm, 'pagefind');
    const { version } = installedPagefind(ROOT);
    expect(indexFolderIntact(record, warm, dir, version)).toBe(true);
    expect(indexFolderIntact(record, warm, dir, '0.0.1')).toBe(false);
    expect(indexFolderIntact(record, site(), dir, version)).toBe(false);
    const file = join(dir, 'fragment', fragments(warm)[0]!);
    const when = statSync(file).mtime;
    utimesSync(file, new Date(when.getTime() + 5000), new Date(when.getTime() + 5000));
    expect(indexFolderIntact(record, warm, dir, version)).toBe(false);
    // A file removed, on an index run again (the touched file made it write the folder whole).
    expect(index(warm, cache).kept).toBe(false);
    expect(indexFolderIntact(record, warm, dir, version)).toBe(true);
    rmSync(join(dir, 'filter'), { recursive: true });
    expect(indexFolderIntact(record, warm, dir, version)).toBe(false);
  });

  test('a page or an index file rewritten with its size and modification time put back is not trusted (cp -p)', async () => {
    const [warm, cache] = [site(), folder()];
    // A whole second, which the file system keeps exactly and `utimesSync` can put back exactly.
    const second = 1_700_000_000;
    const two = join(warm, 'articles/two/index.html');
    utimesSync(two, second, second);
    index(warm, cache);
    const recordPath = indexRecordPath(cache, realpathSync(warm));
    const dir = join(warm, 'pagefind');
    const { version } = installedPagefind(ROOT);
    // An index file dated the same way, and recorded so, as if the run had left it like that.
    const fragment = join(dir, 'fragment', fragments(warm)[0]!);
    utimesSync(fragment, second, second);
    const record = JSON.parse(readFileSync(recordPath, 'utf8')) as {
      files: Record<string, [number, number, number]>;
      fragments: Record<string, [string, number, number, number]>;
    };
    const st = statSync(fragment);
    record.files[`fragment/${fragments(warm)[0]!}`] = [st.size, st.mtimeMs, st.ctimeMs];
    writeFileSync(recordPath, JSON.stringify(record));
    expect(indexFolderIntact(recordPath, realpathSync(warm), dir, version)).toBe(true);
    // Later than the file system's coarsest clock (a second, on some), each rewritten with bytes
    // of the same length and its modification time put back.
    await new Promise((r) => setTimeout(r, 1_100));
    const bytes = readFileSync(fragment);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 1, bytes.length - 1);
    writeFileSync(fragment, bytes);
    utimesSync(fragment, second, second);
    expect(statSync(fragment).mtimeMs).toBe(st.mtimeMs);
    expect(indexFolderIntact(recordPath, realpathSync(warm), dir, version)).toBe(false);
    const text = readFileSync(two, 'utf8');
    writeFileSync(two, text.replace('Losses', 'Lossez'));
    utimesSync(two, second, second);
    const kept = keepReliable(dir, realpathSync(warm), record.fragments);
    expect([...kept.values()].map(([url]) => url).sort()).toEqual(['/articles/one/', '/articles/three/']);
  });

  test('a record edited into another shape is not trusted: the folder is written whole, and the step does not stop', () => {
    const [warm, cache] = [site(), folder()];
    index(warm, cache);
    const record = indexRecordPath(cache, realpathSync(warm));
    const saved = JSON.parse(readFileSync(record, 'utf8')) as {
      fragments: Record<string, unknown>;
      files: Record<string, unknown>;
    };
    const fragment = Object.keys(saved.fragments)[0]!;
    const file = Object.keys(saved.files)[0]!;
    const before = digests(warm);
    for (const tampered of [
      { ...saved, fragments: { ...saved.fragments, [fragment]: 5 } },
      { ...saved, fragments: { ...saved.fragments, [fragment]: [7, 0, 0, 0] } },
      // A record of the format before the change time was kept: three fields, not trusted.
      { ...saved, fragments: { ...saved.fragments, [fragment]: (saved.fragments[fragment] as unknown[]).slice(0, 3) } },
      // A stamp as an object with the right numbers under "0" and "1": equal field by field, but not a record's shape.
      { ...saved, files: { ...saved.files, [file]: { ...(saved.files[file] as number[]) } } },
      { ...saved, fragments: [] },
    ]) {
      writeFileSync(record, JSON.stringify(tampered));
      const run = index(warm, cache);
      expect(run.kept).toBe(false);
      expect(digests(warm)).toEqual(before);
    }
    // And the record the last run left is trusted again.
    expect(index(warm, cache).kept).toBe(true);
  });

  test('an index missing a file it names, or with unreadable metadata, is refused, naming the file', () => {
    const warm = site();
    index(warm, folder());
    const dir = join(warm, 'pagefind');
    const named = namedIndexFiles(dir);
    // Every fragment, chunk and filter file the index wrote is named, and nothing else of its folders.
    const written = Object.keys(listFiles(dir)).filter((f) => /^(fragment|index|filter)\/|\.pf_meta$/.test(f));
    expect([...named].sort()).toEqual(written.sort());
    rmSync(join(dir, fragments(warm)[1]!.replace(/^/, 'fragment/')));
    expect(() => pruneIndex(dir)).toThrow(
      /the search index is incomplete, 1 file\(s\) it names are missing \(fragment\/en_/,
    );
    const meta = written.find((f) => f.endsWith('.pf_meta'))!;
    const entry = join(dir, 'pagefind-entry.json');
    const entryText = readFileSync(entry, 'utf8');
    writeFileSync(entry, '{"version":"1.6.0"}');
    expect(() => namedIndexFiles(dir)).toThrow(
      /pagefind-entry\.json: not a pagefind entry file \(it lists no languages\)/,
    );
    writeFileSync(entry, entryText);
    writeFileSync(join(dir, meta), 'not gzip');
    expect(() => namedIndexFiles(dir)).toThrow(
      new RegExp(`${meta.replace(/\./g, '\\.')}: the metadata of language "en" cannot be read`),
    );
  });
  test('fragments of unchanged pages and the word index are kept for the next run; filters and metadata are written by every run', () => {
    const [warm, cache] = [site(), folder()];
    index(warm, cache);
    const record = JSON.parse(readFileSync(indexRecordPath(cache, realpathSync(warm)), 'utf8')) as {
      fragments: Record<string, [string, number, number, number]>;
    };
    // Each fragment is recorded with its page's URL.
    expect(
      Object.values(record.fragments)
        .map(([url]) => url)
        .sort(),
    ).toEqual(['/articles/one/', '/articles/three/', '/articles/two/']);
    // Page two touched (rendered again, say): its fragment is not trusted, the others are.
    const two = join(warm, 'articles/two/index.html');
    const later = new Date(statSync(two).mtimeMs + 5000);
    utimesSync(two, later, later);
    const kept = keepReliable(join(warm, 'pagefind'), realpathSync(warm), record.fragments);
    expect([...kept.values()].map(([url]) => url).sort()).toEqual(['/articles/one/', '/articles/three/']);
    const left = Object.keys(listFiles(join(warm, 'pagefind'))).filter((f) =>
      /^(fragment|index|filter)\/|\.pf_meta$/.test(f),
    );
    const chunks = left.filter((f) => f.startsWith('index/'));
    expect(chunks.length).toBeGreaterThan(0);
    expect(left.sort()).toEqual([...kept.keys(), ...chunks].sort());
  });

  test('a kept fragment whose name the new index gives another page is caught, and the folder written whole', () => {
    const [warm, cache] = [site(), folder()];
    index(warm, cache);
    const cold = site();
    index(cold, folder());
    // As after a clash of short names: the record says the fragment under page two's name is page
    // three's, and page three's own fragment is not there yet (the run writes it).
    const recordFile = indexRecordPath(cache, realpathSync(warm));
    const record = JSON.parse(readFileSync(recordFile, 'utf8')) as {
      files: Record<string, unknown>;
      fragments: Record<string, [string, number, number, number]>;
    };
    const byUrl = Object.fromEntries(Object.entries(record.fragments).map(([f, [url]]) => [url, f]));
    const [two, three] = [byUrl['/articles/two/']!, byUrl['/articles/three/']!];
    record.fragments[two] = record.fragments[three]!;
    delete record.fragments[three];
    delete record.files[three];
    rmSync(join(warm, 'pagefind', three));
    writeFileSync(recordFile, JSON.stringify(record));

    expect(index(warm, cache)).toEqual({ kept: false, reused: 0, clash: true });
    expect(digests(warm)).toEqual(digests(cold));
  });
  test('a kept chunk of the word index whose name the new index gives other words is caught, and the folder written whole', () => {
    const [warm, cache] = [site(), folder()];
    index(warm, cache);
    const edited = {
      ...PAGES,
      two: ['Report two', 'Losses were hidden, relatives reported.', 'Losses'] as [string, string, string],
    };
    const cold = site(edited);
    index(cold, folder());
    // As after a clash of short names: a file of the last run, under the name the new index gives
    // its first chunk, holds a chunk of other words (another site's).
    const newChunk = fragmentsOf(cold, 'index')[0]!;
    const other = site({ z: ['Zebra', 'Zebras yawn.', 'Zoo'] });
    index(other, folder());
    const planted = join(warm, 'pagefind/index', newChunk);
    writeFileSync(planted, readFileSync(join(other, 'pagefind/index', fragmentsOf(other, 'index')[0]!)));
    const recordFile = indexRecordPath(cache, realpathSync(warm));
    const record = JSON.parse(readFileSync(recordFile, 'utf8')) as { files: Record<string, [number, number, number]> };
    const stamp = statSync(planted);
    record.files[`index/${newChunk}`] = [stamp.size, stamp.mtimeMs, stamp.ctimeMs];
    writeFileSync(recordFile, JSON.stringify(record));
    expect(chunkFirstWord(planted)).toBe('yawn');

    writeFileSync(join(warm, 'articles/two/index.html'), page(...edited.two));
    expect(index(warm, cache)).toEqual({ kept: false, reused: 0, clash: true });
    expect(digests(warm)).toEqual(digests(cold));
  });

  test('the index is up to date only while its folder and the report pages are as its last run left and read them', () => {
    const [warm, cache] = [site(), folder()];
    const upToDate = (): boolean => indexUpToDate(ROOT, warm, { cacheDir: cache });
    expect(upToDate()).toBe(false);
    index(warm, cache);
    expect(upToDate()).toBe(true);
    // The list of reports is not read by pagefind (it has nothing indexed, and every build writes
    // its first page again): writing it leaves the index up to date.
    mkdirSync(join(warm, 'articles/page/2'), { recursive: true });
    writeFileSync(join(warm, 'articles/index.html'), page('Reports', 'All reports.', 'Mobilization'));
    writeFileSync(join(warm, 'articles/page/2/index.html'), page('Reports, page 2', 'More reports.', 'Losses'));
    expect(Object.keys(indexedPages(realpathSync(warm))).sort()).toEqual([
      'articles/one/index.html',
      'articles/three/index.html',
      'articles/two/index.html',
    ]);
    expect(upToDate()).toBe(true);
    // What pagefind reads is what is stamped: these list pages have an indexed body here, and
    // pagefind leaves them out all the same (its glob), so the index holds the three reports alone.
    index(warm, cache);
    const indexed = fragments(warm).map((f) => fragmentUrl(join(warm, 'pagefind/fragment', f)));
    expect(indexed.map((url) => `${url.slice(1)}index.html`).sort()).toEqual(
      Object.keys(indexedPages(realpathSync(warm))).sort(),
    );

    // A report page written again (same bytes: the stamp is what is compared), one added, one removed.
    const page2 = join(warm, 'articles/two/index.html');
    writeFileSync(page2, readFileSync(page2));
    expect(upToDate()).toBe(false);
    index(warm, cache);
    expect(upToDate()).toBe(true);
    mkdirSync(join(warm, 'articles/four'));
    writeFileSync(join(warm, 'articles/four/index.html'), page('Report four', 'Words of its own.', 'Losses'));
    expect(upToDate()).toBe(false);
    index(warm, cache);
    rmSync(join(warm, 'articles/four'), { recursive: true });
    expect(upToDate()).toBe(false);
    index(warm, cache);
    expect(upToDate()).toBe(true);

    // An entry file removed (what Astro's build does) or any file of the folder touched.
    const entry = join(warm, 'pagefind/pagefind-entry.json');
    const text = readFileSync(entry);
    rmSync(entry);
    expect(upToDate()).toBe(false);
    writeFileSync(entry, text);
    expect(upToDate()).toBe(false);
    index(warm, cache);
    writeFileSync(join(warm, 'pagefind/pagefind.js'), readFileSync(join(warm, 'pagefind/pagefind.js')));
    expect(upToDate()).toBe(false);
    index(warm, cache);
    expect(upToDate()).toBe(true);

    // A record made with other arguments (a change to the step's code) says nothing.
    const recordFile = indexRecordPath(cache, realpathSync(warm));
    const record = JSON.parse(readFileSync(recordFile, 'utf8')) as { args: string };
    writeFileSync(recordFile, JSON.stringify({ ...record, args: '["--glob","other"]' }));
    expect(upToDate()).toBe(false);
  });

  test('a page written again while pagefind reads it is recorded with its stamp from before the run', () => {
    const [warm, cache] = [site(), folder()];
    index(warm, cache);
    const real = realpathSync(warm);
    const indexDir = join(real, 'pagefind');
    // The stamps the step takes before pagefind reads the pages; then page two is written again,
    // as if while pagefind ran. Its fragment is taken as made from the page as it was before.
    const read = indexedPages(real);
    const file = join(real, 'articles/two/index.html');
    writeFileSync(file, page('Report two', 'Losses were hidden, relatives reported.', 'Losses'));
    utimesSync(file, new Date(Date.now() + 5000), new Date(Date.now() + 5000));
    const sources = fragmentSources(indexDir, real, namedIndexFiles(indexDir), new Map(), read);
    expect(Object.values(sources!).find(([url]) => url === '/articles/two/')).toEqual([
      '/articles/two/',
      ...read['articles/two/index.html']!,
    ]);
    // The record of a run keeps those stamps too, and the next run does not keep the fragment.
    const record = JSON.parse(readFileSync(indexRecordPath(cache, real), 'utf8')) as {
      pages: Record<string, [number, number, number]>;
    };
    expect(Object.keys(record.pages).sort()).toEqual(Object.keys(read).sort());
    expect(index(warm, cache)).toEqual({ kept: true, reused: 2, clash: false });
  });

  test('a record written before the up-to-date check (no stamps of the pages) says the index is not up to date, and its fragments are still kept', () => {
    const [warm, cache] = [site(), folder()];
    index(warm, cache);
    const recordFile = indexRecordPath(cache, realpathSync(warm));
    const {
      pages: _p,
      all: _a,
      args: _g,
      ...older
    } = JSON.parse(readFileSync(recordFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(recordFile, JSON.stringify(older));
    expect(indexUpToDate(ROOT, warm, { cacheDir: cache })).toBe(false);
    expect(index(warm, cache)).toEqual({ kept: true, reused: 3, clash: false });
    expect(indexUpToDate(ROOT, warm, { cacheDir: cache })).toBe(true);
  });

  test('a page written while pagefind runs, after it was read, leaves the index out of date', () => {
    // A project whose pagefind runs the real one, then writes a report page again, as a build or
    // an editor could while the index step runs. The index holds the page as pagefind read it; the
    // record must not take the page on disk for it.
    const project = folder();
    const wrapper = join(project, 'node_modules/pagefind');
    mkdirSync(join(wrapper, 'lib/runner'), { recursive: true });
    writeFileSync(join(wrapper, 'package.json'), readFileSync(join(ROOT, 'node_modules/pagefind/package.json')));
    writeFileSync(
      join(wrapper, 'lib/runner/bin.cjs'),
      `const { spawnSync } = require('node:child_process');
const { writeFileSync } = require('node:fs');
const r = spawnSync(process.execPath, [${JSON.stringify(join(ROOT, 'node_modules/pagefind/lib/runner/bin.cjs'))}, ...process.argv.slice(2)], { stdio: 'inherit' });
if (process.env.CLAIM_LEDGER_TEST_REWRITE) writeFileSync(process.env.CLAIM_LEDGER_TEST_REWRITE, ${JSON.stringify(page('Report two', 'Losses were hidden, relatives reported.', 'Losses'))});
process.exit(r.status ?? 1);
`,
    );
    const [warm, cache] = [site(), folder()];
    const two = join(realpathSync(warm), 'articles/two/index.html');
    const before = statSync(two);
    process.env['CLAIM_LEDGER_TEST_REWRITE'] = two;
    try {
      buildSearchIndex(project, warm, { cacheDir: cache, quiet: true });
    } finally {
      delete process.env['CLAIM_LEDGER_TEST_REWRITE'];
    }
    expect(readFileSync(two, 'utf8')).toContain('hidden');
    const record = JSON.parse(readFileSync(indexRecordPath(cache, realpathSync(warm)), 'utf8')) as {
      pages: Record<string, [number, number, number]>;
      fragments: Record<string, [string, number, number, number]>;
    };
    expect(record.pages['articles/two/index.html']).toEqual([before.size, before.mtimeMs, before.ctimeMs]);
    expect(Object.values(record.fragments).find(([url]) => url === '/articles/two/')).toEqual([
      '/articles/two/',
      before.size,
      before.mtimeMs,
      before.ctimeMs,
    ]);
    expect(indexUpToDate(project, warm, { cacheDir: cache })).toBe(false);
    // The next run reads the page again: two of three fragments kept, the index as a cold one's.
    expect(index(warm, cache)).toEqual({ kept: true, reused: 2, clash: false });
    const cold = site({ ...PAGES, two: ['Report two', 'Losses were hidden, relatives reported.', 'Losses'] });
    index(cold, folder());
    expect(digests(warm)).toEqual(digests(cold));
  });

  test('a pagefind configuration file where the step is run from changes nothing: the index comes from the arguments alone', () => {
    const here = process.cwd();
    const elsewhere = folder();
    // Pagefind reads one from its working directory: this one would leave every paragraph out.
    writeFileSync(join(elsewhere, 'pagefind.yml'), 'exclude_selectors:\n  - "p"\n');
    const [warm, cold] = [site(), site()];
    process.chdir(elsewhere);
    try {
      index(warm, folder());
    } finally {
      process.chdir(here);
    }
    index(cold, folder());
    expect(digests(warm)).toEqual(digests(cold));
  });
});
