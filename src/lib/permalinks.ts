import { existsSync, readFileSync } from 'node:fs';
import type { Redirect } from '../schemas/redirect';
import { articleUrl, claimUrl } from './urls';

/**
 * Old claim URL → where it now leads, for `astro dev`, which answers a retired URL with a 301 from
 * the current `redirects.yaml` (a build writes a page per retired id instead: see redirect-pages.ts).
 */
export function redirectMap(redirects: readonly Redirect[]): Record<string, string> {
  return Object.fromEntries(redirects.map((r) => [claimUrl(r.from), r.to ? claimUrl(r.to) : articleUrl(r.article!)]));
}

/** Retired ids that live on as extra anchors next to the claim that replaced them, by claim id. */
export function aliasesByClaim(redirects: readonly Redirect[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of redirects) if (r.to) out.set(r.to, [...(out.get(r.to) ?? []), r.from]);
  return out;
}

/** One line of `permalinks.txt`: a claim URL and the day this site first published it. */
export interface Permalink {
  url: string;
  /** `YYYY-MM-DD`, UTC: the day the URL was first listed. */
  firstPublished: string;
}

/**
 * Reads `permalinks.txt`: one `<url> <YYYY-MM-DD>` per line, `#` lines are comments. The date is
 * recorded once, when the URL is first listed, so the feed's dates do not change from build to build.
 * Returns the entries, or throws naming the line that is malformed.
 */
export function parsePermalinks(text: string): Permalink[] {
  return text.split('\n').flatMap((line, i) => {
    if (!line.trim() || line.startsWith('#')) return [];
    const m = /^(\/\S+) (\d{4}-\d{2}-\d{2})$/.exec(line);
    if (!m) throw new Error(`permalinks.txt: line ${i + 1}: expected "<url> <YYYY-MM-DD>", got "${line}"`);
    return [{ url: m[1]!, firstPublished: m[2]! }];
  });
}

/** The day each claim was first published, by claim id, from its `/claims/<id>/` entry. */
export function firstPublishedByClaim(permalinks: readonly Permalink[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of permalinks) {
    const id = /^\/claims\/([^/]+)\/$/.exec(p.url)?.[1];
    if (id && !out.has(id)) out.set(id, p.firstPublished);
  }
  return out;
}

/** Reads a permalinks file (none yet: an empty list) and returns the day each claim was first published. */
export function readFirstPublished(file: string): Map<string, string> {
  return firstPublishedByClaim(existsSync(file) ? parsePermalinks(readFileSync(file, 'utf8')) : []);
}

/** What the durability check needs to know about a built site. */
export interface BuiltSite {
  /** Whether a site path (e.g. `/claims/x/`) is served. */
  hasPage: (path: string) => boolean;
  /** Whether a page has an element with this id. */
  hasId: (path: string, id: string) => boolean;
}

/**
 * Checks that every permalink ever published still works: a claim page is still built (or, for a
 * retired id, its declared redirect is), and an anchor in a report still exists (or the retired
 * id is kept as an alias anchor, or the claim was removed and its report still exists).
 * Returns one line per broken permalink.
 */
export function checkPermalinks(permalinks: readonly string[], site: BuiltSite, redirects: readonly Redirect[]): string[] {
  const retired = new Map(redirects.map((r) => [r.from, r]));
  const problems: string[] = [];
  for (const url of permalinks) {
    const [path, fragment] = url.split('#') as [string, string | undefined];
    const id = fragment ?? /^\/claims\/([^/]+)\/$/.exec(path)?.[1];
    const redirect = id ? retired.get(id) : undefined;
    if (!site.hasPage(path)) {
      problems.push(
        `${url}: no longer built${redirect ? ' (a redirect is declared but its page is missing)' : '; declare a redirect in content/redirects.yaml'}`,
      );
      continue;
    }
    if (fragment && !site.hasId(path, fragment)) {
      const removedWithReport = redirect?.article !== undefined;
      if (!removedWithReport) problems.push(`${url}: anchor "${fragment}" is gone from the report; declare a redirect in content/redirects.yaml`);
    }
  }
  return problems;
}
