import { join } from 'node:path';
import { toString } from 'hast-util-to-string';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { formatDateSpec, isPoint } from '../../src/lib/model/dates';
import { ledgerFrom } from '../unit/helpers';
import { FEED_SIZE, feedItems } from '../../src/lib/exports/feed';
import { $$, readSite } from './dist';

// RSS and JSON-LD dates in the built site, checked against the content: neither may claim more
// precision than the content gives. schema.org's datePublished is a stated point or nothing; an
// RSS pubDate is the day this site first published the item (permalinks.txt), never a report's
// date padded to a day, and the item's text gives the report's date as known.

// The content the build in DIST came from (CONTENT_DIR when set, as for the build).
const content = process.env['CONTENT_DIR'] ?? join(import.meta.dirname, '../../content');
const ledger = ledgerFrom(content);
// Read from permalinks.txt by the validator, as the build reads it.
const { firstPublished } = ledger;
const ld = (page: string): Record<string, unknown> =>
  JSON.parse(toString($$(page, 'script[type="application/ld+json"]')[0]!)) as Record<string, unknown>;
const page = (path: string): string => `${path}index.html`;

describe('JSON-LD dates', () => {
  test("a report's datePublished is there exactly when its date is a stated point, and is that date", () => {
    let stated = 0;
    for (const a of ledger.articles) {
      const d = a.data.published;
      const got = ld(page(`/articles/${a.id}/`))['datePublished'];
      if (d.basis === 'stated' && isPoint(d.date)) {
        stated++;
        expect(got, a.id).toBe(d.date);
      } else expect(got, a.id).toBeUndefined();
    }
    // Some report has a stated dateline (the inferred ones must not pass as published on a day).
    expect(stated).toBeGreaterThan(0);
  });
  test("a claim's datePublished is when it was said, else its report's, and only a stated point", () => {
    let withDate = 0;
    for (const c of ledger.claims) {
      const d = c.data.stated ?? c.article.data.published;
      const json = ld(page(`/claims/${c.id}/`));
      if (d.basis === 'stated' && isPoint(d.date)) {
        withDate++;
        expect(json['datePublished'], c.id).toBe(d.date);
      } else expect(json['datePublished'], c.id).toBeUndefined();
      // The report it appeared in follows the same rule.
      const appearance = json['appearance'] as Record<string, unknown>;
      const p = c.article.data.published;
      expect(appearance['datePublished'], c.id).toBe(p.basis === 'stated' && isPoint(p.date) ? p.date : undefined);
    }
    expect(withDate).toBeGreaterThan(10);
  });
});

describe('RSS dates', () => {
  const items = new XMLParser().parse(readSite('/rss.xml')).rss.channel.item as {
    link: string;
    pubDate?: string;
    description: string;
  }[];
  const byPath = new Map(items.map((i) => [new URL(i.link).pathname, i]));
  const day = (pubDate: string | undefined): string | undefined =>
    pubDate ? new Date(pubDate).toISOString().slice(0, 10) : undefined;

  test('the feed is the newest items, in order, as many as FEED_SIZE allows', () => {
    const expected = feedItems(ledger).map((i) => new URL(i.link, 'http://x').pathname);
    expect(expected.length).toBe(Math.min(FEED_SIZE, ledger.articles.length + ledger.claims.length));
    expect(items.map((i) => new URL(i.link).pathname)).toEqual(expected);
  });

  test("a claim's pubDate is the day it was first published here, and its text gives the report's date as known", () => {
    // A claim not yet recorded in permalinks.txt has no pubDate rather than the build's clock.
    expect(ledger.claims.some((c) => firstPublished.has(c.id))).toBe(true);
    const inFeed = ledger.claims.filter((c) => byPath.has(`/claims/${c.id}/`));
    expect(inFeed.length).toBeGreaterThan(0);
    for (const c of inFeed) {
      const item = byPath.get(`/claims/${c.id}/`)!;
      expect(day(item.pubDate), c.id).toBe(firstPublished.get(c.id));
      expect(item.description, c.id).toContain(`report dated ${formatDateSpec(c.article.data.published)}`);
    }
  });
  test("a report's pubDate is the day its first claim was published here, never its own date padded to a day", () => {
    for (const a of ledger.articles.filter((x) => byPath.has(`/articles/${x.id}/`))) {
      const item = byPath.get(`/articles/${a.id}/`)!;
      const first = a.claims.map((c) => firstPublished.get(c.id)!).sort()[0];
      expect(day(item.pubDate), a.id).toBe(first);
      expect(item.description, a.id).toContain(`Report dated ${formatDateSpec(a.data.published)}`);
    }
    // No date in the feed is a report's date padded to a day (a report of "October–December 2022"
    // as 1 January 2022): every pubDate is a day permalinks.txt gives.
    const days = new Set(firstPublished.values());
    for (const i of items) if (i.pubDate) expect(days.has(day(i.pubDate)!), i.link).toBe(true);
  });
});
