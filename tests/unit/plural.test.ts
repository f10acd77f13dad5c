import { expect, test } from 'vitest';
import { plural } from '../../src/lib/plural';

// The one pluraliser every stated count goes through (pages, feeds, exports).
test.each([
  [0, 'report', '0 reports'],
  [1, 'report', '1 report'],
  [2, 'report', '2 reports'],
  [5, 'news report', '5 news reports'],
  [1, 'news report', '1 news report'],
  [1200, 'claim', '1,200 claims'],
  [1, 'origin', '1 origin'],
  [3, 'person', '3 people'],
])('plural(%i, %s) is "%s"', (n, one, expected) => {
  expect(plural(n, one, one === 'person' ? 'people' : undefined)).toBe(expected);
});
