import type { Ledger } from './ledger';
import { toUtcDate } from './dates';
import { outletName } from './cite';
import { articleUrl, claimUrl } from './urls';

/** One RSS item, in the shape `@astrojs/rss` takes. */
export interface FeedItem {
  title: string;
  link: string;
  pubDate: Date;
  description: string;
  categories: string[];
}

/**
 * The feed: each report, then each of its claims, dated by the report's publication date
 * (a claim is published when its report is). Order is deterministic for reproducible builds.
 */
export function feedItems(ledger: Ledger): FeedItem[] {
  return ledger.articles.flatMap((a) => [
    {
      title: `Report: ${a.data.title}`,
      link: articleUrl(a.id),
      pubDate: toUtcDate(a.data.published.date),
      description: a.data.summary,
      categories: a.topics.map((t) => t.data.name),
    },
    ...a.claims.map((c) => ({
      title: `Claim: ${c.data.statement}`,
      link: claimUrl(c.id),
      pubDate: toUtcDate(a.data.published.date),
      description: `${c.claimant.data.name} (${c.data.hedge}): “${c.data.quote}” In “${a.data.title}”, ${outletName(c)}.`,
      categories: c.topics.map((t) => t.data.name),
    })),
  ]);
}
