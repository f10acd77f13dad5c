import { createHash } from 'node:crypto';
import { rmSync, utimesSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterEach, describe, expect, test } from 'vitest';
import { tempFolder } from './helpers';
import { readValidatedCorpus } from '../../src/lib/content/corpus';
import {
  hasReportBody,
  pruneReportBodies,
  readReportBody,
  reportBodiesDir,
  reportBodyName,
} from '../../src/lib/content/report-bodies';
import { articlesLoader, claimAnchorsByReport } from '../../src/loaders/articles';

// The articles loader (src/loaders/articles.ts) renders each report and stores its entry in
// Astro's content store, which Astro bundles whole into every build as one module. The entry holds
// the report's record and digest only: neither the Markdown, nor the anchors passed in the render's
// frontmatter for the plugin, nor the HTML, which is kept beside the store by digest
// (src/lib/content/report-bodies.ts) for the report page to read.

interface Stored {
  id: string;
  body?: string;
  digest?: string;
  rendered?: unknown;
}

// The loader keeps bodies under the working directory's caches, as a build does; the stand-in
// renderer's bodies (and digests) are removed after each test.
const written = new Set<string>();
afterEach(() => {
  for (const name of written) rmSync(join(reportBodiesDir(process.cwd()), name), { force: true });
  written.clear();
});

/**
 * A content store and the parts of a loader context the articles loader uses, over the real
 * corpus. `renders` lists the reports rendered (stored) in order; `viaAstro` what went to Astro's
 * `renderMarkdown` (a report the lean pipeline leaves to it).
 */
function fakeContext() {
  const store = new Map<string, Stored>();
  const renders: string[] = [];
  const viaAstro: string[] = [];
  const context = {
    store: {
      get: (id: string) => store.get(id),
      set: (entry: Stored) => {
        written.add(reportBodyName(entry.id, entry.digest!));
        renders.push(entry.id);
        return store.set(entry.id, entry);
      },
      keys: () => [...store.keys()],
      delete: (id: string) => store.delete(id),
    },
    generateDigest: (data: unknown) => createHash('sha256').update(JSON.stringify(data)).digest('hex'),
    // As Astro's: the frontmatter given back in the metadata, with the HTML and headings.
    renderMarkdown: async (content: string) => {
      viaAstro.push(content);
      const frontmatter = JSON.parse(content.split('\n')[1]!) as Record<string, unknown>;
      return {
        html: `<p>report ${viaAstro.length}</p>`,
        metadata: { headings: [{ depth: 1, slug: 'h', text: 'H' }], imagePaths: [], frontmatter },
      };
    },
    config: { root: pathToFileURL(`${process.cwd()}/`) },
    watcher: undefined,
  };
  return { store, renders, viaAstro, context: context as unknown as LoaderContext };
}

describe('the articles loader', () => {
  test('keeps each report’s HTML beside the store, and stores neither it, nor its Markdown, nor the anchors', async () => {
    const { store, renders, viaAstro, context } = fakeContext();
    await articlesLoader().load(context);
    const corpus = readValidatedCorpus();
    expect([...store.keys()].sort()).toEqual(corpus.articles.map((a) => a.id).sort());
    expect(renders.length).toBe(corpus.articles.length);
    // The real reports hold no raw HTML, image, code or link: the lean pipeline renders them all.
    expect(viaAstro).toEqual([]);
    const anchors = claimAnchorsByReport(corpus);
    for (const [id, entry] of store) {
      // Neither the anchors, nor the Markdown, nor the HTML are in the store…
      expect(Object.keys(entry).sort(), id).toEqual(['data', 'digest', 'filePath', 'id']);
      // …where the HTML is kept by the entry's digest, each claim's quote marked (the anchors did reach the renderer).
      const html = readReportBody(process.cwd(), id, entry.digest!);
      expect(html.match(/<mark /g)?.length ?? 0, id).toBe(anchors.get(id)?.length ?? 0);
      expect(anchors.get(id)?.length ?? 0, id).toBeGreaterThan(0);
    }
  });

  test('with a worker thread rendering part of them, every report is stored with the same HTML', async () => {
    const here = fakeContext();
    await articlesLoader({ renderWorkerFrom: Infinity }).load(here.context);
    const bodies = (store: Map<string, Stored>): Record<string, string> =>
      Object.fromEntries([...store].map(([id, e]) => [id, readReportBody(process.cwd(), id, e.digest!)]));
    const alone = bodies(here.store);
    for (const name of written) rmSync(join(reportBodiesDir(process.cwd()), name), { force: true });
    const shared = fakeContext();
    await articlesLoader({ renderWorkerFrom: 1 }).load(shared.context);
    // In the order of the corpus, as without the worker: the store's order is the build's.
    expect(shared.renders).toEqual(here.renders);
    expect(bodies(shared.store)).toEqual(alone);
    expect(shared.viaAstro).toEqual([]);
  });

  test('a body missing from the caches’ folder is rendered again, and only that one', async () => {
    const { store, renders, context } = fakeContext();
    await articlesLoader().load(context);
    const [id, entry] = [...store][0]!;
    rmSync(join(reportBodiesDir(process.cwd()), reportBodyName(id, entry.digest!)));
    const first = renders.length;
    await articlesLoader().load(context);
    expect(renders.length).toBe(first + 1);
    expect(hasReportBody(process.cwd(), id, entry.digest!)).toBe(true);
  });

  test('a second run with nothing changed renders nothing again', async () => {
    const { renders, context } = fakeContext();
    await articlesLoader().load(context);
    const first = renders.length;
    await articlesLoader().load(context);
    expect(first).toBeGreaterThan(0);
    expect(renders.length).toBe(first);
  });
});

describe('report bodies kept by digest', () => {
  const cwd = tempFolder('report-bodies');
  afterEach(() => rmSync(reportBodiesDir(cwd), { recursive: true, force: true }));

  test('a missing body stops the page with the report named and the fix', () => {
    expect(() => readReportBody(cwd, 'some-report', 'abc123')).toThrow(
      /the rendered text of report "some-report" is missing from .*report-bodies: remove node_modules\/\.astro and build again/,
    );
  });

  test('a report id or digest that is not a plain name is refused, not used as a path', () => {
    expect(() => readReportBody(cwd, '../x', 'abc')).toThrow(/not a file name/);
    expect(() => hasReportBody(cwd, 'x', 'a/b')).toThrow(/not a file name/);
  });

  test('pruning removes old bodies that are not kept, and spares kept and recent ones', () => {
    const dir = reportBodiesDir(cwd);
    mkdirSync(dir, { recursive: true });
    const old = (Date.now() - 2 * 3_600_000) / 1000;
    for (const name of ['kept.a.html', 'stale.b.html', 'recent.c.html']) writeFileSync(join(dir, name), name);
    utimesSync(join(dir, 'kept.a.html'), old, old);
    utimesSync(join(dir, 'stale.b.html'), old, old);
    expect(pruneReportBodies(cwd, new Set(['kept.a.html']))).toBe(1);
    expect(['kept.a.html', 'stale.b.html', 'recent.c.html'].map((n) => existsSync(join(dir, n)))).toEqual([
      true,
      false,
      true,
    ]);
  });
});
