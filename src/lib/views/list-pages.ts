import type { Article, Claim, FigureItem, Ledger, TimelineItem, Topic } from '../model/ledger';
import type { LedgerEvent } from '../model/events';
import { formatDateSpecBrief, yearOf } from '../model/dates';
import { eventsByYear } from './event-views';
import { groupByArticle, timelineByYear } from './home';
import { advanceRows, casualtyRows, sortFigures, type FigureSort } from './figure-views';
import type { BarInput } from './charts';

// The timeline and the lists of claims and reports grow with the ledger: at 5,000 reports they
// were pages of 17, 10 and 1.4 MB, rendered whole again after any edit. They are cut into pages of a few hundred lines
// (the page-weight budget, 20 KB of HTML and CSS gzip, holds at these sizes for real reports), each
// with a cache key of its own, so an edit renders again only the page that shows the claim.

/** Timeline entries on a page of the timeline. */
export const TIMELINE_PAGE_SIZE = 150;
/** Claims on a page of the list of claims, at most, unless one report alone has more. */
export const CLAIMS_PAGE_SIZE = 200;
/** Reports on a page of the list of reports. */
export const ARTICLES_PAGE_SIZE = 50;
/** Claims on a page of a topic, at most, unless one report alone has more (whole reports, as the list of claims). */
export const TOPIC_PAGE_SIZE = 200;
/** Reports named on a topic's first page, at most (the newest); the rest are on the list of the topic's reports. */
export const TOPIC_FILED_SHOWN = 20;
/** Events on a page of the list of events. */
export const EVENTS_PAGE_SIZE = 50;
/** Rows on a page of the figures table (a figure a row), in each of its sort orders. */
export const FIGURES_PAGE_SIZE = 200;

/**
 * `groups` cut in order into runs whose `weight`s add up to at most `size`; a group heavier than
 * `size` is a run of its own. Always at least one run, empty for no groups (the first page is
 * built even for an empty ledger).
 */
export function pageRuns<T>(groups: readonly T[], weight: (g: T) => number, size: number): T[][] {
  const runs: T[][] = [[]];
  let filled = 0;
  for (const g of groups) {
    const w = weight(g);
    if (filled > 0 && filled + w > size) {
      runs.push([]);
      filled = 0;
    }
    runs.at(-1)!.push(g);
    filled += w;
  }
  return runs;
}

/**
 * The page numbers a pager shows on page `current` of `count`: the first and last, and two on each
 * side of the current one; `'gap'` where numbers are left out. Nothing for a single page.
 */
export function pagerItems(current: number, count: number): (number | 'gap')[] {
  if (count <= 1) return [];
  const shown = new Set([1, count]);
  for (let n = current - 2; n <= current + 2; n++) if (n >= 1 && n <= count) shown.add(n);
  const numbers = [...shown].sort((a, b) => a - b);
  const items: (number | 'gap')[] = [];
  for (const [i, n] of numbers.entries()) {
    const before = numbers[i - 1];
    // A single missing number is shown rather than replaced by an ellipsis of the same width.
    if (before !== undefined && n - before === 2) items.push(before + 1);
    else if (before !== undefined && n - before > 2) items.push('gap');
    items.push(n);
  }
  return items;
}

/** Where a page sits among its list's pages. */
export interface PageOf {
  /** 1 for the first page. */
  number: number;
  count: number;
}

/** A year's entries on one page of the timeline. */
export interface TimelineSection {
  year: string;
  /** The year began on an earlier page. */
  continued: boolean;
  /** The year's events, on the page where the year begins (none on a continued one). */
  events: LedgerEvent[];
  items: TimelineItem[];
}

/** What one page of the timeline shows. */
export interface TimelinePage extends PageOf {
  /** Entries on all pages. */
  total: number;
  /** Every year of the timeline and the page it begins on, for the years' navigation. */
  years: { year: string; page: number }[];
  sections: TimelineSection[];
  /** The first and last entries' dates as text ("May 2022 to 3 June 2022"; one date when they read the same). */
  span: string;
}

/** What one page of the list of claims shows. */
export interface ClaimsListPage extends PageOf {
  /** Claims and reports on all pages. */
  claims: number;
  reports: number;
  groups: { article: Article; claims: Claim[] }[];
}

/** What one page of the list of reports shows. */
export interface ArticlesListPage extends PageOf {
  /** Reports on all pages. */
  reports: number;
  articles: Article[];
  /** For the list of the reports filed under a topic: that topic's id and record. */
  topic?: Pick<Topic, 'id' | 'data'>;
}

const made = new WeakMap<object, Map<string, unknown>>();

