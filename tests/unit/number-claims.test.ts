import { describe, expect, test } from 'vitest';
import { numberClaims } from '../../src/lib/content/number-claims';
import type { ClaimEntry } from '../../src/lib/content/validate';
import type { ClaimData } from '../../src/schemas/claim';

const claim = (article: string, id: string, block: number, start: number): ClaimEntry => ({
  article,
  file: `claims/${article}.yaml`,
  data: { id } as ClaimData,
  location: { id, block, start, end: start + 5 },
  context: undefined,
  number: 0,
});

describe('numberClaims', () => {
  test('numbers each report from 1 in text order, whatever the file order', () => {
    const claims = [
      claim('a', 'third', 2, 0),
      claim('b', 'b-first', 0, 4),
      claim('a', 'first', 0, 10),
      claim('a', 'second', 1, 0),
    ];
    numberClaims(claims);
    expect(claims.map((c) => [c.data.id, c.number])).toEqual([
      ['third', 3],
      ['b-first', 1],
      ['first', 1],
      ['second', 2],
    ]);
  });
  test('quotes that start at the same place (one nested in the other) keep file order', () => {
    const claims = [claim('a', 'outer', 0, 7), claim('a', 'inner', 0, 7), claim('a', 'before', 0, 1)];
    numberClaims(claims);
    expect(claims.map((c) => c.number)).toEqual([2, 3, 1]);
  });
});
