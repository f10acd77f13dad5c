import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import type { Element, Root } from 'hast';

/**
 * The built site: dist/, or the folder `SITE_DIST` names (tests/site/growth.test.ts runs these
 * checks over a build of the content with a generated report added).
 */
export const DIST = process.env['SITE_DIST'] ?? join(import.meta.dirname, '../../dist');

/** Every file under dist/, as site paths ("/claims/x/index.html"). */
export function siteFiles(dir = DIST): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(`/${relative(dir, p).split('\\').join('/')}`);
    }
  };
  if (existsSync(dir)) walk(dir);
  return out.sort();
}

/** Each file of the site in `dir` (see `siteFiles`), by site path: a SHA-256 digest of its bytes, to compare two builds. */
export const siteDigests = (dir: string): Record<string, string> =>
  Object.fromEntries(
    siteFiles(dir).map((f) => [
      f,
      createHash('sha256')
        .update(readFileSync(join(dir, f)))
        .digest('hex'),
    ]),
  );

/** Every HTML page, without pagefind's own files. */
export const htmlPages = (): string[] => siteFiles().filter((f) => f.endsWith('.html') && !f.startsWith('/pagefind/'));

const cache = new Map<string, Root>();
/** A page parsed once. */
export function parsePage(path: string): Root {
  let tree = cache.get(path);
  if (!tree) {
    tree = fromHtml(readFileSync(join(DIST, path), 'utf8'));
    cache.set(path, tree);
  }
  return tree;
}

/** Elements matching a CSS selector in a page. */
export const $$ = (path: string, selector: string): Element[] => selectAll(selector, parsePage(path));

/** The file a site URL path is served from (directory URLs serve their index.html), or undefined. */
export function resolveUrlPath(urlPath: string): string | undefined {
  const clean = decodeURIComponent(urlPath.split('#')[0]!.split('?')[0]!);
  for (const candidate of [clean, join(clean, 'index.html'), `${clean}.html`]) {
    const file = join(DIST, candidate);
    if (existsSync(file) && statSync(file).isFile()) return `/${relative(DIST, file).split('\\').join('/')}`;
  }
  return undefined;
}

/** Reads a built file as text. */
export const readSite = (path: string): string => readFileSync(join(DIST, path), 'utf8');

/** The reading pages the budgets apply to: home, reports, claims, sources, topics, timeline, figures. */
export const readingPages = (): string[] =>
  htmlPages().filter((p) => p === '/index.html' || /^\/(articles|claims|sources|topics|timeline|figures)\//.test(p));
