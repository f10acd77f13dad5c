import { describe, expect, test } from 'vitest';
import {
  facetInputId,
  matchStatus,
  pagefindOptions,
  parseState,
  stateToQuery,
} from '../../src/lib/client/search-state';

describe('search state in the URL', () => {
  test('reads query, repeated filters and sort', () => {
    expect(parseState('?q=Peskov&topic=Rumours+of+a+second+wave&topic=Kremlin&kind=denial&sort=date-asc')).toEqual({
      q: 'Peskov',
      sort: 'date-asc',
      filters: { topic: ['Rumours of a second wave', 'Kremlin'], kind: ['denial'] },
    });
  });
  test('ignores unknown parameters and sorts', () => {
    expect(parseState('?q=%20x%20&colour=red&sort=sideways')).toEqual({ q: 'x', sort: '', filters: {} });
  });
  test('round-trips', () => {
    const s = '?q=Rosstat&topic=Mortality+statistics+and+demographic+data&year=2025&sort=date-desc';
    expect(stateToQuery(parseState(s))).toBe(s);
    expect(stateToQuery({ q: '', sort: '', filters: {} })).toBe('');
  });
  test('becomes pagefind options: any-of within a filter, sort by date', () => {
    expect(pagefindOptions(parseState('?topic=A&topic=B&claimant=C&sort=date-asc'))).toEqual({
      filters: { topic: { any: ['A', 'B'] }, claimant: { any: ['C'] } },
      sort: { first: 'asc' },
    });
    expect(pagefindOptions(parseState('?q=x'))).toEqual({ filters: {} });
    // Reports are ordered by their latest claim date for newest first.
    expect(pagefindOptions(parseState('?q=x&sort=date-desc'))).toEqual({ filters: {}, sort: { last: 'desc' } });
  });
  test('asks for the counts of the open panels without narrowing by them', () => {
    expect(pagefindOptions(parseState('?q=x&kind=denial'), ['topic', 'kind'])).toEqual({
      filters: { topic: { any: [] }, kind: { any: ['denial'] } },
    });
  });
});

describe('facetInputId', () => {
  test('one id per value: punctuation and spaces never collide with letters or underscores', () => {
    const values = ['a b', 'a_b', 'a-b', 'a_20_b', 'Covert (“crypto”) mobilization', 'War losses'];
    const ids = values.map((v) => facetInputId('topic', v));
    expect(new Set(ids).size).toBe(values.length);
    for (const id of ids) expect(id).toMatch(/^f-topic-[A-Za-z0-9_]+$/);
    expect(facetInputId('year', '2025')).toBe('f-year-2025');
  });
});

describe('matchStatus', () => {
  test('says that reports are counted, singular and plural', () => {
    expect(matchStatus(1, '“Rosstat”')).toBe('1 report matches “Rosstat”; it is listed with its matching claims.');
    expect(matchStatus(2, '“Rosstat”')).toBe('2 reports match “Rosstat”; each is listed with its matching claims.');
  });
});
