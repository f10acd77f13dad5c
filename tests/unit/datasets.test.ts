import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { dataPackage, datasetCsv, DATASETS } from '../../src/lib/exports/datasets';
import { LEDGER_FIXTURE, ledgerFrom } from './helpers';

describe('CSV datasets', () => {
  test('the descriptor lists every column of every dataset, in order', () => {
    const pkg = dataPackage(3);
    for (const r of pkg.resources) {
      expect(r.schema.fields.map((f) => f.name)).toEqual(
        DATASETS[r.name as keyof typeof DATASETS].columns.map((c) => c.name),
      );
    }
  });

  test('events.csv says which events are disputed, and which not', () => {
    const ledger = ledgerFrom(LEDGER_FIXTURE);
    const rows = parse(datasetCsv(ledger, 'events'), { columns: true }) as Record<string, string>[];
    expect(Object.fromEntries(rows.map((r) => [r['id'], r['disputed']]))).toEqual({
      'long-campaign': 'false',
      // A doubt of one telling by another (tests/unit/events.test.ts, "disputed: by whom, and how").
      'decree-event': 'true',
      'single-origin-event': 'false',
      'data-halt': 'false',
    });
  });

  test('the description counts the reports it is given, singular and plural', () => {
    expect(dataPackage(3).description).toMatch(/^Claims extracted from 3 news reports on /);
    expect(dataPackage(1).description).toMatch(/^Claims extracted from 1 news report on /);
  });

  test('a text cell that a spreadsheet would run as a formula is made inert; numbers stay numbers', () => {
    const ledger = ledgerFrom(LEDGER_FIXTURE);
    const c = ledger.claims.find((x) => x.data.figures.length > 0)!;
    c.data.statement = '=HYPERLINK("http://example.invalid","x")';
    c.data.note = '@SUM(1+1)';
    const rows = parse(datasetCsv(ledger, 'claims'), { columns: true }) as Record<string, string>[];
    const row = rows.find((r) => r['id'] === c.id)!;
    expect(row['statement']).toBe('\'=HYPERLINK("http://example.invalid","x")');
    expect(row['note']).toBe("'@SUM(1+1)");
    // A quote with commas, quotes and line breaks survives the round trip unchanged.
    expect(rows.find((r) => r['id'] === 'gazette-one-million')!['quote']).toBe(
      'The River Gazette reported that the decree allows up to 1,000,000 men to be called up.',
    );
    const other = ledger.claims.find((x) => x !== c)!;
    other.data.quote = 'He said “no”, then "yes", then,\nagain, \'no\'';
    const again = parse(datasetCsv(ledger, 'claims'), { columns: true }) as Record<string, string>[];
    expect(again.find((r) => r['id'] === other.id)!['quote']).toBe('He said “no”, then "yes", then,\nagain, \'no\'');
    const figures = parse(datasetCsv(ledger, 'figures'), { columns: true }) as Record<string, string>[];
    expect(figures.find((f) => f['claim_id'] === c.id)!['value']).toBe(String(c.data.figures[0]!.value));
  });

  test("a date's precision is that of its point, or of an interval's or bound's first given end", () => {
    const ledger = ledgerFrom(LEDGER_FIXTURE);
    const c = ledger.claims[0]!;
    const precision = (date: string): string | undefined => {
      c.data.about = { date, basis: 'inferred', note: 'test' };
      const rows = parse(datasetCsv(ledger, 'claims'), { columns: true }) as Record<string, string>[];
      const row = rows.find((r) => r['id'] === c.id)!;
      expect(row['about_date']).toBe(date);
      return row['about_precision'];
    };
    expect(precision('2022')).toBe('year');
    expect(precision('2022-06')).toBe('month');
    expect(precision('2022-06-01')).toBe('day');
    expect(precision('2022-06/2022-07')).toBe('month');
    expect(precision('2022/2025')).toBe('year');
    expect(precision('2024-05-31/..')).toBe('day');
    expect(precision('../2023-05')).toBe('month');
  });
});
