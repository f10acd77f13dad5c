import type { Claim, Ledger } from '../model/ledger';
import { articleUrl, claimUrl, eventUrl, sourceUrl, topicUrl } from '../urls';

/**
 * The day each page of the sitemap last changed, as far as the data tells: the latest day one of
 * the claims it shows was first published (`permalinks.txt`), so builds stay reproducible (never
 * the build's clock). A claim's page is its own day; a report's, source's, topic's or event's page
 * the latest of its claims'; any other page (home, lists, timeline) the latest of all. A page with
 * no dated claim has none. Keys are site paths (`claimUrl(…)` and the like).
 */
export function sitemapLastmod(
  ledger: Ledger,
  firstPublished: ReadonlyMap<string, string>,
): { byPath: Map<string, string>; latest: string | undefined } {
  const latestOf = (claims: readonly Claim[]): string | undefined =>
    claims.reduce<string | undefined>((max, c) => {
      const day = firstPublished.get(c.id);
      return day && (!max || day > max) ? day : max;
    }, undefined);
  const byPath = new Map<string, string>();
  const put = (path: string, claims: readonly Claim[]): void => {
    const day = latestOf(claims);
    if (day) byPath.set(path, day);
  };
  for (const c of ledger.claims) put(claimUrl(c.id), [c]);
  for (const a of ledger.articles) put(articleUrl(a.id), a.claims);
  for (const s of ledger.sources)
    put(sourceUrl(s.id), [...s.made, ...s.relayed, ...s.articles.flatMap((a) => a.claims)]);
  for (const t of ledger.topics) put(topicUrl(t.id), t.claims);
  for (const e of ledger.events) put(eventUrl(e.id), e.claims);
  return { byPath, latest: latestOf(ledger.claims) };
}
