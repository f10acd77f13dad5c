import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { apiArticlesSchema, apiClaimsSchema } from '../../src/schemas/api';
import { DIST, readSite } from './dist';
import { decodeRecord, listEntryId } from '../../src/lib/client/search-record';

// Pagefind writes one fragment per indexed page: gzip of a signature and a JSON record with the
// page's URL, indexed text, filters and metadata. Reading them back shows what search will see.
interface Fragment {
  url: string;
  content: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
  anchors: { element: string; id: string; text: string; location: number }[];
}
const SIGNATURE = 'pagefind_dcd';
const dir = join(DIST, 'pagefind/fragment');
const fragments: Fragment[] = readdirSync(dir).map((f) => {
  const text = gunzipSync(readFileSync(join(dir, f))).toString('utf8');
  if (!text.startsWith(SIGNATURE)) throw new Error(`${f}: not a pagefind fragment`);
  return JSON.parse(text.slice(SIGNATURE.length)) as Fragment;
});
const byUrl = new Map(fragments.map((f) => [f.url, f]));

const { claims } = apiClaimsSchema.parse(JSON.parse(readSite('/api/claims.json')));
const { articles } = apiArticlesSchema.parse(JSON.parse(readSite('/api/articles.json')));
const path = (u: string): string => new URL(u).pathname + new URL(u).hash;

describe('the search index', () => {
  test('holds every report and nothing else (a claim is found through its report)', () => {
    expect([...byUrl.keys()].sort()).toEqual(articles.map((a) => path(a.url)).sort());
  });

  test("carries each report's claims, with what a result shows and the filters it is checked against", () => {
    for (const a of articles) {
      const f = byUrl.get(path(a.url))!;
      const { report, claims: got } = decodeRecord(f.meta['claims'], f.meta['title']!);
      const mine = claims.filter((c) => c.article.id === a.id);
      expect(got.map((c) => c.id).sort(), a.id).toEqual(mine.map((c) => c.id).sort());
      for (const c of mine) {
        const g = got.find((x) => x.id === c.id)!;
        expect(g.url, c.id).toBe(path(c.url));
        expect(g.statement, c.id).toBe(c.statement);
        expect(g.values.claimant, c.id).toEqual([c.claimant.name]);
        expect(g.values.kind, c.id).toEqual([c.kind]);
        expect(g.values.report, c.id).toEqual([a.title]);
        expect(g.values.topic?.sort(), c.id).toEqual(c.topics.map((t) => t.name).sort());
        // A year, or the years a date can fall in ("2022–2023", "2025 or later").
        expect(g.values.year?.[0], c.id).toMatch(/^\d{4}(?:–\d{4}| or (?:earlier|later))?$/);
        // Pagefind filters reports: each carries every value of its claims.
        for (const [key, values] of Object.entries(g.values))
          for (const v of values) expect(f.filters[key], `${c.id} ${key}`).toContain(v);
      }
      expect(report.values.kind).toEqual(['report']);
      expect(f.filters['kind']).toContain('report');
    }
  });

  test('indexes the report text and what each claim says and who said it, each claim entry anchored by its id', () => {
    for (const a of articles) {
      const f = byUrl.get(path(a.url))!;
      for (const c of claims.filter((c) => c.article.id === a.id)) {
        expect(f.content, c.id).toContain(c.statement);
        expect(f.content, c.id).toContain(c.claimant.name);
        expect(f.anchors.find((x) => x.id === c.id)?.element, c.id).toBe('mark');
        const entry = f.anchors.find((x) => x.id === listEntryId(c.id));
        expect(entry?.text.startsWith(c.statement), c.id).toBe(true);
      }
      // Not the list's links, hedges and citation boxes, nor the hidden filter labels and record.
      expect(f.content, a.id).not.toContain('in the text');
      expect(f.content, a.id).not.toContain('Link and cite');
      expect(f.content, a.id).not.toContain('/claims/');
    }
  });
});
