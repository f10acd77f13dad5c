import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { isPageId } from '../../src/lib/views/page-ids';
import { siteFiles } from './dist';

/** Every HTML page of a built site (pagefind's own files aside), parsed. */
export function pagesOf(root: string): { path: string; tree: ReturnType<typeof fromHtml> }[] {
  return siteFiles(root)
    .filter((f) => f.endsWith('.html') && !f.startsWith('/pagefind/'))
    .map((path) => ({ path, tree: fromHtml(readFileSync(join(root, path), 'utf8')) }));
}

/**
 * What is wrong with the scripts of a built site: the only scripts allowed are the site's own
 * bundles (`/_astro/…`) and JSON-LD blocks, each of which must parse as JSON. Parsing the page as a
 * browser does is the point: a breakout from a JSON-LD block shows up as an extra script element.
 */
export function scriptProblems(root: string): string[] {
  const problems: string[] = [];
  for (const { path, tree } of pagesOf(root)) {
    for (const s of selectAll('script', tree)) {
      const src = s.properties['src'];
      if (typeof src === 'string') {
        if (!src.startsWith('/_astro/')) problems.push(`${path}: script from ${src}`);
        continue;
      }
      if (s.properties['type'] !== 'application/ld+json') {
        problems.push(`${path}: inline script "${toString(s).slice(0, 40)}"`);
        continue;
      }
      try {
        JSON.parse(toString(s));
      } catch (e) {
        problems.push(`${path}: JSON-LD does not parse: ${String(e)}`);
      }
    }
  }
  return problems;
}

/**
 * Ids that break the rule for pages that carry claim anchors: every id is a claim anchor (a claim
 * id, or a retired one kept as an alias) or one of the page's own (`pageId`); and no id
 * occurs twice. `claimIds` is every anchor id the site publishes.
 */
export function idProblems(root: string, claimIds: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const { path, tree } of pagesOf(root)) {
    if (!path.startsWith('/articles/') || path === '/articles/index.html') continue;
    const seen = new Set<string>();
    for (const el of selectAll('[id]', tree)) {
      const id = String(el.properties['id']);
      if (seen.has(id)) problems.push(`${path}: id "${id}" twice`);
      seen.add(id);
      if (!isPageId(id) && !claimIds.has(id)) problems.push(`${path}: page id "${id}" has the form of a claim id`);
    }
  }
  return problems;
}
