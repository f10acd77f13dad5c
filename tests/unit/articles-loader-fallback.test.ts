import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterAll, expect, test, vi } from 'vitest';
import { tempFolder } from './helpers';

// The articles loader renders a report through the lean pipeline when it can, and otherwise through
// Astro's own `renderMarkdown` (src/loaders/articles.ts: raw HTML, images, code and links only
// Astro's pipeline renders as Astro would; tests/unit/markdown-render.test.ts checks that split).
// The real reports hold none of these, so this copies the content, gives one report a link, and
// runs the loader over the copy: that report, and only it, goes to Astro's renderer.

const root = tempFolder('loader-fallback');
const content = join(root, 'content');
cpSync('content', content, { recursive: true });
cpSync('permalinks.txt', join(root, 'permalinks.txt'));
const linked = readdirSync(join(content, 'articles')).sort()[0]!;
const id = linked.replace(/\.md$/, '');
// A line of a report's body must be in the text as received, so both get it.
appendFileSync(join(content, 'articles', linked), '\nSee [the archive](https://example.org/archive).\n');
appendFileSync(join(content, 'received', `${id}.txt`), '\nSee [the archive](https://example.org/archive).\n');

// The content folder is read from the environment when the settings module loads (the helpers
// above have loaded it already): the loader's modules are loaded afresh.
vi.stubEnv('CONTENT_DIR', content);
vi.resetModules();
const { articlesLoader } = await import('../../src/loaders/articles');
const { reportBodiesDir, reportBodyName, readReportBody } = await import('../../src/lib/content/report-bodies');

const written = new Set<string>();
afterAll(() => {
  for (const name of written) rmSync(join(reportBodiesDir(process.cwd()), name), { force: true });
  vi.unstubAllEnvs();
});

test('a report the lean pipeline cannot render goes to Astro’s renderMarkdown, with its anchors; the others do not', async () => {
  const store = new Map<string, { id: string; digest?: string }>();
  const viaAstro: string[] = [];
  const context = {
    store: {
      get: (id: string) => store.get(id),
      set: (entry: { id: string; digest?: string }) => {
        written.add(reportBodyName(entry.id, entry.digest!));
        return store.set(entry.id, entry);
      },
      keys: () => [...store.keys()],
      delete: (id: string) => store.delete(id),
    },
    generateDigest: (data: unknown) => createHash('sha256').update(JSON.stringify(data)).digest('hex'),
    renderMarkdown: async (text: string) => {
      viaAstro.push(text);
      return { html: '<p>rendered by Astro</p>', metadata: { headings: [], imagePaths: [], frontmatter: {} } };
    },
    config: { root: pathToFileURL(`${process.cwd()}/`) },
    watcher: undefined,
  } as unknown as LoaderContext;
  await articlesLoader({ renderWorkerFrom: Infinity }).load(context);
  expect(store.size).toBe(readdirSync(join(content, 'articles')).length);
  expect(viaAstro).toHaveLength(1);
  // The anchors travel as the render's frontmatter, the body after it, link and all.
  const [, frontmatter, ...rest] = viaAstro[0]!.split('\n');
  expect((JSON.parse(frontmatter!) as { claimAnchors: unknown[] }).claimAnchors.length).toBeGreaterThan(0);
  expect(rest.join('\n')).toContain('[the archive](https://example.org/archive)');
  expect(readReportBody(process.cwd(), id, store.get(id)!.digest!)).toBe('<p>rendered by Astro</p>');
  for (const [other, entry] of store)
    if (other !== id) expect(readReportBody(process.cwd(), other, entry.digest!)).toContain('<mark ');
});
