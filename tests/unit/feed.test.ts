import { describe, expect, test } from 'vitest';
import { FEED_SIZE, feedItems } from '../../src/lib/exports/feed';
import { LEDGER_FIXTURE, ledgerFrom } from './helpers';

// The feed carries the newest items only (src/lib/exports/feed.ts): on the fixture corpus, a
// feed cut short is the start of the whole feed, newest first.
describe('feed size', () => {
  const ledger = ledgerFrom(LEDGER_FIXTURE);
  const all = feedItems(ledger, Infinity);

  test('a corpus smaller than FEED_SIZE is fed whole: one item per report and claim', () => {
    expect(all.length).toBe(ledger.articles.length + ledger.claims.length);
    expect(all.length).toBeLessThan(FEED_SIZE);
    expect(feedItems(ledger)).toEqual(all);
  });

  test('a smaller size keeps the newest items, in the same order', () => {
    const three = feedItems(ledger, 3);
    expect(three).toEqual(all.slice(0, 3));
    const time = (d?: Date): number => d?.getTime() ?? Infinity;
    const oldestKept = Math.min(...three.map((i) => time(i.pubDate)));
    for (const left of all.slice(3)) expect(time(left.pubDate)).toBeLessThanOrEqual(oldestKept);
  });
});
