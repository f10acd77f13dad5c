import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { apiClaimsSchema, apiEventsSchema } from '../../src/schemas/api';
import { $$, readSite } from './dist';

// The CSV exports are read back with a CSV library and held to what datapackage.json declares:
// the same columns in the same order, and every value of the declared type and constraints.
interface Field {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean';
  trueValues?: string[];
  falseValues?: string[];
  constraints?: { required?: boolean; pattern?: string };
}
interface Resource {
  name: string;
  path: string;
  format: string;
  schema: {
    fields: Field[];
    missingValues: string[];
    primaryKey: string[];
    foreignKeys?: { fields: string; reference: { resource: string; fields: string } }[];
  };
}
const pkg = JSON.parse(readSite('/api/datapackage.json')) as {
  profile: string;
  licenses: { name: string; path: string }[];
  resources: Resource[];
};
const rowsOf = (r: Resource): string[][] =>
  parse(readSite(`/api/${r.path}`), { bom: true, relax_column_count: false }) as string[][];

const valid: Record<Field['type'], (v: string, f: Field) => boolean> = {
  string: () => true,
  integer: (v) => /^-?\d+$/.test(v),
  number: (v) => v.trim() !== '' && Number.isFinite(Number(v)),
  boolean: (v, f) => [...(f.trueValues ?? []), ...(f.falseValues ?? [])].includes(v),
};

