import { describe, expect, test } from 'vitest';
import { apiArticlesSchema, apiClaimsSchema, apiSourcesSchema, apiTopicsSchema } from '../../src/schemas/api';
import { articlesExport, claimsExport, sourcesExport, topicsExport } from '../../src/lib/exports/api';
import { bibtex, citationText, cslJson } from '../../src/lib/exports/cite';
import { formatFigure } from '../../src/lib/model/figures';
import { casualtyRows, advanceRows, sortFigures } from '../../src/lib/views/figure-views';
import { ledgerFrom } from './helpers';

const ledger = ledgerFrom();

describe('exports match their schemas', () => {
  test('claims.json', () => {
    const out = claimsExport(ledger);
    expect(apiClaimsSchema.parse(out).count).toBe(ledger.claims.length);
    const c = out.claims.find((x) => x.id === 'afu-1027540-russian-casualties')!;
    expect(c.claimant.name).toBe('Armed Forces of Ukraine');
    expect(c.via.map((v) => v.id)).toEqual(['minfin']);
    expect(c.figures[0]).toMatchObject({
      value: 1027540,
      asOf: { date: '2025-07-07', precision: 'day', basis: 'inferred' },
    });
    expect(c.article.anchorUrl).toMatch(/\/articles\/hidden-war-deaths\/#afu-1027540-russian-casualties$/);
    expect(c.corrections).toEqual([
      { date: '2026-11-25', note: expect.stringMatching(/^Hedge “asserted” changed to “alleged”/) },
      { date: '2026-12-03', note: expect.stringMatching(/^Statement: “as of 7 July 2025” is now “as of 7 July”/) },
    ]);
    // A report dated only as "no earlier than 7 July 2025" exports as a bound: no last day.
    const published = apiArticlesSchema
      .parse(articlesExport(ledger))
      .articles.find((a) => a.id === 'hidden-war-deaths')!.published;
    expect(published).toMatchObject({
      date: '2025-07-07/..',
      kind: 'bound',
      precision: 'day',
      earliest: '2025-07-07',
      latest: null,
      basis: 'inferred',
    });
  });
  test('articles, sources and topics json', () => {
    expect(
      apiArticlesSchema.parse(articlesExport(ledger)).articles.find((a) => a.id === 'hidden-war-deaths')?.outlet,
    ).toEqual({
      id: null,
      name: null,
      basis: 'unknown',
      note: expect.any(String),
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
  const claim = ledger.claimById.get('peskov-no-discussions-press-call')!;
  test('plain citation names claimant, claim, report, outlet, date and URL', () => {
    expect(citationText(claim)).toBe(
      `Dmitry Peskov. “Peskov told his weekly press call there were no discussions about a second mobilization.” Claim in “Is Putin planning a second mobilization to call up 500,000 troops?,” unknown outlet, October–December 2022 (inferred). Claim Ledger, http://127.0.0.1:4321/claims/peskov-no-discussions-press-call/.`,
    );
  });
  test('an inferred outlet says so', () => {
    expect(citationText(ledger.claimById.get('putin-army-universal-support')!)).toContain(
      'Fakti (inferred), 7 July 2025.',
    );
  });
  test('BibTeX and CSL-JSON', () => {
    const b = bibtex(claim);
    expect(b).toMatch(/^@misc\{claimledger-peskov-no-discussions-press-call,/);
    // The report is dated October–December 2022: the year is certain, the month is not.
    expect(b).toContain('date = {2022-10/2022-12},');
    expect(b).toContain('year = {2022}');
    expect(b).not.toContain('month');
    expect(cslJson(claim)).toEqual([
      expect.objectContaining({
        type: 'webpage',
        author: [{ literal: 'Dmitry Peskov' }],
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
    expect(cslJson(ledger.claimById.get('put-domoi-foreign-agent')!)).toEqual([
      expect.objectContaining({ issued: { literal: 'no earlier than 31 May 2024' } }),
    ]);
    expect(bibtex(ledger.claimById.get('put-domoi-foreign-agent')!)).not.toMatch(/year =/);
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
    expect(byValue[0]!.figure.value).toBe(140000000);
    const byDate = sortFigures(ledger.figures, 'by-date');
    expect(byDate[0]!.figure.asOf?.date).toBe('1914');
  });
  test('chart rows', () => {
    expect(advanceRows(ledger).map((r) => r.value)).toEqual([3220, 1580, 1000, 500, 410, 135, 50]);
    expect(casualtyRows(ledger).map((r) => r.value)).toContain(1027540);
  });
});
