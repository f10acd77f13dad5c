import { describe, expect, test } from 'vitest';
import { calendarDateProblem, dateSpecSchema, earliestDay, latestDay } from '../../src/schemas/common';
import {
  datetimeAttr,
  describeDateSpec,
  formatDate,
  formatDateSpec,
  formatDateSpecBrief,
  precisionOf,
  sortKey,
  yearLabel,
} from '../../src/lib/model/dates';
import { parseDateRange } from '../../src/schemas/common';
import { schemaDate } from '../../src/lib/exports/jsonld';

describe('calendar dates', () => {
  test.each(['2025', '2025-07', '2025-07-07', '2024-02-29', '2000-02-29'])('%s is a real date', (d) => {
    expect(calendarDateProblem(d)).toBeNull();
  });
  test.each([
    ['2025-02-30', '2025-02 has 28 days'],
    ['2023-02-29', '2023-02 has 28 days'],
    ['1900-02-29', '1900-02 has 28 days'],
    ['2025-13', 'no month 13'],
    ['2025-13-45', 'no month 13'],
    ['2025-04-31', '2025-04 has 30 days'],
    ['2025-00-10', 'no month 0'],
    ['25-07-07', 'is not a date form we read: the forms are "2024" (a year)'],
    ['2025/07/07', 'is not a date form we read: write it as "2025-07-07"'],
    ['July 2025', 'is not a date form we read: write it as "2025-07"'],
  ])('%s is refused: %s', (d, reason) => {
    expect(calendarDateProblem(d)).toContain(reason);
  });
  test('bounds of a date at each precision', () => {
    expect(earliestDay('2024')).toBe('2024-01-01');
    expect(latestDay('2024')).toBe('2024-12-31');
    expect(latestDay('2024-02')).toBe('2024-02-29');
    expect(latestDay('2025-02')).toBe('2025-02-28');
    expect(latestDay('2025-07-07')).toBe('2025-07-07');
  });
});

