import type { Redirect } from '../schemas/redirect';
import { articleUrl, claimUrl } from './urls';

/** Where each retired claim's page now leads: `/claims/<old>/` → the new claim page, or its report. */
export function redirectMap(redirects: readonly Redirect[]): Record<string, string> {
  return Object.fromEntries(redirects.map((r) => [claimUrl(r.from), r.to ? claimUrl(r.to) : articleUrl(r.article!)]));
}

/** Retired ids that live on as extra anchors next to the claim that replaced them, by claim id. */
export function aliasesByClaim(redirects: readonly Redirect[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of redirects) if (r.to) out.set(r.to, [...(out.get(r.to) ?? []), r.from]);
  return out;
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
