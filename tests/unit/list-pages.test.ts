import { describe, expect, test } from 'vitest';
import {
  articlesListPages,
  claimsListPages,
  eventsListPages,
  figuresPages,
  pageRuns,
  pagerItems,
  timelinePageOfYear,
  timelinePages,
  topicPages,
  topicReports,
  topicReportsPages,
  type TopicPage,
} from '../../src/lib/views/list-pages';
import { groupByArticle, HOME_REPORTS, homeView } from '../../src/lib/views/home';
import { pageCacheKey } from '../../src/lib/views/page-keys';
import {
  articlesUrl,
  claimsUrl,
  eventsUrl,
  figuresPath,
  figuresUrl,
  timelineUrl,
  topicReportsUrl,
  topicUrl,
} from '../../src/lib/urls';
import { advanceRows, casualtyRows, FIGURE_SORTS, sortFigures } from '../../src/lib/views/figure-views';
import type { Claim, Source } from '../../src/lib/model/ledger';
import { PAGES_SEGMENT } from '../../src/schemas/common';
import { ledgerFrom, LEDGER_FIXTURE } from './helpers';

// The fixture ledger: five timeline entries (four in 2022, one in 2025), four events of 2022, and
// reports of 4, 4, 6 and 5 claims. Small page sizes cut it as a large ledger is cut.
const ledger = ledgerFrom(LEDGER_FIXTURE);

