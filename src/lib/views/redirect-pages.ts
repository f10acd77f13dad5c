import type { Redirect } from '../../schemas/redirect';
import type { Ledger } from '../model/ledger';
import { articleUrl, claimUrl } from '../urls';

/** What the page left at a retired claim's URL says, and where it sends the reader. */
export interface RedirectPage {
  /** The retired claim id: the page is built at its old `/claims/<id>/` URL. */
  from: string;
  /** Site path of the claim that replaced it, or of its report for a claim removed outright. */
  target: string;
  /** The link text: the new claim's statement, or the report's title. */
  label: string;
  /** Whether the target is a claim (renamed) or a report (removed). */
  to: 'claim' | 'report';
  /** The redirect's note, as declared in `content/redirects.yaml`. */
  note: string;
}

/**
 * One page per retired claim id (`content/redirects.yaml`), resolved against the ledger. The site
 * builds these pages itself instead of using Astro's `redirects` config, whose pages carry neither
 * the site's Content-Security-Policy nor its head, and fail the HTML check.
 */
export function redirectPages(ledger: Ledger, redirects: readonly Redirect[]): RedirectPage[] {
  return redirects.map((r) => {
    if (r.to) {
      const claim = ledger.claimById.get(r.to);
      // The validator has refused a redirect to an unknown claim; reaching this is a bug.
      if (!claim) throw new Error(`redirect-pages: unknown claim "${r.to}"`);
      return { from: r.from, target: claimUrl(claim.id), label: claim.data.statement, to: 'claim', note: r.note };
    }
    const article = ledger.articleById.get(r.article!);
    if (!article) throw new Error(`redirect-pages: unknown article "${r.article}"`);
    return { from: r.from, target: articleUrl(article.id), label: article.data.title, to: 'report', note: r.note };
  });
}

/** Site paths of the retired claim pages (`/claims/<old>/`): redirects, kept out of the sitemap. */
export function retiredClaimPaths(redirects: readonly Redirect[]): Set<string> {
  return new Set(redirects.map((r) => claimUrl(r.from)));
}

/**
 * Old claim URL → where it now leads, for `astro dev`, which answers a retired URL with a 301 from
 * the current `redirects.yaml` (a build writes a page per retired id instead: see `redirectPages`).
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
