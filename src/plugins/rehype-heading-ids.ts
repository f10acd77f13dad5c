import type { Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { pageId } from '../lib/views/page-ids';

const HEADING = /^h[1-6]$/;

/** A slug as GitHub makes one: lowercase, punctuation dropped, spaces to hyphens. */
function slug(text: string): string {
  return text
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/**
 * Gives each heading in a report an id of the page's own form (`p_` + slug). Astro would give
 * "## A heading" the id `a-heading`, which is also a valid claim id: a claim of that name would
 * then share its `#fragment` with the heading. Astro keeps an id a plugin has already set.
 */
export default function rehypeHeadingIds() {
  return (tree: Root): void => {
    const seen = new Map<string, number>();
    visit(tree, 'element', (node) => {
      if (!HEADING.test(node.tagName) || typeof node.properties['id'] === 'string') return;
      const base = slug(toString(node));
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      node.properties['id'] = pageId(n === 0 ? base : `${base}-${n}`);
    });
  };
}
