import { describe, expect, test } from 'vitest';
import { apiArticlesSchema, apiClaimsSchema, apiSourcesSchema, apiTopicsSchema } from '../../src/schemas/api';
import { articlesExport, claimsExport, sourcesExport, topicsExport } from '../../src/lib/exports/api';
import { bibtex, citationText, cslJson } from '../../src/lib/exports/cite';
import { formatFigure } from '../../src/lib/model/figures';
import { casualtyRows, advanceRows, sortFigures } from '../../src/lib/views/figure-views';
import { layoutBarChart } from '../../src/lib/views/charts';
import { LEDGER_FIXTURE, ledgerFrom } from './helpers';

// The exports and citations on the fixture corpus (tests/fixtures/ledger): the ids and expected
// values below are written for it.
const ledger = ledgerFrom(LEDGER_FIXTURE);
const claimById = (id: string) => {
  const c = ledger.claimById.get(id);
  if (!c) throw new Error(`no claim ${id}`);
  return c;
};

describe('exports match their schemas', () => {
  test('claims.json', () => {
    const out = claimsExport(ledger);
    expect(apiClaimsSchema.parse(out).count).toBe(ledger.claims.length);
    expect(out.claims).toHaveLength(19);
    const c = out.claims.find((x) => x.id === 'moss-losses')!;
    expect(c.claimant.name).toBe('Boris Moss');
    expect(c.via.map((v) => v.id)).toEqual(['summit-news', 'east-agency']);
    expect(c.figures[0]).toMatchObject({
      value: 1027540,
      asOf: { date: '2025-07-07', precision: 'day', basis: 'inferred' },
    });
    expect(c.article.anchorUrl).toMatch(/\/articles\/r-summit\/#moss-losses$/);
    expect(c.corrections).toEqual([
      { date: '2025-08-02', note: expect.stringMatching(/^Hedge “alleged” changed to “asserted”/) },
    ]);
    // A report dated only as "no earlier than 1 February 2023" exports as a bound: no last day.
    const published = apiArticlesSchema
      .parse(articlesExport(ledger))
      .articles.find((a) => a.id === 'r-valley')!.published;
    expect(published).toMatchObject({
      date: '2023-02-01/..',
      kind: 'bound',
      precision: 'day',
      earliest: '2023-02-01',
      latest: null,
      basis: 'inferred',
    });
  });
  test('articles, sources and topics json', () => {
    expect(apiArticlesSchema.parse(articlesExport(ledger)).articles.find((a) => a.id === 'r-autumn')?.outlet).toEqual({
      id: null,
      name: null,
      basis: 'unknown',
      note: 'The text names no publisher.',
    });
    expect(apiSourcesSchema.parse(sourcesExport(ledger)).count).toBe(ledger.sources.length);
    expect(apiTopicsSchema.parse(topicsExport(ledger)).count).toBe(ledger.topics.length);
  });
  test('the schema refuses a claim with a missing field', () => {
    const out = claimsExport(ledger);
    const broken = { ...out, claims: [{ ...out.claims[0], statement: undefined }] };
    expect(apiClaimsSchema.safeParse(broken).success).toBe(false);
  });
});

describe('citations', () => {
  const claim = claimById('lake-no-talks');
  test('plain citation names claimant, claim, report, outlet, date and URL', () => {
    expect(citationText(claim)).toBe(
      `Ivan Lake. “Ivan Lake told reporters there were no talks about a second wave.” Claim in “Autumn report on a second wave,” unknown outlet, October–December 2022 (inferred). Claim Ledger, http://127.0.0.1:4321/claims/lake-no-talks/.`,
    );
  });
  test('an inferred outlet says so', () => {
    expect(citationText(claimById('ridge-avoiding'))).toContain('Summit News (inferred), 7 July 2025.');
  });
  test('BibTeX and CSL-JSON', () => {
    const b = bibtex(claim);
    expect(b).toMatch(/^@misc\{claimledger-lake-no-talks,/);
    // The report is dated October–December 2022: the year is certain, the month is not.
    expect(b).toContain('date = {2022-10/2022-12},');
    expect(b).toContain('year = {2022}');
    expect(b).not.toContain('month');
    expect(cslJson(claim)).toEqual([
      expect.objectContaining({
        type: 'webpage',
        author: [{ literal: 'Ivan Lake' }],
        issued: {
          'date-parts': [
            [2022, 10],
            [2022, 12],
          ],
        },
        note: expect.stringContaining('date inferred (October–December 2022)'),
      }),
    ]);
    // A bound has no CSL date form: it goes as words.
    expect(cslJson(claimById('gazette-one-million'))).toEqual([
      expect.objectContaining({ issued: { literal: 'no earlier than 1 February 2023' } }),
    ]);
    expect(bibtex(claimById('gazette-one-million'))).not.toMatch(/year =/);
  });
});

describe('figures', () => {
  test('formatting', () => {
    expect(formatFigure({ value: 14000, approx: 'more than', unit: 'vehicles', counts: 'x' })).toBe(
      'more than 14,000 vehicles',
    );
    expect(formatFigure({ value: 60000, upper: 100000, approx: 'exact', unit: 'people', counts: 'x' })).toBe(
      '60,000–100,000 people',
    );
  });
  test('sorts are stable and complete', () => {
    const byValue = sortFigures(ledger.figures, 'by-value');
    expect(byValue).toHaveLength(ledger.figures.length);
    expect(byValue.map((f) => f.figure.value)).toEqual([1027540, 1000000, 500000, 300000, 50000, 135]);
    // Dated figures first, oldest first; the undated after them, in report order.
    const byDate = sortFigures(ledger.figures, 'by-date');
    expect(byDate.map((f) => f.figure.asOf?.date)).toEqual([
      '2022-09',
      '2023-01',
      '2025-07-07',
      undefined,
      undefined,
      undefined,
    ]);
  });
  test('chart rows', () => {
    expect(advanceRows(ledger).map((r) => [r.label, r.value])).toEqual([['Valley front (2023)', 135]]);
    // The war-losses topic's counts of the killed or injured, largest first.
    expect(casualtyRows(ledger).map((r) => r.value)).toEqual([1027540, 50000]);
  });
  test('a chart’s bars: the largest value fills the width, the rest in proportion, each with its value as text', () => {
    const bars = layoutBarChart([
      { label: 'a', value: 1027540 },
      { label: 'b', value: 513770, valueLabel: 'about half' },
      { label: 'c', value: 1 },
      { label: 'd', value: 0 },
    ]);
    expect(bars.map((b) => [b.label, b.percent, b.valueLabel])).toEqual([
      ['a', 100, '1,027,540'],
      ['b', 50, 'about half'],
      // A value too small to see is drawn at the shortest visible length, not left out.
      ['c', 0.5, '1'],
      ['d', 0.5, '0'],
    ]);
    // A third is written to four decimals: the same text on every build.
    expect(
      layoutBarChart([
        { label: 'x', value: 3 },
        { label: 'y', value: 1 },
      ])[1]!.percent,
    ).toBe(33.3333);
    // Nothing to scale by: every bar is the shortest mark, and nothing divides by zero.
    expect(layoutBarChart([{ label: 'z', value: 0 }]).map((b) => b.percent)).toEqual([0.5]);
    expect(layoutBarChart([])).toEqual([]);
  });
});