describe('cutting a list into pages', () => {
  test('groups fill a page up to its size, in order; one heavier than a page has a page of its own', () => {
    const w = (s: string): number => s.length;
    expect(pageRuns(['aa', 'bb', 'c', 'dddd', 'e'], w, 4)).toEqual([['aa', 'bb'], ['c'], ['dddd'], ['e']]);
    expect(pageRuns(['aaaaaa', 'b', 'c'], w, 4)).toEqual([['aaaaaa'], ['b', 'c']]);
    expect(pageRuns([], w, 4)).toEqual([[]]);
  });

  test('the pager shows the first, the last and two on each side of the current page, a gap for the rest', () => {
    expect(pagerItems(1, 1)).toEqual([]);
    expect(pagerItems(1, 3)).toEqual([1, 2, 3]);
    expect(pagerItems(1, 10)).toEqual([1, 2, 3, 'gap', 10]);
    expect(pagerItems(6, 12)).toEqual([1, 'gap', 4, 5, 6, 7, 8, 'gap', 12]);
    // One number missing is shown, not an ellipsis.
    expect(pagerItems(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(pagerItems(12, 12)).toEqual([1, 'gap', 10, 11, 12]);
  });

  test('later pages are under page/, the first at the list’s own address', () => {
    expect(timelineUrl()).toMatch(/\/timeline\/$/);
    expect(timelineUrl(1, '2022')).toMatch(/\/timeline\/#y2022$/);
    expect(timelineUrl(3, '2025')).toMatch(/\/timeline\/page\/3\/#y2025$/);
    expect(claimsUrl(1)).toMatch(/\/claims\/$/);
    expect(claimsUrl(2)).toMatch(/\/claims\/page\/2\/$/);
    expect(articlesUrl()).toMatch(/\/articles\/$/);
    expect(articlesUrl(4)).toMatch(/\/articles\/page\/4\/$/);
    expect(topicUrl('x')).toMatch(/\/topics\/x\/$/);
    expect(topicUrl('x', 2)).toMatch(/\/topics\/x\/page\/2\/$/);
    expect(topicReportsUrl('x')).toMatch(/\/topics\/x\/reports\/$/);
    expect(topicReportsUrl('x', 2)).toMatch(/\/topics\/x\/reports\/page\/2\/$/);
    expect(eventsUrl()).toMatch(/\/events\/$/);
    expect(eventsUrl(3)).toMatch(/\/events\/page\/3\/$/);
    expect(eventsUrl(2)).toContain(`/events/${PAGES_SEGMENT}/2/`);
    expect(figuresUrl()).toMatch(/\/figures\/$/);
    expect(figuresUrl('', undefined, 2)).toMatch(/\/figures\/page\/2\/$/);
    expect(figuresUrl('by-value', 'table')).toMatch(/\/figures\/by-value\/#table$/);
    expect(figuresUrl('by-value', 'table', 3)).toMatch(/\/figures\/by-value\/page\/3\/#table$/);
    // The figures route's parameter: the same path without the base and the slashes around it.
    expect([figuresPath(), figuresPath('', 2), figuresPath('by-date'), figuresPath('by-date', 4)]).toEqual([
      '',
      'page/2',
      'by-date',
      'by-date/page/4',
    ]);
    // The segment the validator keeps claims and reports from taking as their id.
    expect(claimsUrl(2)).toContain(`/claims/${PAGES_SEGMENT}/2/`);
    expect(articlesUrl(2)).toContain(`/articles/${PAGES_SEGMENT}/2/`);
  });
});

describe('the timeline in pages', () => {
  const pages = timelinePages(ledger, 2);

  test('every entry once, in order, two to a page', () => {
    expect(pages.map((p) => [p.number, p.count])).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    const entries = pages.flatMap((p) => p.sections.flatMap((s) => s.items));
    expect(entries).toEqual(ledger.timeline);
    expect(pages.map((p) => p.sections.flatMap((s) => s.items).length)).toEqual([2, 2, 1]);
    for (const p of pages) expect(p.total).toBe(5);
  });

  test('a year split across pages is continued, its events only where it begins; every page lists every year', () => {
    expect(pages.map((p) => p.sections.map((s) => [s.year, s.continued]))).toEqual([
      [['2022', false]],
      [['2022', true]],
      [['2025', false]],
    ]);
    expect(pages[0]!.sections[0]!.events.map((e) => e.id)).toEqual(ledger.events.map((e) => e.id));
    expect(pages[1]!.sections[0]!.events).toEqual([]);
    expect(pages[2]!.sections[0]!.events).toEqual([]);
    for (const p of pages)
      expect(p.years).toEqual([
        { year: '2022', page: 1 },
        { year: '2025', page: 3 },
      ]);
  });

  test('the whole timeline on one page at the site’s page size', () => {
    const [only, ...rest] = timelinePages(ledger);
    expect(rest).toEqual([]);
    expect(only!.sections.map((s) => [s.year, s.continued, s.items.length])).toEqual([
      ['2022', false, 4],
      ['2025', false, 1],
    ]);
    expect(only!.span).toBe('September 2022 to June 2025');
  });

  test('a page’s span names its first and last dates as the entries give them', () => {
    expect(pages.map((p) => p.span)).toEqual([
      'September 2022 to 21 September 2022',
      '21 September 2022 to October–December 2022',
      'June 2025',
    ]);
  });
});

describe('the list of claims in pages', () => {
  test('whole reports, in order, up to the page size; a report longer than a page alone', () => {
    const ids = (size: number): string[][] =>
      claimsListPages(ledger, size).map((p) => p.groups.map((g) => g.article.id));
    expect(ledger.articles.map((a) => a.claims.length)).toEqual([4, 4, 6, 5]);
    const [a, b, c, d] = ledger.articles.map((x) => x.id);
    expect(ids(8)).toEqual([[a, b], [c], [d]]);
    expect(ids(5)).toEqual([[a], [b], [c], [d]]);
    expect(ids(200)).toEqual([[a, b, c, d]]);
    const pages = claimsListPages(ledger, 8);
    expect(pages.flatMap((p) => p.groups.flatMap((g) => g.claims))).toEqual(ledger.articles.flatMap((x) => x.claims));
    for (const p of pages) expect([p.count, p.claims, p.reports]).toEqual([3, 19, 4]);
  });
});

describe('the list of reports in pages, and the home page’s newest reports', () => {
  // The fixture's four reports, each seen under ten ids: a ledger of forty reports.
  const many = Array.from({ length: 40 }, (_, i) => ({ ...ledger.articles[i % 4]!, id: `r${i}` }));

  test('reports in the ledger’s order (newest first), so many a page', () => {
    const pages = articlesListPages({ ...ledger, articles: many }, 15);
    expect(pages.map((p) => p.articles.map((a) => a.id))).toEqual([
      many.slice(0, 15).map((a) => a.id),
      many.slice(15, 30).map((a) => a.id),
      many.slice(30).map((a) => a.id),
    ]);
    for (const p of pages) expect([p.count, p.reports]).toEqual([3, 40]);
    expect(articlesListPages(ledger).map((p) => p.articles)).toEqual([ledger.articles]);
  });

  test('the home page shows the newest reports only, and counts them all', () => {
    const view = homeView({ ...ledger, articles: many });
    expect(view.articles.map((a) => a.id)).toEqual(many.slice(0, HOME_REPORTS).map((a) => a.id));
    expect(view.articleCount).toBe(40);
    expect(homeView(ledger).articles).toEqual(ledger.articles);
  });
});

describe('a topic in pages', () => {
  // The topic with claims from the most reports: one report a page at a page size of 1.
  const topic = [...ledger.topics].sort(
    (a, b) => groupByArticle(b.claims).length - groupByArticle(a.claims).length,
  )[0]!;
  const pages = topicPages(ledger, topic, 1);

  test('its claims by report, whole reports a page; the reports filed under it on the first page only', () => {
    const groups = groupByArticle(topic.claims);
    expect(groups.length).toBeGreaterThan(1);
    expect(pages.map((p) => p.groups)).toEqual(groups.map((g) => [g]));
    for (const p of pages)
      expect([p.count, p.claims, p.reports]).toEqual([groups.length, topic.claims.length, groups.length]);
    // Newest first: in the order of the list of reports.
    expect(pages[0]!.filed).toEqual(ledger.articles.filter((a) => topic.articles.includes(a)));
    expect(pages[0]!.filedTotal).toBe(topic.articles.length);
    for (const p of pages.slice(1)) expect([p.filed, p.filedTotal]).toEqual([[], 0]);
    // The topic's id and record, not the entity with every claim filed under it.
    expect(Object.keys(pages[0]!.topic).sort()).toEqual(['data', 'id']);
    expect(topicPages(ledger, topic).map((p) => p.groups)).toEqual([groups]);
  });
});

describe('the reports filed under a topic', () => {
  // The fixture's topics each have a report or two filed under them: a topic with forty, the
  // fixture's four reports each seen under ten ids and put in the ledger in a shuffled order.
  const many = Array.from({ length: 40 }, (_, i) => ({ ...ledger.articles[i % 4]!, id: `r${i}` }));
  const big = { ...ledger, articles: many };
  const topic = { ...ledger.topics[0]!, articles: [...many].reverse().sort((a, b) => (a.id < b.id ? -1 : 1)) };

  test('in the list of reports’ order (newest first), whatever order the topic holds them in', () => {
    expect(topicReports(big, topic).map((a) => a.id)).toEqual(many.map((a) => a.id));
  });

  test('the topic’s first page names the newest so many, counts them all; the list has them all in pages', () => {
    const first = topicPages(big, topic, 1, 15)[0]!;
    expect(first.filed.map((a) => a.id)).toEqual(many.slice(0, 15).map((a) => a.id));
    expect(first.filedTotal).toBe(40);
    expect(topicPages(big, topic, 1, 50)[0]!.filed).toHaveLength(40);
    const pages = topicReportsPages(big, topic, 15);
    expect(pages.map((p) => p.articles.map((a) => a.id))).toEqual([
      many.slice(0, 15).map((a) => a.id),
      many.slice(15, 30).map((a) => a.id),
      many.slice(30).map((a) => a.id),
    ]);
    for (const p of pages) expect([p.count, p.reports, p.topic]).toEqual([3, 40, { id: topic.id, data: topic.data }]);
  });

  test('a topic with no report filed under it: an empty list (the routes build no page of it)', () => {
    const none = { ...ledger.topics[0]!, articles: [] };
    expect(topicReportsPages(ledger, none).map((p) => [p.articles, p.count, p.reports])).toEqual([[[], 1, 0]]);
    expect(topicPages(ledger, none)[0]!.filedTotal).toBe(0);
  });
});

describe('the list of events in pages', () => {
  test('events in the ledger’s (timeline) order, so many a page; one page at the site’s size', () => {
    expect(ledger.events.length).toBeGreaterThan(2);
    const pages = eventsListPages(ledger, 2);
    expect(pages.flatMap((p) => p.items)).toEqual(ledger.events);
    expect(pages.map((p) => p.number)).toEqual(pages.map((_, i) => i + 1));
    for (const p of pages) {
      expect(p.items.length).toBeLessThanOrEqual(2);
      expect([p.count, p.events]).toEqual([Math.ceil(ledger.events.length / 2), ledger.events.length]);
    }
    expect(eventsListPages(ledger).map((p) => p.items)).toEqual([ledger.events]);
  });
});

describe('the figures table in pages', () => {
  test('each order in pages of so many rows: every figure once, in the whole table’s order; the charts on the first page', () => {
    expect(ledger.figures.length).toBeGreaterThan(4);
    // The fixture has bars to draw: the charts' place is checked, not an empty list's.
    expect(casualtyRows(ledger).length + advanceRows(ledger).length).toBeGreaterThan(0);
    for (const sort of FIGURE_SORTS) {
      const pages = figuresPages(ledger, sort, 2);
      expect(pages.flatMap((p) => p.items)).toEqual(sortFigures(ledger.figures, sort.slug));
      expect(pages.length).toBe(Math.ceil(ledger.figures.length / 2));
      expect(pages.map((p) => p.number)).toEqual(pages.map((_, i) => i + 1));
      for (const p of pages) {
        expect(p.items.length).toBeLessThanOrEqual(2);
        expect([p.count, p.total, p.sort, p.first]).toEqual([
          pages.length,
          ledger.figures.length,
          sort,
          2 * p.number - 1,
        ]);
      }
      expect([pages[0]!.losses, pages[0]!.advances]).toEqual([casualtyRows(ledger), advanceRows(ledger)]);
      for (const p of pages.slice(1)) expect([p.losses, p.advances]).toEqual([[], []]);
      // At the site's page size the fixture's figures are one page.
      expect(figuresPages(ledger, sort).map((p) => p.items)).toEqual([sortFigures(ledger.figures, sort.slug)]);
    }
  });
});

describe('list pages’ cache keys', () => {
  /** Each page's key before and after `change` (undone afterwards): the numbers of the pages whose key changed. */
  function changedPages(keys: () => string[], change: () => () => void): number[] {
    const before = keys();
    const undo = change();
    const after = keys();
    undo();
    expect(keys()).toEqual(before);
    return after.flatMap((k, i) => (k === before[i] ? [] : [i + 1]));
  }
  // Made again each time, as a build would, each with a memo of its own.
  const timelineKeys = (): string[] => timelinePages(ledger, 2).map((page) => pageCacheKey({ page }));
  const claimsKeys = (): string[] => claimsListPages(ledger, 8).map((page) => pageCacheKey({ page }));
  const edit = <T extends object, K extends keyof T>(o: T, k: K, v: T[K]) => {
    const old = o[k];
    o[k] = v;
    return () => void (o[k] = old);
  };

  test('a claim’s statement changes the key of the pages that show it, no other', () => {
    const onSecond = timelinePages(ledger, 2)[1]!.sections[0]!.items[0]!.claim;
    expect(changedPages(timelineKeys, () => edit(onSecond.data, 'statement', 'Edited.'))).toEqual([2]);
    const third = ledger.articles[2]!.claims[0]!;
    expect(changedPages(claimsKeys, () => edit(third.data, 'statement', 'Edited.'))).toEqual([2]);
  });

  test('a topic’s page keys change with the claims it shows, not with the topic’s other claims', () => {
    const topic = [...ledger.topics].sort(
      (a, b) => groupByArticle(b.claims).length - groupByArticle(a.claims).length,
    )[0]!;
    const keys = (): string[] => topicPages(ledger, topic, 1).map((page) => pageCacheKey({ page }));
    const onSecond = topicPages(ledger, topic, 1)[1]!.groups[0]!.claims[0]!;
    expect(changedPages(keys, () => edit(onSecond.data, 'statement', 'Edited.'))).toEqual([2]);
    // A report filed under the topic is named on the first page, and over its claims on the page that has them.
    const filed = topic.articles[0]!;
    const naming = topicPages(ledger, topic, 1)
      .filter((p) => p.number === 1 || p.groups.some((g) => g.article === filed))
      .map((p) => p.number);
    expect(changedPages(keys, () => edit(filed.data, 'title', 'Edited'))).toEqual(naming);
    expect(changedPages(keys, () => edit(topic.data, 'name', 'Edited')).length).toBe(
      topicPages(ledger, topic, 1).length,
    );
    const elsewhere = ledger.claims.find((c) => !c.topics.includes(topic))!;
    expect(changedPages(keys, () => edit(elsewhere.data, 'statement', 'Edited.'))).toEqual([]);
  });

  test('what a line shows of others changes the key: the claimant’s name, the report’s title, an event’s name', () => {
    // The pages whose entries' claims satisfy `shows`, by number.
    const timelineShowing = (shows: (c: Claim) => boolean): number[] =>
      timelinePages(ledger, 2)
        .filter((p) => p.sections.some((s) => s.items.some((i) => shows(i.claim))))
        .map((p) => p.number);
    const claimsShowing = (shows: (c: Claim) => boolean): number[] =>
      claimsListPages(ledger, 8)
        .filter((p) => p.groups.some((g) => g.claims.some(shows)))
        .map((p) => p.number);
    const last = ledger.timeline.at(-1)!.claim;
    const names = (src: Source) => (c: Claim) => c.claimant === src || c.via.includes(src);
    expect(changedPages(timelineKeys, () => edit(last.article.data, 'title', 'Edited'))).toEqual(
      timelineShowing((c) => c.article === last.article),
    );
    expect(changedPages(timelineKeys, () => edit(last.claimant.data, 'name', 'Edited'))).toEqual(
      timelineShowing(names(last.claimant)),
    );
    expect(changedPages(timelineKeys, () => edit(ledger.events[0]!.data, 'name', 'Edited'))).toEqual([1]);
    const first = ledger.articles[0]!;
    expect(changedPages(claimsKeys, () => edit(first.data, 'title', 'Edited'))).toEqual([1]);
    const claimant = first.claims[0]!.claimant;
    expect(changedPages(claimsKeys, () => edit(claimant.data, 'name', 'Edited'))).toEqual(
      claimsShowing(names(claimant)),
    );
  });

  test('a page of the figures table changes with the claims whose figures it shows, no other', () => {
    const [byReport, byValue] = [FIGURE_SORTS[0], FIGURE_SORTS[1]];
    const keys = (sort: (typeof FIGURE_SORTS)[number]) => (): string[] =>
      figuresPages(ledger, sort, 2).map((page) => pageCacheKey({ page }));
    const showing = (sort: (typeof FIGURE_SORTS)[number], c: Claim): number[] =>
      figuresPages(ledger, sort, 2)
        .filter((p) => p.items.some((i) => i.claim === c))
        .map((p) => p.number);
    const last = ledger.figures.at(-1)!.claim;
    expect(showing(byReport, last)).not.toContain(1);
    expect(changedPages(keys(byReport), () => edit(last.data, 'statement', 'Edited.'))).toEqual(
      showing(byReport, last),
    );
    expect(changedPages(keys(byValue), () => edit(last.data, 'statement', 'Edited.'))).toEqual(showing(byValue, last));
    // The claimant's name is shown on the rows of each claim of theirs, and on the first page's
    // charts if a bar is theirs.
    const claimant = last.claimant;
    const charts = (): string => JSON.stringify([casualtyRows(ledger), advanceRows(ledger)]);
    const before = charts();
    let chartsChanged = false;
    const changed = changedPages(keys(byReport), () => {
      const undo = edit(claimant.data, 'name', 'Edited');
      chartsChanged = charts() !== before;
      return undo;
    });
    const rows = figuresPages(ledger, byReport, 2)
      .filter((p) => p.items.some((i) => i.claim.claimant === claimant))
      .map((p) => p.number);
    // In the fixture a bar of the charts is theirs and none of the first page's rows: the first
    // page changes for its charts alone.
    expect(chartsChanged).toBe(true);
    expect(rows).not.toContain(1);
    expect(changed).toEqual([1, ...rows]);
  });

  test('a page of the list of events changes with its events (and their neighbours’ names), not with others', () => {
    // One event a page. An event's key takes in its neighbours' records (`previous`, `next`, which
    // an event page links), so a name changes its own page's key and its neighbours': more than the
    // list shows, which costs a page or two rendered again, never a stale one. What is required is
    // its own page; that the others stay is checked below.
    const keys = (): string[] => eventsListPages(ledger, 1).map((page) => pageCacheKey({ page }));
    expect(ledger.events.length).toBeGreaterThan(3);
    const third = ledger.events[2]!;
    const near = ledger.events.flatMap((e, i) =>
      e === third || e.previous === third || e.next === third ? [i + 1] : [],
    );
    expect(near).toEqual([2, 3, 4]);
    for (const change of [() => edit(third.data, 'name', 'Edited'), () => edit(third.data, 'summary', 'Edited.')]) {
      const changed = changedPages(keys, change);
      expect(changed).toContain(3);
      expect(changed.every((n) => near.includes(n))).toBe(true);
    }
    // A statement of a claim an event tells: the list shows counts of claims, not what they say.
    const told = third.claims[0]!;
    expect(changedPages(keys, () => edit(told.data, 'statement', 'Edited.'))).toEqual([]);
  });

  test('the reports filed under a topic: a page’s key changes with its reports and the topic, the first page’s with those it names', () => {
    // The fixture's topics have a report or two filed under them: this one has all four.
    const topic = { ...ledger.topics[0]!, articles: [...ledger.articles] };
    const listKeys = (): string[] => topicReportsPages(ledger, topic, 1).map((page) => pageCacheKey({ page }));
    const [newest, second] = topicReports(ledger, topic);
    expect(changedPages(listKeys, () => edit(second!.data, 'title', 'Edited'))).toEqual([2]);
    expect(changedPages(listKeys, () => edit(second!.claims[0]!.data, 'statement', 'Edited.'))).toEqual([]);
    expect(changedPages(listKeys, () => edit(topic.data, 'name', 'Edited')).length).toBe(topic.articles.length);
    // The topic's first page (one report's claims at this size) names only the newest report filed:
    // a report it neither names nor shows the claims of leaves its key alone.
    const first = (): TopicPage => topicPages(ledger, topic, 1, 1)[0]!;
    const firstKey = (): string[] => [pageCacheKey({ page: first() })];
    expect(changedPages(firstKey, () => edit(newest!.data, 'title', 'Edited'))).toEqual([1]);
    const elsewhere = topicReports(ledger, topic).filter((a) => a !== newest && a !== first().groups[0]!.article);
    expect(elsewhere.length).toBeGreaterThan(0);
    expect(changedPages(firstKey, () => edit(elsewhere[0]!.data, 'title', 'Edited'))).toEqual([]);
  });

  test('a page of the list of reports changes with its reports’ titles and outlets, not with their claims', () => {
    const keys = (): string[] => articlesListPages(ledger, 2).map((page) => pageCacheKey({ page }));
    const third = ledger.articles[2]!;
    expect(changedPages(keys, () => edit(third.data, 'title', 'Edited'))).toEqual([2]);
    expect(changedPages(keys, () => edit(third.claims[0]!.data, 'statement', 'Edited.'))).toEqual([]);
    const withOutlet = ledger.articles.findIndex((a) => a.outlet);
    expect(withOutlet).toBeGreaterThanOrEqual(0);
    const outlet = ledger.articles[withOutlet]!.outlet!;
    const naming = articlesListPages(ledger, 2)
      .filter((p) => p.articles.some((a) => a.outlet === outlet))
      .map((p) => p.number);
    expect(changedPages(keys, () => edit(outlet.data, 'name', 'Edited'))).toEqual(naming);
  });

  test('an event page links to the timeline page where its year begins', () => {
    // Two entries a page: 2022 begins on the first, 2025 on the third; a year with no entry, the first.
    expect(timelinePageOfYear(ledger, '2022-09-21', 2)).toBe(1);
    expect(timelinePageOfYear(ledger, '2025-06', 2)).toBe(3);
    expect(timelinePageOfYear(ledger, '2019', 2)).toBe(1);
  });
});
