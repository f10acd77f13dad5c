import type { Ledger } from '../model/ledger';
import { formatDateSpec } from '../model/dates';
import { outletName } from './cite';
import { articleUrl, claimUrl } from '../urls';

/** One RSS item, in the shape `@astrojs/rss` takes. */
export interface FeedItem {
  title: string;
  link: string;
  /** When this site first published the item; absent when it is not yet recorded. */
  pubDate?: Date;
  description: string;
  categories: string[];
}

const utcDay = (day: string): Date => new Date(`${day}T00:00:00Z`);

/**
 * How many items the feed carries: the newest. A feed reader fetches the whole file on every
 * poll, and one item per report and claim made a feed of 24 MB at 5,000 reports, more than many
 * readers accept. Every claim stays on the site, in the claims list and in `/api/claims.json`.
 */
export const FEED_SIZE = 200;

/**
 * The feed: each report, then each of its claims. An item's `pubDate` is when this site first
 * published it, from `permalinks.txt` (a report's is its first claim's), never the report's own
 * date: that date is often inferred, an interval or a bound, and an RSS date is a plain day, so
 * padding it would claim a precision we do not have. The report's date, as known, goes in the
 * description instead. A claim not yet listed in `permalinks.txt` gets no `pubDate` rather than the
 * build's clock, so builds stay reproducible. Newest first: an item not yet dated (added since the
 * list was last updated, so the newest) leads, then by day, latest first; items of one day keep
 * the ledger's order (each report, then its claims). Order is deterministic. The first `size`
 * items (`FEED_SIZE`) are the feed.
 */
export function feedItems(ledger: Ledger, size: number = FEED_SIZE): FeedItem[] {
  const { firstPublished } = ledger;
  // Each item as its day and how to make it: the order needs only the day, and making an item
  // (its description's dates and outlet) for every report and claim, to keep 200, was most of the
  // feed's time at 5,000 reports.
  const slots = ledger.articles.flatMap((a) => {
    const dated = (): string => formatDateSpec(a.data.published);
    const days = a.claims.flatMap((c) => firstPublished.get(c.id) ?? []).sort();
    return [
      {
        day: days[0],
        make: (): FeedItem => ({
          title: `Report: ${a.data.title}`,
          link: articleUrl(a.id),
          ...(days[0] ? { pubDate: utcDay(days[0]) } : {}),
          description: `${a.data.summary} (Report dated ${dated()}.)`,
          categories: a.topics.map((t) => t.data.name),
        }),
      },
      ...a.claims.map((c) => {
        const day = firstPublished.get(c.id);
        return {
          day,
          make: (): FeedItem => ({
            title: `Claim: ${c.data.statement}`,
            link: claimUrl(c.id),
            ...(day ? { pubDate: utcDay(day) } : {}),
            description: `${c.claimant.data.name} (${c.data.hedge}): “${c.data.quote}” In “${a.data.title}”, ${outletName(c)}; report dated ${dated()}.`,
            categories: c.topics.map((t) => t.data.name),
          }),
        };
      }),
    ];
  });
  // Days are ISO dates, so they order as strings; an undated item (the newest) sorts first.
  const key = (s: { day: string | undefined }): string => s.day ?? '\uffff';
  // Array.prototype.sort is stable: equal days keep the ledger's order.
  return slots
    .sort((x, y) => (key(x) === key(y) ? 0 : key(y) > key(x) ? 1 : -1))
    .slice(0, size)
    .map((s) => s.make());
}
