import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { apiArticlesSchema, apiClaimsSchema } from '../../src/schemas/api';
import { DIST, readSite } from './dist';

// Pagefind writes one fragment per indexed page: gzip of a signature and a JSON record with the
// page's URL, indexed text, filters and metadata. Reading them back shows what search will see.
interface Fragment {
  url: string;
  content: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
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
  test('holds every report and every claim, and nothing else', () => {
    expect([...byUrl.keys()].sort()).toEqual([...articles.map((a) => path(a.url)), ...claims.map((c) => path(c.url))].sort());
  });

  test('files each claim under its statement, with its filters and a link to its anchor', () => {
    for (const c of claims) {
      const f = byUrl.get(path(c.url))!;
      expect(f.meta['title'], c.id).toBe(c.statement);
      expect(f.meta['anchor'], c.id).toBe(path(c.article.anchorUrl));
      expect(f.filters['kind'], c.id).toEqual([c.kind]);
      expect(f.filters['claimant'], c.id).toEqual([c.claimant.name]);
      expect(f.filters['report'], c.id).toEqual([c.article.title]);
      expect(f.filters['topic']?.sort(), c.id).toEqual(c.topics.map((t) => t.name).sort());
      // A year, or the years a date can fall in ("2022–2023", "2025 or later").
      expect(f.filters['year']?.[0], c.id).toMatch(/^\d{4}(?:–\d{4}| or (?:earlier|later))?$/);
    }
  });

  test("indexes what a claim says, not its report's title or its filter labels", () => {
    for (const c of claims) {
      const f = byUrl.get(path(c.url))!;
      expect(f.content.startsWith(c.statement), c.id).toBe(true);
      expect(f.content, c.id).not.toContain(c.article.title);
      expect(f.content, c.id).not.toContain('/articles/');
    }
  });
});