describe('CSV exports and datapackage.json', () => {
  test('the package describes claims, figures and events, with a licence', () => {
    expect(pkg.profile).toBe('tabular-data-package');
    expect(pkg.resources.map((r) => [r.name, r.path, r.format])).toEqual([
      ['claims', 'claims.csv', 'csv'],
      ['figures', 'figures.csv', 'csv'],
      ['events', 'events.csv', 'csv'],
    ]);
    expect(pkg.licenses[0]?.path).toMatch(/^https:\/\/creativecommons\.org\//);
  });

  test.each(['claims', 'figures', 'events'])(
    '%s.csv has the declared columns, and every value has the declared type',
    (name) => {
      const r = pkg.resources.find((x) => x.name === name)!;
      const [header, ...rows] = rowsOf(r);
      expect(header).toEqual(r.schema.fields.map((f) => f.name));
      expect(rows.length).toBeGreaterThan(0);
      const problems: string[] = [];
      rows.forEach((row, i) =>
        r.schema.fields.forEach((f, j) => {
          const v = row[j]!;
          if (r.schema.missingValues.includes(v)) {
            if (f.constraints?.required) problems.push(`row ${i + 1} ${f.name}: required but empty`);
            return;
          }
          if (!valid[f.type](v, f)) problems.push(`row ${i + 1} ${f.name}: "${v}" is not a ${f.type}`);
          if (f.constraints?.pattern && !new RegExp(f.constraints.pattern).test(v))
            problems.push(`row ${i + 1} ${f.name}: "${v}" does not match ${f.constraints.pattern}`);
        }),
      );
      expect(problems).toEqual([]);
      // The primary key is unique.
      const key = r.schema.primaryKey.map((k) => header!.indexOf(k));
      const keys = rows.map((row) => key.map((k) => row[k]).join(' '));
      expect(new Set(keys).size).toBe(rows.length);
    },
  );

  test('the CSVs agree with the JSON exports, and foreign keys resolve', () => {
    const claims = apiClaimsSchema.parse(JSON.parse(readSite('/api/claims.json'))).claims;
    const events = apiEventsSchema.parse(JSON.parse(readSite('/api/events.json'))).events;
    const csv = (name: string): Record<string, string>[] =>
      parse(readSite(`/api/${name}.csv`), { columns: true }) as Record<string, string>[];
    const claimRows = csv('claims');
    expect(claimRows.map((c) => c['id'])).toEqual(claims.map((c) => c.id));
    // Every claim's row says what its JSON says: origin, evidence, disputes, events.
    const list = (ids: string[]): string => ids.join('; ');
    const byClaim = new Map(claimRows.map((r) => [r['id'], r]));
    for (const c of claims)
      expect(byClaim.get(c.id), c.id).toMatchObject({
        origin: c.origin.key,
        evidence: c.evidence.label,
        origin_count: String(c.evidence.independent),
        disputed: String(c.evidence.disputed),
        disputed_by: list(c.evidence.disputedBy.map((d) => d.claim)),
        events: list(c.events.map((e) => e.id)),
      });
    // The comparison covers both values of "disputed", and claims that tell an event.
    expect(new Set(claimRows.map((r) => r['disputed']))).toEqual(new Set(['true', 'false']));
    expect(claimRows.some((r) => r['events'] !== '')).toBe(true);
    const figureRows = csv('figures');
    expect(figureRows.length).toBe(claims.reduce((n, c) => n + c.figures.length, 0));
    // Every figure's row gives its value and upper bound as the JSON does (a range included).
    for (const c of claims)
      c.figures.forEach((f, i) =>
        expect(
          figureRows.find((r) => r['claim_id'] === c.id && r['figure'] === String(i + 1)),
          `${c.id} figure ${i + 1}`,
        ).toMatchObject({ value: String(f.value), upper: String(f.upper ?? '') }),
      );
    expect(figureRows.some((r) => r['upper'] !== '')).toBe(true);
    const ids = new Set(claims.map((c) => c.id));
    expect(figureRows.filter((f) => !ids.has(f['claim_id']!))).toEqual([]);
    const eventRows = csv('events');
    expect(eventRows.map((e) => e['id'])).toEqual(events.map((e) => e.id));
    const byEvent = new Map(eventRows.map((r) => [r['id'], r]));
    for (const e of events) {
      const row = byEvent.get(e.id)!;
      expect(row, e.id).toMatchObject({
        report_count: String(e.tellings.length),
        disputed: String(e.evidence.disputed),
        origin_count: String(e.evidence.independent),
        difference_count: String(e.differences.length),
      });
      expect(row['claims']!.split('; ').sort(), e.id).toEqual(
        e.tellings.flatMap((t) => t.claims.map((c) => c.id)).sort(),
      );
    }
    // Whether any event of the real content is disputed depends on the content (none may be): the
    // column's "true" is checked on a fixture (tests/unit/datasets.test.ts).
  });

  test("every date cell of every claim, figure and event agrees with the JSON exports' date, precision and basis", () => {
    const claims = apiClaimsSchema.parse(JSON.parse(readSite('/api/claims.json'))).claims;
    const events = apiEventsSchema.parse(JSON.parse(readSite('/api/events.json'))).events;
    const csv = (name: string): Record<string, string>[] =>
      parse(readSite(`/api/${name}.csv`), { columns: true }) as Record<string, string>[];
    type Out = { date: string; precision: string; basis: string } | null;
    const cells = (row: Record<string, string>, prefix: string) => ({
      date: row[prefix === 'date' ? 'date' : `${prefix}_date`],
      precision: row[`${prefix}_precision`],
      basis: row[`${prefix}_basis`],
    });
    const fromJson = (d: Out) => ({ date: d?.date ?? '', precision: d?.precision ?? '', basis: d?.basis ?? '' });
    const claimRows = new Map(csv('claims').map((r) => [r['id'], r]));
    let intervals = 0;
    for (const c of claims) {
      const row = claimRows.get(c.id)!;
      expect(cells(row, 'stated'), `${c.id} stated`).toEqual(fromJson(c.stated));
      expect(cells(row, 'about'), `${c.id} about`).toEqual(fromJson(c.about));
      if (c.about?.kind === 'interval' || c.stated?.kind === 'interval') intervals++;
    }
    // The comparison covers the case that once differed: dates given as an interval.
    expect(intervals).toBeGreaterThan(0);
    const figureRows = csv('figures');
    for (const c of claims)
      c.figures.forEach((f, i) => {
        const row = figureRows.find((r) => r['claim_id'] === c.id && r['figure'] === String(i + 1))!;
        expect(cells(row, 'as_of'), `${c.id} figure ${i + 1}`).toEqual(fromJson(f.asOf));
      });
    const eventRows = new Map(csv('events').map((r) => [r['id'], r]));
    for (const e of events) expect(cells(eventRows.get(e.id)!, 'date'), e.id).toEqual(fromJson(e.date));
  });
});

describe('event pages', () => {
  test('every event page has its tellings, differences, evidence and a graph with a text equivalent', () => {
    const events = apiEventsSchema.parse(JSON.parse(readSite('/api/events.json'))).events;
    for (const e of events) {
      const page = `${new URL(e.url).pathname}index.html`;
      expect($$(page, '.telling').length, e.id).toBe(e.tellings.length);
      expect($$(page, '#p_differences + ul > li').length, e.id).toBe(e.differences.length);
      const svg = $$(page, 'svg[role="img"]');
      expect(svg, e.id).toHaveLength(1);
      expect(svg[0]!.properties['ariaDescribedBy']).toEqual(['p_relations-text']);
      expect($$(page, '#p_relations-text').length).toBe(1);
      // The graph is drawn at build time: the page's one script only marks it scrollable when it
      // is wider than the screen (graph-scroll.ts); the other is its JSON-LD.
      const scripts = $$(page, 'script').map((s) => String(s.properties['src'] ?? s.properties['type']));
      expect(scripts, e.id).toEqual([
        'application/ld+json',
        expect.stringMatching(/^\/_astro\/EventGraph\.[^/]+\.js$/),
      ]);
    }
  });
});