describe('DateSpec schema', () => {
  test('accepts a stated day and an inferred month with a note', () => {
    expect(dateSpecSchema.safeParse({ date: '2025-07-07', basis: 'stated' }).success).toBe(true);
    expect(dateSpecSchema.safeParse({ date: '2025-07', basis: 'inferred', note: 'from the text' }).success).toBe(true);
  });
  test('refuses an unquoted YAML date (a Date object) and says to quote it', () => {
    const r = dateSpecSchema.safeParse({ date: new Date('2025-07-07'), basis: 'stated' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/unquoted YAML date/);
  });
  test('refuses a future date', () => {
    const r = dateSpecSchema.safeParse({ date: `${new Date().getUTCFullYear() + 1}`, basis: 'stated' });
    expect(r.error?.issues[0]?.message).toMatch(/in the future/);
  });
  test('refuses an inferred date without a note, and unknown fields', () => {
    expect(dateSpecSchema.safeParse({ date: '2025', basis: 'inferred' }).error?.issues[0]?.path).toEqual(['note']);
    expect(dateSpecSchema.safeParse({ date: '2025', basis: 'stated', precision: 'year' }).error?.issues[0]?.code).toBe(
      'unrecognized_keys',
    );
  });
  test('refuses an unknown basis', () => {
    expect(dateSpecSchema.safeParse({ date: '2025', basis: 'guessed' }).success).toBe(false);
  });
});

describe('formatting', () => {
  test('precision follows the form', () => {
    expect(precisionOf('2025')).toBe('year');
    expect(precisionOf('2025-07')).toBe('month');
    expect(precisionOf('2025-07-07')).toBe('day');
  });
  test('dates read at their own precision, inferred ones marked "(inferred)", never "about"', () => {
    expect(formatDate('2022')).toBe('2022');
    expect(formatDate('2022-05')).toBe('May 2022');
    expect(formatDate('2025-07-07')).toBe('7 July 2025');
    expect(formatDateSpec({ date: '2022-12', basis: 'inferred', note: 'n' })).toBe('December 2022 (inferred)');
    // A day the text gives without its year is exact, not approximate.
    expect(formatDateSpec({ date: '2025-07-05', basis: 'inferred', note: 'n' })).toBe('5 July 2025 (inferred)');
    expect(describeDateSpec({ date: '2022-12', basis: 'inferred', note: 'n' })).toBe('month precision, inferred');
  });
});

describe('intervals and open bounds (an EDTF subset)', () => {
  test('parse: a point, an interval, a bound open at either end', () => {
    expect(parseDateRange('2022-05')).toEqual({ kind: 'point', start: '2022-05', end: '2022-05' });
    expect(parseDateRange('2022-06/2022-07')).toEqual({ kind: 'interval', start: '2022-06', end: '2022-07' });
    expect(parseDateRange('2024-05-31/..')).toEqual({ kind: 'bound', start: '2024-05-31', end: null });
    expect(parseDateRange('../2023-05')).toEqual({ kind: 'bound', start: null, end: '2023-05' });
  });
  test.each([
    ['0225', 'a year must be four digits from 1900 to 2099'],
    ['0225-07-07', 'has the year 0225'],
    ['2022-07/2022-06', 'ends before it starts'],
    ['2022-07/2022-07', 'an interval of one point'],
    ['../..', 'open at both ends'],
    ['2022/2023/2024', 'an interval has one "/" between its two ends'],
    [
      '07/23/2024',
      'write it as "2024-07-23"; the forms are "2024" (a year), "2024-07" (a month), "2024-07-23" (a day)',
    ],
    ['23.07.2024', 'write it as "2024-07-23"'],
    ['July 23, 2024', 'write it as "2024-07-23"'],
    ['05/06/2024', 'day and month cannot be told apart: write "2024-05-06" or "2024-06-05"'],
    ['2022-06/2022-13', 'no month 13'],
    ['2022-06/', 'is not a date form we read'],
  ])('%s is refused: %s', (d, reason) => {
    expect(parseDateRange(d)).toContain(reason);
    expect(dateSpecSchema.safeParse({ date: d, basis: 'stated' }).error?.issues[0]?.message).toContain(reason);
  });
  test('bounds: first and last possible day, open ends unbounded', () => {
    expect(earliestDay('2022-10/2022-12')).toBe('2022-10-01');
    expect(latestDay('2022-10/2022-12')).toBe('2022-12-31');
    expect(earliestDay('../2023-05')).toBe('0000-01-01');
    expect(latestDay('2024-05-31/..')).toBe('9999-12-31');
  });
  test('read at their real precision', () => {
    expect(formatDate('2022-06/2022-07')).toBe('June–July 2022');
    expect(formatDate('2022-12/2023-01')).toBe('December 2022–January 2023');
    expect(formatDate('2025-07-05/2025-07-06')).toBe('5–6 July 2025');
    expect(formatDate('2025-06-30/2025-07-07')).toBe('30 June 2025–7 July 2025');
    expect(formatDate('2024-05-31/..')).toBe('no earlier than 31 May 2024');
    expect(formatDate('../2023-05')).toBe('no later than May 2023');
    expect(formatDateSpec({ date: '2022-10/2022-12', basis: 'inferred', note: 'n' })).toBe(
      'October–December 2022 (inferred)',
    );
    expect(describeDateSpec({ date: '2024-05-31/..', basis: 'inferred', note: 'n' })).toBe(
      'lower bound, day precision, inferred',
    );
    // Where the detail follows, the date does not say "inferred" a second time.
    expect(formatDateSpecBrief({ date: '2022-10/2022-12', basis: 'inferred', note: 'n' })).toBe(
      'October–December 2022',
    );
    expect(formatDateSpecBrief({ date: '2022-12', basis: 'inferred', note: 'n' })).toBe('December 2022');
    expect(formatDateSpecBrief({ date: '2022-10/2022-12', basis: 'stated' })).toBe('October–December 2022');
  });
  test('filed and sorted by what is known', () => {
    expect(yearLabel('2022-10/2022-12')).toBe('2022');
    expect(yearLabel('2022-12/2023-01')).toBe('2022–2023');
    expect(yearLabel('2024-05-31/..')).toBe('2024 or later');
    expect(yearLabel('../2023-05')).toBe('2023 or earlier');
    expect(sortKey('../2023-05')).toBe('2023-05-01');
    expect(datetimeAttr('2022-10/2022-12')).toBeUndefined();
    expect(datetimeAttr('2022-10')).toBe('2022-10');
  });
  test('schema.org gets a date only when it is a stated point', () => {
    expect(schemaDate({ date: '2025-07-07', basis: 'stated' })).toEqual({ datePublished: '2025-07-07' });
    expect(schemaDate({ date: '2025-07', basis: 'inferred', note: 'n' })).toEqual({});
    expect(schemaDate({ date: '2022-06/2022-07', basis: 'stated' })).toEqual({});
  });
});
