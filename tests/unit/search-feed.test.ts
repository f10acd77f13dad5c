import { describe, expect, test } from 'vitest';
import { Feed, itemsOf, type Item, type ResultData } from '../../src/lib/client/search-feed';
import { listEntryId, type ClaimEntry, type ReportRecord } from '../../src/lib/client/search-record';
import type { SearchState } from '../../src/lib/client/search-state';

// A report's search result as pagefind returns it, built the way a report page is indexed: the
// title, the text with each quote as an anchor, then the claim list with an anchor per entry.
interface FakeClaim {
  id: string;
  quote: string;
  statement: string;
  kind?: string;
  claimant?: string;
  date?: string;
  topics?: number[];
}
function report(
  title: string,
  text: string[],
  claims: FakeClaim[],
  opts: { date?: string; topics?: string[]; locations?: number[] } = {},
): ResultData {
  const anchors: ResultData['anchors'] = [];
  let loc = title.split(' ').length;
  for (const part of text) {
    const quote = claims.find((c) => c.quote === part);
    if (quote) anchors.push({ element: 'mark', id: quote.id, text: part, location: loc });
    loc += part.split(' ').length;
  }
  for (const c of claims) {
    anchors.push({
      element: 'li',
      id: listEntryId(c.id),
      text: `${c.statement} ${c.claimant ?? 'Someone'}`,
      location: loc,
    });
    loc += `${c.statement} ${c.claimant ?? 'Someone'}`.split(' ').length;
  }
  const record: ReportRecord = {
    t: opts.topics ?? ['T0'],
    r: [(opts.date ?? '2025-01-01').slice(0, 4), opts.date ?? '2025-01-01', [0]],
    c: claims.map((c): ClaimEntry => [
      c.id,
      `/claims/${c.id}/`,
      c.statement,
      c.claimant ?? 'Someone',
      c.kind ?? 'event',
      c.date ?? '2025',
      c.date ?? '2025-01-01',
      (c.date ?? '2025').slice(0, 4),
      c.topics ?? [0],
      [],
    ]),
  };
  return {
    url: `/articles/${title.replace(/\s/g, '-')}/`,
    content: '',
    meta: { title, claims: JSON.stringify(record) },
    anchors,
    locations: opts.locations ?? [],
  };
}
const state = (q: string, filters: Record<string, string[]> = {}, sort: SearchState['sort'] = ''): SearchState => ({
  q,
  filters,
  sort,
});
const names = (items: Item[]): string[] =>
  items.map((i) =>
    i.type === 'claim' ? i.claim.id : i.type === 'report' ? `report:${i.report.meta['title']}` : 'error',
  );

// "Alpha" (1 word), then words 1-3 before the quote, the quote at 4-6, words 7-9 after it, then
// the list: entry a at 10 ("Alpha says Someone": 10-12), entry b at 13 ("Beta says Someone").
const a: FakeClaim = {
  id: 'a',
  quote: 'drones were made',
  statement: 'Alpha says',
  kind: 'denial',
  claimant: 'Peskov',
};
const b: FakeClaim = { id: 'b', quote: 'never quoted here', statement: 'Beta says', kind: 'figure', claimant: 'Kobak' };
const withWords = (locations: number[]): ResultData =>
  report('Alpha', ['one two three', 'drones were made', 'after the quote'], [a, b], { locations });

describe('a report result becomes claim results', () => {
  test('a word in a quote makes that claim a result, and the report one after it', () => {
    expect(names(itemsOf(withWords([5]), state('were')))).toEqual(['a', 'report:Alpha']);
    const [claim] = itemsOf(withWords([5]), state('were'));
    expect(claim?.type === 'claim' && claim.hits).toEqual([5]);
  });

  test('a word after a quote does not make that claim a result: the report is, with the claim near the match', () => {
    const items = itemsOf(withWords([8]), state('the'));
    expect(names(items)).toEqual(['report:Alpha']);
    expect(items[0]?.type === 'report' && items[0].near.map((n) => n.id)).toEqual(['a']);
  });

  test('a word in what a claim says or who said it makes that claim a result, and not the report', () => {
    expect(names(itemsOf(withWords([14]), state('says')))).toEqual(['b']);
    expect(names(itemsOf(withWords([12]), state('Someone')))).toEqual(['a']);
  });

  test('a match in what a claim says ranks above a match in a quote', () => {
    expect(names(itemsOf(withWords([5, 13]), state('x')))).toEqual(['b', 'a', 'report:Alpha']);
  });

  test('filters apply per claim: a claim is kept only if it matches every chosen filter', () => {
    const all = withWords([10, 13]);
    expect(names(itemsOf(all, state('says', { kind: ['denial'] })))).toEqual(['a']);
    // The report carries denial (a) and Kobak (b), so pagefind finds it; no claim has both.
    expect(names(itemsOf(all, state('says', { kind: ['denial'], claimant: ['Kobak'] })))).toEqual([]);
    expect(names(itemsOf(all, state('says', { kind: ['denial', 'figure'], claimant: ['Kobak'] })))).toEqual(['b']);
  });

  test('without words, every claim that matches the filters, in text order, then the report', () => {
    expect(names(itemsOf(withWords([]), state('', { topic: ['T0'] })))).toEqual(['a', 'b', 'report:Alpha']);
    expect(names(itemsOf(withWords([]), state('', { kind: ['figure'] })))).toEqual(['b']);
    expect(names(itemsOf(withWords([]), state('', { kind: ['report'] })))).toEqual(['report:Alpha']);
  });
});

