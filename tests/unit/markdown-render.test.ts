import { cpSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { markdownConfigDefaults, unified, type MarkdownRenderer } from '@astrojs/markdown-remark';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { beforeAll, describe, expect, test } from 'vitest';
import { readCorpus } from '../../src/lib/content/read';
import { formatProblem, validateCorpus } from '../../src/lib/content/validate';
import { claimAnchorsByReport } from '../../src/loaders/articles';
import { MARKDOWN_OPTIONS, markdownProcessor } from '../../src/loaders/markdown';
import { renderInWorker, renderReportsLean, type ReportToRender } from '../../src/loaders/render-reports';
import { CONTENT, tempFolder } from './helpers';

// Reports are rendered by a lean pipeline, not Astro's own (src/loaders/markdown.ts): the same
// steps less rehype-raw, image collection and syntax highlighting, which change nothing in a report
// without raw HTML, images, code or links. This checks that the two give the same bytes and
// headings for every report of the real and fixture corpora (with their claims anchored, as the
// articles loader renders them), and that what only Astro's pipeline renders still goes through it.

const FIXTURES = join(import.meta.dirname, '../fixtures');
let ours: MarkdownRenderer;
let astros: MarkdownRenderer;
let root = '';
let hostile = '';

beforeAll(async () => {
  ours = await markdownProcessor().createRenderer(markdownConfigDefaults);
  astros = await unified(MARKDOWN_OPTIONS).createRenderer(markdownConfigDefaults);
  // The hostile fixture is an overlay on the base fixture, as tests/site/hostile.test.ts builds it.
  root = tempFolder('markdown-render');
  hostile = join(root, 'content');
  cpSync(join(FIXTURES, 'content-base'), hostile, { recursive: true });
  cpSync(join(FIXTURES, 'hostile-content'), hostile, { recursive: true });
  cpSync(join(FIXTURES, 'permalinks.txt'), join(root, 'permalinks.txt'));
});

describe.each([
  ['the real corpus', () => CONTENT],
  ['the base fixture', () => join(FIXTURES, 'content-base')],
  ['the hostile fixture', () => hostile],
])('the lean renderer gives Astro’s output: %s', (_name, dir) => {
  test('every report, its claims anchored: the same HTML and headings', async () => {
    const corpus = validateCorpus(readCorpus(dir()));
    expect(corpus.problems.map(formatProblem)).toEqual([]);
    expect(corpus.articles.length).toBeGreaterThan(0);
    const anchors = claimAnchorsByReport(corpus);
    for (const a of corpus.articles) {
      const frontmatter = { claimAnchors: anchors.get(a.id) ?? [] };
      const opts = { frontmatter, fileURL: pathToFileURL(resolve(a.file)) };
      const mine = await ours.render(a.body, opts);
      expect(mine, a.file).toEqual(await astros.render(a.body, opts));
      // The anchors were placed: an empty or failed render would also be "the same".
      expect(mine.code.match(/<mark /g)?.length ?? 0, a.file).toBe(frontmatter.claimAnchors.length);
    }
  });
});

/** Every report of a corpus as the articles loader hands it to the renderer. */
function reportsOf(dir: string): ReportToRender[] {
  const corpus = validateCorpus(readCorpus(dir));
  const anchors = claimAnchorsByReport(corpus);
  return corpus.articles.map((a) => ({
    id: a.id,
    body: a.body,
    claimAnchors: anchors.get(a.id) ?? [],
    file: resolve(a.file),
  }));
}

describe.each([
  ['the real corpus', () => CONTENT],
  ['the hostile fixture', () => hostile],
])('reports rendered in a worker thread as the renderer renders them: %s', (_name, dir) => {
  test('the lean render the worker runs gives the renderer’s HTML for every report', async () => {
    const reports = reportsOf(dir());
    const lean = await renderReportsLean(reports);
    expect(lean.map((r) => r.id)).toEqual(reports.map((r) => r.id));
    for (const [i, r] of reports.entries()) {
      const opts = { frontmatter: { claimAnchors: r.claimAnchors }, fileURL: pathToFileURL(r.file) };
      expect(lean[i]!.html, r.file).toBe((await ours.render(r.body, opts)).code);
    }
  });

  test('the worker thread hands back that HTML', async () => {
    const reports = reportsOf(dir());
    const inWorker = await renderInWorker(reports).html;
    const lean = await renderReportsLean(reports);
    expect(inWorker.size).toBe(reports.length);
    expect(Object.fromEntries(inWorker)).toEqual(Object.fromEntries(lean.map((r) => [r.id, r.html])));
  });
});

describe('a report rendered as Astro’s renderMarkdown received it', () => {
  test('after its render frontmatter: a byte-order mark that begins the body stays in the text', async () => {
    const file = join(root, 'report.md');
    const body = '\uFEFFText after a byte-order mark.';
    const [lean] = await renderReportsLean([{ id: 'bom', body, claimAnchors: [], file }]);
    // What Astro's content layer did with the text the loader gave `renderMarkdown`.
    const { frontmatter, content } = parseFrontmatter(`---\n${JSON.stringify({ claimAnchors: [] })}\n---\n${body}`);
    const astro = await ours.render(content, { frontmatter, fileURL: pathToFileURL(file) });
    expect(lean!.html).toBe(astro.code);
    expect(lean!.html).toContain('\uFEFF');
  });
});

describe('reports the lean render leaves to the main thread', () => {
  test('a report with a link, and one whose render fails, get no HTML from it', async () => {
    const file = join(root, 'report.md');
    const [linked, failing, plain] = await renderReportsLean([
      { id: 'linked', body: 'See [the decree](https://example.com/decree).', claimAnchors: [], file },
      // A claim whose quote is not in the text: rehype-claim-anchors stops the render.
      {
        id: 'failing',
        body: 'Text.',
        claimAnchors: [{ id: 'c1', quote: 'not here', n: 1, statement: 'x', aliases: [] }],
        file,
      },
      { id: 'plain', body: 'Text.', claimAnchors: [], file },
    ]);
    expect(linked).toEqual({ id: 'linked' });
    expect(failing).toEqual({ id: 'failing' });
    expect(plain).toEqual({ id: 'plain', html: '<p>Text.</p>' });
  });
});

describe('what only Astro’s pipeline renders goes through it', () => {
  test.each([
    // Each written so that the lean pipeline alone would render it otherwise: HTML that rehype-raw
    // rewrites (capitals, an unclosed element), images Astro collects (a path beside the file).
    ['raw HTML', 'Text <B>bold</B> text.\n\n<DIV>block'],
    ['an image', 'Text.\n\n![a map](./map.png)'],
    ['a reference image', 'Text ![a map][m].\n\n[m]: ./map.png'],
    ['an indented code block', 'Text.\n\n    code here\n\nMore text.'],
    ['a fenced code block', 'Text.\n\n```js\nconst x = 1;\n```'],
    // Links that would nest: HTML has no link inside a link, and Astro's pipeline takes them apart.
    ['an autolink in a link’s text', 'Said [a <https://b.example> d](https://e.example) today.'],
    ['a reference link around an autolink', 'Said [a <https://b.example> d][e] today.\n\n[e]: https://e.example'],
  ])('%s', async (_name, body) => {
    // With a file, as the articles loader renders: Astro collects images only for a file.
    const opts = { fileURL: pathToFileURL(join(root, 'report.md')) };
    expect(await ours.render(body, opts)).toEqual(await astros.render(body, opts));
  });

  test('a quote inside a link’s text: the claim link is not nested in the link', async () => {
    const body = 'The mayor said [mobilization is over](https://example.com/a) on Monday.';
    const claimAnchors = [{ id: 'c1', quote: 'mobilization is over', n: 1, statement: 'It is over.', aliases: [] }];
    const opts = { frontmatter: { claimAnchors }, fileURL: pathToFileURL(join(root, 'report.md')) };
    const mine = await ours.render(body, opts);
    expect(mine).toEqual(await astros.render(body, opts));
    expect(mine.code).not.toMatch(/<a [^>]*>(?:(?!<\/a>).)*<a /s);
  });

  test('a heading gets Astro’s id and is listed in the metadata', async () => {
    const mine = await ours.render('# A heading\n\nText.\n\n## Another one', {});
    expect(mine).toEqual(await astros.render('# A heading\n\nText.\n\n## Another one', {}));
    expect(mine.metadata.headings.map((h) => h.depth)).toEqual([1, 2]);
  });
});
