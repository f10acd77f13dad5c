import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { markdownConfigDefaults, type MarkdownRenderer } from '@astrojs/markdown-remark';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import type { Element } from 'hast';
import { beforeAll, describe, expect, test } from 'vitest';
import { readCorpus } from '../../src/lib/content/read';
import { analyseMarkdown, locateQuotes, type QuoteLocation } from '../../src/lib/content/text';
import { formatProblem, validateCorpus } from '../../src/lib/content/validate';
import { markdownProcessor } from '../../src/loaders/markdown';
import { CONTENT, tempFolder } from './helpers';

// A claim's quote is located twice: by the validator, over the Markdown's top-level paragraphs and
// headings (src/lib/content/text.ts, `analyseMarkdown`), and by rehype-claim-anchors, over the
// rendered HTML's top-level <p> and <h1>–<h6>, with the same `locateQuotes`. The ledger's
// `context` and the mark in the report come from these two. This checks that they agree, block
// and offsets, on every quote of the real corpus and of the fixture corpora, rendering each report
// with the site's own Markdown processor.

const FIXTURES = join(import.meta.dirname, '../fixtures');
const BLOCK = /^(p|h[1-6])$/;
let renderer: MarkdownRenderer;
let hostile = '';
let root = '';

beforeAll(async () => {
  renderer = await markdownProcessor().createRenderer(markdownConfigDefaults);
  // The hostile fixture is an overlay on the base fixture, as tests/site/hostile.test.ts builds it.
  // permalinks.txt sits beside the content folder, as in the project.
  root = tempFolder('quote-paths');
  hostile = join(root, 'content');
  cpSync(join(FIXTURES, 'content-base'), hostile, { recursive: true });
  cpSync(join(FIXTURES, 'hostile-content'), hostile, { recursive: true });
  cpSync(join(FIXTURES, 'permalinks.txt'), join(root, 'permalinks.txt'));
});

/** The texts of a rendered report's top-level paragraphs and headings, as the plugin sees them. */
async function renderedBlocks(body: string): Promise<string[]> {
  const { code } = await renderer.render(body, {});
  return fromHtml(code, { fragment: true })
    .children.filter((n): n is Element => n.type === 'element' && BLOCK.test(n.tagName))
    .map((b) => toString(b));
}

describe.each([
  ['the real corpus', () => CONTENT],
  ['the base fixture', () => join(FIXTURES, 'content-base')],
  ['the hostile fixture', () => hostile],
])('validator and plugin place every quote alike: %s', (_name, dir) => {
  test('same block, same offsets', async () => {
    const corpus = validateCorpus(readCorpus(dir()));
    expect(corpus.problems.map(formatProblem)).toEqual([]);
    expect(corpus.claims.length).toBeGreaterThan(0);
    for (const a of corpus.articles) {
      const claims = corpus.claims.filter((c) => c.article === a.id);
      const queries = claims.map((c) => ({ id: c.data.id, quote: c.data.quote, occurrence: c.data.occurrence }));
      const byPlugin = locateQuotes(await renderedBlocks(a.body), queries).map((r) => (r.ok ? r.location : r));
      const byValidator: QuoteLocation[] = claims.map((c) => c.location!);
      expect(byPlugin, a.file).toEqual(byValidator);
    }
  });
});

describe('validator and renderer read the same Markdown', () => {
  // Text a report may hold that GitHub's Markdown would read as markup: tildes (approximate
  // figures), a bare address, pipes. Both must see it as the text it is, or a quote found by the
  // validator is missing from the page, or the page shows what the report did not say.
  test('tildes, a bare address and pipes are text to both, character for character', async () => {
    const body = [
      'Between ~5,000 and ~8,000 men were called up, ~~not~~ 300,000.',
      'The list is at www.example.org/list and https://example.org/list.',
      '| Region | Men |',
      '| --- | --- |',
      '| Kursk | ~1,200 |',
    ].join('\n\n');
    const byValidator = analyseMarkdown(body).blocks.map((b) => b.text);
    expect(byValidator[0]).toBe('Between ~5,000 and ~8,000 men were called up, ~~not~~ 300,000.');
    expect(await renderedBlocks(body)).toEqual(byValidator);
    const { code } = await renderer.render(body, {});
    expect(code).not.toMatch(/<(?:del|a|table)\b/);
  });
});