/** `make()`, made once per `owner` (a ledger or a topic, never changed once built) and `kind`. */
function once<T>(owner: object, kind: string, make: () => T): T {
  let byKind = made.get(owner);
  if (!byKind) made.set(owner, (byKind = new Map()));
  if (!byKind.has(kind)) byKind.set(kind, make());
  return byKind.get(kind) as T;
}

/**
 * `make()`, kept per `owner` and `kind` (`once`) when `size` is the site's page size: the pages'
 * routes and the event pages read the same pages. At any other size (the tests') it is made afresh.
 */
function atSiteSize<T>(owner: object, kind: string, size: number, siteSize: number, make: () => T): T {
  return size === siteSize ? once(owner, kind, make) : make();
}

/**
 * The timeline's pages, `TIMELINE_PAGE_SIZE` entries each, in order; made once per ledger (the
 * timeline's routes and every event page, which links to its year, read them).
 */
export function timelinePages(ledger: Ledger, size = TIMELINE_PAGE_SIZE): TimelinePage[] {
  return atSiteSize(ledger, 'timeline', size, TIMELINE_PAGE_SIZE, () => {
    const runs = pageRuns(ledger.timeline, () => 1, size);
    const eventsIn = eventsByYear(ledger.events);
    const years: TimelinePage['years'] = [];
    const pages = runs.map((items, i): Omit<TimelinePage, 'years'> => {
      const sections = timelineByYear(items).map(({ year, items: list }) => {
        const continued = years.at(-1)?.year === year;
        if (!continued) years.push({ year, page: i + 1 });
        return { year, continued, events: continued ? [] : (eventsIn.get(year) ?? []), items: list };
      });
      const [first, last] = [items[0], items.at(-1)].map((x) => (x ? formatDateSpecBrief(x.date) : ''));
      const span = first === last ? first! : `${first} to ${last}`;
      return { number: i + 1, count: runs.length, total: ledger.timeline.length, sections, span };
    });
    return pages.map((p) => ({ ...p, years }));
  });
}

/** The page of the timeline on which `date`'s year begins (the first page when it has none). */
export function timelinePageOfYear(ledger: Ledger, date: string, size = TIMELINE_PAGE_SIZE): number {
  const year = yearOf(date);
  return timelinePages(ledger, size)[0]!.years.find((y) => y.year === year)?.page ?? 1;
}

/**
 * The list of claims in pages of whole reports, in the ledger's order of reports, at most
 * `CLAIMS_PAGE_SIZE` claims a page unless one report alone has more; made once per ledger.
 */
export function claimsListPages(ledger: Ledger, size = CLAIMS_PAGE_SIZE): ClaimsListPage[] {
  return atSiteSize(ledger, 'claims', size, CLAIMS_PAGE_SIZE, () => {
    const groups = ledger.articles.map((article) => ({ article, claims: article.claims }));
    const runs = pageRuns(groups, (g) => g.claims.length, size);
    return runs.map((run, i) => ({
      number: i + 1,
      count: runs.length,
      claims: ledger.claims.length,
      reports: ledger.articles.length,
      groups: run,
    }));
  });
}

/** The list of reports (newest first, as the ledger holds them) in pages of `ARTICLES_PAGE_SIZE`; made once per ledger. */
export function articlesListPages(ledger: Ledger, size = ARTICLES_PAGE_SIZE): ArticlesListPage[] {
  return atSiteSize(ledger, 'articles', size, ARTICLES_PAGE_SIZE, () => reportListPages(ledger.articles, size));
}

/** `reports` in pages of `size`, laid out as the list of reports; with `topic`, as the list of the reports filed under it. */
function reportListPages(reports: Article[], size: number, topic?: TopicPage['topic']): ArticlesListPage[] {
  const runs = pageRuns(reports, () => 1, size);
  return runs.map((articles, i) => ({
    number: i + 1,
    count: runs.length,
    reports: reports.length,
    articles,
    ...(topic ? { topic } : {}),
  }));
}

/** A topic as its pages carry it: its id and record, not the entity with every claim filed under it. */
const topicHead = (topic: Topic): TopicPage['topic'] => ({ id: topic.id, data: topic.data });

/**
 * What one page of a topic shows. Not the topic itself but its id and record (`topic`): a page's
 * key is a digest of its props, and the topic entity would bring in every claim filed under it.
 */
export interface TopicPage extends PageOf {
  topic: Pick<Topic, 'id' | 'data'>;
  /** Claims filed under the topic, and the reports they come from, on all pages. */
  claims: number;
  reports: number;
  groups: { article: Article; claims: Claim[] }[];
  /**
   * The newest reports filed under the topic as a whole, `TOPIC_FILED_SHOWN` at most (on the first
   * page only; empty on the others). At 5,000 reports naming all of them made the first page the
   * site's largest (329 KB); the list of the topic's reports has them all.
   */
  filed: Article[];
  /** How many reports are filed under the topic (on the first page only; 0 on the others). */
  filedTotal: number;
}

