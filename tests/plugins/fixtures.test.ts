import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import rehypeCitationMarks from '../../src/plugins/rehype-citation-marks';
import rehypeClaimAnchors, { type ClaimAnchor } from '../../src/plugins/rehype-claim-anchors';
import rehypeHeadingIds from '../../src/plugins/rehype-heading-ids';
import { render } from './run';
import type { Pluggable } from 'unified';
import { MARKDOWN_OPTIONS } from '../../src/loaders/markdown';

// Fixture folders, as in remark-gfm: <plugin>/<case>/input.md → output.html, one loop for all.
// Set UPDATE_FIXTURES=1 to write missing outputs; each written output must be read and checked
// by hand before it is committed.
const claimUrl = (id: string): string => `/claims/${id}/`;
const plugins = {
  'rehype-claim-anchors': (dir: string) => ({
    plugins: [[rehypeClaimAnchors, { claimUrl }]] as const,
    frontmatter: { claimAnchors: JSON.parse(readFileSync(join(dir, 'anchors.json'), 'utf8')) as ClaimAnchor[] },
  }),
  'rehype-citation-marks': () => ({ plugins: [rehypeCitationMarks] as const, frontmatter: {} }),
  'rehype-heading-ids': () => ({ plugins: [rehypeHeadingIds] as const, frontmatter: {} }),
};

for (const [plugin, setup] of Object.entries(plugins)) {
  const root = join(import.meta.dirname, plugin);
  describe(plugin, () => {
    test.each(readdirSync(root).sort())('%s', async (name) => {
      const dir = join(root, name);
      const { plugins: list, frontmatter } = setup(dir);
      const html = await render(readFileSync(join(dir, 'input.md'), 'utf8'), [...list] as never, frontmatter);
      const expectedFile = join(dir, 'output.html');
      if (!existsSync(expectedFile) && process.env['UPDATE_FIXTURES']) writeFileSync(expectedFile, html);
      expect(html).toBe(readFileSync(expectedFile, 'utf8'));
    });
  });
}

describe('rehype-claim-anchors errors', () => {
  test('a quote that is not in the text stops the render with the claim id', async () => {
    const anchors: ClaimAnchor[] = [{ id: 'missing', quote: 'not here', n: 1, statement: 's' }];
    await expect(
      render('Some text.\n', [[rehypeClaimAnchors, { claimUrl }]], { claimAnchors: anchors }),
    ).rejects.toThrow(/claim "missing": quote not found/);
  });
  test('without anchors the output is untouched', async () => {
    expect(await render('Some text.\n', [[rehypeClaimAnchors, { claimUrl }]])).toBe('<p>Some text.</p>');
  });
});

describe('heading ids in the project’s rehype pipeline', () => {
  // A quote in a heading gets a claim link whose hidden preview holds the claim's statement; the
  // heading's id is made from the heading's own words (src/loaders/markdown.ts runs
  // rehype-heading-ids first), so editing the statement keeps the link to the section.
  const heading = async (statement: string): Promise<string> => {
    const anchors: ClaimAnchor[] = [{ id: 'in-heading', quote: 'cover up losses', n: 1, statement }];
    const html = await render('## Attempts to cover up losses\n', [...MARKDOWN_OPTIONS.rehypePlugins] as Pluggable[], {
      claimAnchors: anchors,
    });
    return /<h2 id="([^"]+)"/.exec(html)?.[1] ?? html;
  };
  test('the id is the heading text, whatever the claim says', async () => {
    expect(await heading('In a heading.')).toBe('p_attempts-to-cover-up-losses');
    expect(await heading('Edited: a statement that says more.')).toBe('p_attempts-to-cover-up-losses');
  });
});
