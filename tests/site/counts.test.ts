import { describe, expect, test } from 'vitest';
import { htmlPages, readSite, siteFiles } from './dist';

// No page, feed or export states how many reports there are except from the data: the ledger
// grows, and a count written by hand ("five reports") goes stale with the next report. The
// total comes from dist/api/articles.json; every "N news reports" (how the site states the total)
// must say it, no count of reports is spelled out in words, and every count of reports or claims
// is singular exactly when it is 1 ("1 reports" was on the topic pages).
const WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen';
const total = (JSON.parse(readSite('/api/articles.json')) as { count: number }).count;

// What the content itself says (a title such as "…, report 6" set before a label "report", a
// quote that counts reports) is not a count the site states: it is blanked before counts are
// looked for. Longest first, so that a title inside a longer text is not blanked first.
const api = (name: string): Record<string, Record<string, unknown>[]> =>
  JSON.parse(readSite(`/api/${name}.json`)) as Record<string, Record<string, unknown>[]>;
const CONTENT_TEXTS = [
  ...api('articles')['articles']!.flatMap((a) => [a['title'], a['summary']]),
  ...api('claims')['claims']!.flatMap((c) => [c['statement'], c['quote'], c['note']]),
  ...api('events')['events']!.flatMap((e) => [e['name'], e['summary']]),
  ...api('sources')['sources']!.flatMap((x) => [x['name'], x['description']]),
  ...api('topics')['topics']!.flatMap((t) => [t['name'], t['description']]),
]
  .filter((t): t is string => typeof t === 'string' && t.length > 0)
  .sort((a, b) => b.length - a.length);

/**
 * The text of a built file: tags removed for pages, so "<b>5</b> reports" reads as it shows, and
 * the content's own texts blanked (see above).
 */
const textOf = (path: string): string => {
  let text = readSite(path)
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|\s+/g, ' ');
  for (const t of CONTENT_TEXTS) text = text.replaceAll(t.replace(/\s+/g, ' '), ' | ');
  return text;
};

// Every page, the feed, and every JSON and CSV export (descriptions included).
const files = (): string[] => [
  ...htmlPages(),
  ...siteFiles().filter((f) => /\.(?:xml|json|csv)$/.test(f) && !f.startsWith('/pagefind/')),
];

describe('counts of reports come from the data', () => {
  test('the built site has reports to count', () => {
    expect(total).toBeGreaterThan(0);
  });

  test('every "N news reports" states the number of reports in the data', () => {
    const wrong: string[] = [];
    let seen = 0;
    for (const f of files()) {
      for (const m of textOf(f).matchAll(/\b(\d[\d,]*) news reports?\b/g)) {
        seen++;
        if (Number(m[1]!.replace(/,/g, '')) !== total) wrong.push(`${f}: "${m[0]}", but the data has ${total}`);
      }
    }
    expect(wrong).toEqual([]);
    // The home page, the feed and the data package state the total: the check above is not vacuous.
    expect(seen).toBeGreaterThanOrEqual(3);
  });

  test('no count of reports is written in words', () => {
    const wrong = files().flatMap((f) =>
      [...textOf(f).matchAll(new RegExp(`\\b(?:${WORDS})(?: news)? reports\\b`, 'gi'))].map((m) => `${f}: "${m[0]}"`),
    );
    expect(wrong).toEqual([]);
  });

  test('a count of reports or claims is singular exactly when it is 1', () => {
    const wrong = files().flatMap((f) =>
      [...textOf(f).matchAll(/\b(\d[\d,]*) (?:news |individual )?(reports?|claims?)\b/g)]
        // "the 2025 report" names a year, not a count.
        .filter((m) => !/^(?:19|20)\d\d$/.test(m[1]!) && (m[1] === '1') !== (m[2] === 'report' || m[2] === 'claim'))
        .map((m) => `${f}: "${m[0]}"`),
    );
    expect(wrong).toEqual([]);
  });
});