/**
 * The reports filed under `topic`, newest first, as the list of reports orders them (the topic's
 * own list is in the order the content was read); made once per topic, which belongs to `ledger`
 * alone (a new ledger is all new entities).
 */
export function topicReports(ledger: Ledger, topic: Topic): Article[] {
  return once(topic, 'topic reports', () => {
    const rank = once(ledger, 'report ranks', () => new Map(ledger.articles.map((a, i) => [a, i])));
    return [...topic.articles].sort((a, b) => rank.get(a)! - rank.get(b)!);
  });
}

/**
 * A topic's claims in pages of whole reports, in the order of its claims, at most
 * `TOPIC_PAGE_SIZE` claims a page unless one report alone has more; the first page names the
 * newest `shown` reports filed under it. Made once per topic.
 */
export function topicPages(
  ledger: Ledger,
  topic: Topic,
  size = TOPIC_PAGE_SIZE,
  shown = TOPIC_FILED_SHOWN,
): TopicPage[] {
  return atSiteSize(topic, `topic ${shown}`, size, TOPIC_PAGE_SIZE, () => {
    const groups = groupByArticle(topic.claims);
    const runs = pageRuns(groups, (g) => g.claims.length, size);
    const head = topicHead(topic);
    const filed = topicReports(ledger, topic);
    return runs.map((run, i) => ({
      number: i + 1,
      count: runs.length,
      topic: head,
      claims: topic.claims.length,
      reports: groups.length,
      groups: run,
      filed: i === 0 ? filed.slice(0, shown) : [],
      filedTotal: i === 0 ? filed.length : 0,
    }));
  });
}

/**
 * The reports filed under `topic`, newest first, in pages of `ARTICLES_PAGE_SIZE`, laid out as the
 * list of reports; made once per topic. A page at least (the routes build none for a topic under
 * which no report is filed).
 */
export function topicReportsPages(ledger: Ledger, topic: Topic, size = ARTICLES_PAGE_SIZE): ArticlesListPage[] {
  return atSiteSize(topic, 'topic reports pages', size, ARTICLES_PAGE_SIZE, () =>
    reportListPages(topicReports(ledger, topic), size, topicHead(topic)),
  );
}

/**
 * What one page of the figures table shows, in one sort order. The charts are drawn on the first
 * page of each order only (empty on the others): they are of the whole ledger, and the same in
 * every order.
 */
export interface FiguresPage extends PageOf {
  sort: FigureSort;
  /** Figures on all pages. */
  total: number;
  /** Where this page's first row sits in the whole table (1 for the first). */
  first: number;
  items: FigureItem[];
  losses: BarInput[];
  advances: BarInput[];
}

/**
 * The figures table in `sort` order, in pages of `FIGURES_PAGE_SIZE` rows; made once per ledger
 * and order. At 5,000 reports each order was one page of 3.8 MB, rendered again after any edit of
 * a figure.
 */
export function figuresPages(ledger: Ledger, sort: FigureSort, size = FIGURES_PAGE_SIZE): FiguresPage[] {
  return atSiteSize(ledger, `figures ${sort.slug}`, size, FIGURES_PAGE_SIZE, () => {
    const runs = pageRuns(sortFigures(ledger.figures, sort.slug), () => 1, size);
    // The same charts in every order: drawn once per ledger (afresh at a test's size, as the pages).
    const [losses, advances] = atSiteSize(ledger, 'figure charts', size, FIGURES_PAGE_SIZE, () => [
      casualtyRows(ledger),
      advanceRows(ledger),
    ]);
    return runs.map((items, i) => ({
      number: i + 1,
      count: runs.length,
      sort,
      total: ledger.figures.length,
      first: i * size + 1,
      items,
      losses: i === 0 ? losses : [],
      advances: i === 0 ? advances : [],
    }));
  });
}

/** What one page of the list of events shows. */
export interface EventsListPage extends PageOf {
  /** Events on all pages. */
  events: number;
  items: LedgerEvent[];
}

/**
 * The list of events (in timeline order, as the ledger holds them) in pages of
 * `EVENTS_PAGE_SIZE`; made once per ledger. At 5,000 reports it was one page of 1,000 events
 * (410 KB) without a key, rendered again by every build.
 */
export function eventsListPages(ledger: Ledger, size = EVENTS_PAGE_SIZE): EventsListPage[] {
  return atSiteSize(ledger, 'events', size, EVENTS_PAGE_SIZE, () => {
    const runs = pageRuns(ledger.events, () => 1, size);
    return runs.map((items, i) => ({ number: i + 1, count: runs.length, events: ledger.events.length, items }));
  });
}