describe('the feed of results', () => {
  const dated = (title: string, date: string, claims: [string, string][]): ResultData =>
    report(
      title,
      claims.map(([id]) => `quote ${id}`),
      claims.map(([id, d]) => ({ id, quote: `quote ${id}`, statement: id, date: d })),
      { date },
    );
  // Two reports whose claim dates interleave: pagefind orders them by their earliest (or latest) date.
  const r1 = dated('One', '2023-06-01', [
    ['c2020', '2020-01-01'],
    ['c2022', '2022-01-01'],
  ]);
  const r2 = dated('Two', '2024-01-01', [
    ['c2021', '2021-01-01'],
    ['c2025', '2025-01-01'],
  ]);
  const results = (reports: ResultData[], reads: string[]) =>
    reports.map((r) => ({
      data: () => {
        reads.push(r.meta['title']!);
        return Promise.resolve(r);
      },
    }));
  const takeAll = async (feed: Feed, per: number): Promise<string[][]> => {
    const pages: string[][] = [];
    while (!feed.done) {
      const page: string[] = [];
      await feed.take(per, (items) => page.push(...names(items)));
      pages.push(page);
    }
    return pages;
  };

  test('oldest first merges claims across reports by date', async () => {
    const feed = new Feed(results([r1, r2], []), state('', { topic: ['T0'] }, 'date-asc'));
    expect((await takeAll(feed, 10)).flat()).toEqual(['c2020', 'c2021', 'c2022', 'report:One', 'report:Two', 'c2025']);
  });

  test('newest first merges claims across reports by date', async () => {
    // Ordered by latest date: Two (2025) before One (2023).
    const feed = new Feed(results([r2, r1], []), state('', { topic: ['T0'] }, 'date-desc'));
    expect((await takeAll(feed, 10)).flat()).toEqual(['c2025', 'report:Two', 'report:One', 'c2022', 'c2021', 'c2020']);
  });

  test('in rank order, pages of results follow the reports in turn, each report read once', async () => {
    const reads: string[] = [];
    const feed = new Feed(results([r2, r1], reads), state('', { topic: ['T0'] }), 1);
    expect(await takeAll(feed, 2)).toEqual([
      ['c2021', 'c2025'],
      ['report:Two', 'c2020'],
      ['c2022', 'report:One'],
    ]);
    expect(reads).toEqual(['Two', 'One']);
  });

  test('a page reads only the reports it needs (and those fetched ahead)', async () => {
    const reads: string[] = [];
    const many = Array.from({ length: 30 }, (_, i) => dated(`R${i}`, '2025-01-01', [[`c${i}`, '2025-01-01']]));
    const feed = new Feed(results(many, reads), state('', { topic: ['T0'] }), 5);
    const page: string[] = [];
    await feed.take(4, (items) => page.push(...names(items)));
    expect(page).toEqual(['c0', 'report:R0', 'c1', 'report:R1']);
    // R0 and R1 read; while R1 was read, the five from R1 on were in flight: R0 to R5, of 30.
    expect(reads).toEqual(['R0', 'R1', 'R2', 'R3', 'R4', 'R5']);
    expect(feed.done).toBe(false);
  });

  test('the report next in line is requested alone, the rest of the window once it has arrived', async () => {
    // Ten requested at once are downloaded and unzipped on one thread in whatever order they come
    // back, so the first result waited for most of them (about 30 ms of a second query at 5,000 reports).
    const requested: string[] = [];
    let arrive: () => void = () => undefined;
    const many = Array.from({ length: 12 }, (_, i) => dated(`R${i}`, '2025-01-01', [[`c${i}`, '2025-01-01']]));
    const feed = new Feed(
      many.map((r, i) => ({
        data: () => {
          requested.push(r.meta['title']!);
          return i === 0 ? new Promise<ResultData>((resolve) => (arrive = () => resolve(r))) : Promise.resolve(r);
        },
      })),
      state('', { topic: ['T0'] }),
      10,
    );
    const page: string[] = [];
    const taken = feed.take(1, (items) => page.push(...names(items)));
    await Promise.resolve();
    expect(requested).toEqual(['R0']);
    arrive();
    await taken;
    expect(page).toEqual(['c0']);
    expect(requested).toEqual(Array.from({ length: 10 }, (_, i) => `R${i}`));
  });

  test('in date order the next two are requested first: the second one’s date decides what the first may show', async () => {
    const requested: string[] = [];
    const arrivals: (() => void)[] = [];
    const many = Array.from({ length: 12 }, (_, i) =>
      dated(`R${i}`, `2025-01-${String(i + 1).padStart(2, '0')}`, [
        [`c${i}`, `2025-01-${String(i + 1).padStart(2, '0')}`],
      ]),
    );
    const feed = new Feed(
      many.map((r) => ({
        data: () => {
          requested.push(r.meta['title']!);
          return new Promise<ResultData>((resolve) => arrivals.push(() => resolve(r)));
        },
      })),
      state('', { topic: ['T0'] }, 'date-asc'),
      10,
    );
    const page: string[] = [];
    const taken = feed.take(1, (items) => page.push(...names(items)));
    await Promise.resolve();
    expect(requested).toEqual(['R0', 'R1']);
    arrivals[0]!();
    await new Promise((r) => setTimeout(r, 0));
    expect(requested).toEqual(['R0', 'R1']);
    arrivals[1]!();
    await taken;
    expect(page).toEqual(['c0']);
    expect(requested).toEqual(Array.from({ length: 10 }, (_, i) => `R${i}`));
    for (const arrive of arrivals.slice(2)) arrive();
  });

  test('a report that cannot be read is one error result, and the rest still come', async () => {
    const feed = new Feed(
      [{ data: () => Promise.reject(new Error('offline')) }, ...results([r1], [])],
      state('', { topic: ['T0'] }),
    );
    expect((await takeAll(feed, 10)).flat()).toEqual(['error', 'c2020', 'c2022', 'report:One']);
  });
});
