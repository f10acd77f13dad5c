import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { describe, expect, test } from 'vitest';
import { readValidatedCorpus } from '../../src/lib/content/corpus';
import { articlesLoader, claimAnchorsByReport } from '../../src/loaders/articles';

// The articles loader (src/loaders/articles.ts) renders each report into Astro's content store,
// which Astro bundles whole into every build as one module. What no page reads back (the Markdown,
// and the anchors passed in the render's frontmatter for the plugin only) is left out of it; what
// the report page renders (the HTML, the headings) is kept as the renderer gave it.

interface Stored {
  id: string;
  body?: string;
  digest?: string;
  rendered?: { html: string; metadata?: { headings?: unknown[]; frontmatter?: Record<string, unknown> } };
}

/** A content store and the parts of a loader context the articles loader uses, over the real corpus. */
function fakeContext() {
  const store = new Map<string, Stored>();
  const renders: string[] = [];
  const context = {
    store: {
      get: (id: string) => store.get(id),
      set: (entry: Stored) => store.set(entry.id, entry),
      keys: () => [...store.keys()],
      delete: (id: string) => store.delete(id),
    },
    generateDigest: (data: unknown) => createHash('sha256').update(JSON.stringify(data)).digest('hex'),
    // As Astro's: the frontmatter given back in the metadata, with the HTML and headings.
    renderMarkdown: async (content: string) => {
      renders.push(content);
      const frontmatter = JSON.parse(content.split('\n')[1]!) as Record<string, unknown>;
      return {
        html: `<p>report ${renders.length}</p>`,
        metadata: { headings: [{ depth: 1, slug: 'h', text: 'H' }], imagePaths: [], frontmatter },
      };
    },
    config: { root: pathToFileURL(`${process.cwd()}/`) },
    watcher: undefined,
  };
  return { store, renders, context: context as unknown as LoaderContext };
}

describe('the articles loader', () => {
  test('stores each report’s HTML and headings, not its Markdown or the anchors it was rendered with', async () => {
    const { store, renders, context } = fakeContext();
    await articlesLoader().load(context);
    const corpus = readValidatedCorpus();
    expect([...store.keys()].sort()).toEqual(corpus.articles.map((a) => a.id).sort());
    expect(renders.length).toBe(corpus.articles.length);
    const anchors = claimAnchorsByReport(corpus);
    for (const [id, entry] of store) {
      // The anchors did go to the renderer…
      const sent = renders.find((r) => r.includes(`"id":"${anchors.get(id)?.[0]?.id}"`));
      expect(sent, id).toBeDefined();
      // …and neither they nor the Markdown are kept.
      expect(entry.body, id).toBeUndefined();
      expect(entry.rendered?.metadata?.frontmatter, id).toEqual({});
      expect(entry.rendered?.html, id).toMatch(/^<p>report \d+<\/p>$/);
      expect(entry.rendered?.metadata?.headings, id).toEqual([{ depth: 1, slug: 'h', text: 'H' }]);
    }
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
