import { describe, expect, test } from 'vitest';
import { calendarDateProblem, dateSpecSchema, earliestDay, latestDay } from '../../src/schemas/common';
import { describeDateSpec, formatDate, formatDateSpec, precisionOf } from '../../src/lib/dates';

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
    ['25-07-07', 'is not of the form'],
    ['2025/07/07', 'is not of the form'],
    ['July 2025', 'is not of the form'],
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
    expect(dateSpecSchema.safeParse({ date: '2025', basis: 'stated', precision: 'year' }).error?.issues[0]?.code).toBe('unrecognized_keys');
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
  test('dates read at their own precision, inferred ones marked "about"', () => {
    expect(formatDate('2022')).toBe('2022');
    expect(formatDate('2022-05')).toBe('May 2022');
    expect(formatDate('2025-07-07')).toBe('7 July 2025');
    expect(formatDateSpec({ date: '2022-12', basis: 'inferred', note: 'n' })).toBe('about December 2022');
    expect(describeDateSpec({ date: '2022-12', basis: 'inferred', note: 'n' })).toBe('month precision, inferred');
  });
});
