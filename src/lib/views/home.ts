import type { Claim, Ledger, TimelineItem } from '../model/ledger';
import { yearOf } from '../model/dates';
import { CASUALTY_TOPIC } from './editorial';
import { formatFigure } from '../model/figures';
import { groupBy } from '../model/group';

/**
 * Reports the home page shows, newest first; the list of reports has them all. (At 5,000 reports
 * the home page listed every one: 1.1 MB, rendered again after any edit.)
 */
export const HOME_REPORTS = 12;

/** What the home page shows. */
export function homeView(ledger: Ledger) {
  const keyFigures = ledger.figures
    .filter((f) => f.claim.topics.some((t) => t.id === CASUALTY_TOPIC))
    .slice(0, 8)
    .map((f) => ({ text: formatFigure(f.figure), claim: f.claim }));
  return {
    claimCount: ledger.claims.length,
    articleCount: ledger.articles.length,
    /** The newest `HOME_REPORTS` reports (the ledger holds them newest first). */
    articles: ledger.articles.slice(0, HOME_REPORTS),
    topics: ledger.topics,
    keyFigures,
    latest: ledger.timeline.slice(-6).reverse(),
  };
}

/** Claims grouped by the report they come from, in first-seen order. */
export function groupByArticle(claims: readonly Claim[]): { article: Claim['article']; claims: Claim[] }[] {
  return [...groupBy(claims, (c) => c.article)].map(([article, list]) => ({ article, claims: list }));
}

/** Timeline items grouped by year, in order. */
export function timelineByYear(items: readonly TimelineItem[]): { year: string; items: TimelineItem[] }[] {
  return [...groupBy(items, (i) => yearOf(i.date.date))].map(([year, list]) => ({ year, items: list }));
}
