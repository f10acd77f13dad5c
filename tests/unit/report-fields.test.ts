import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { bibtex, citationText, cslJson } from '../../src/lib/exports/cite';
import { articlesExport } from '../../src/lib/exports/api';
import { articleJsonLd } from '../../src/lib/exports/jsonld';
import { apiArticlesSchema } from '../../src/schemas/api';
import { ledgerFrom, tempFolder } from './helpers';

// A newsroom's fields of a report (its web address, the day it was accessed, whether the text is
// cut off) on the fixture corpus: carried into the JSON export, the citations and the structured
// data, and absent where the frontmatter does not give them. Bad values: the bad-content fixtures
// article-url-not-https and article-accessed-not-a-day.
const root = tempFolder('fields');
cpSync(join(import.meta.dirname, '../fixtures/content-base'), join(root, 'content'), { recursive: true });
cpSync(join(import.meta.dirname, '../fixtures/permalinks.txt'), join(root, 'permalinks.txt'));
const file = join(root, 'content/articles/a-one.md');
writeFileSync(
  file,
  readFileSync(file, 'utf8').replace(
    'summary: "A fixture report."',
    'summary: "A fixture report."\nurl: "https://example.org/news/a-one?x=1&y=2"\naccessed: "2025-07-08"\nincomplete: { note: "Ends mid-word after “draft”." }',
  ),
);
const ledger = ledgerFrom(join(root, 'content'));
const withFields = ledger.claims.find((c) => c.article.id === 'a-one')!;
const without = ledger.claims.find((c) => c.article.id === 'b-two')!;

describe("a report's address, access day and incompleteness", () => {
  test('in the JSON export, and null where not given', () => {
    const articles = apiArticlesSchema.parse(articlesExport(ledger)).articles;
    expect(articles.find((a) => a.id === 'a-one')).toMatchObject({
      originalUrl: 'https://example.org/news/a-one?x=1&y=2',
      accessed: '2025-07-08',
      incomplete: { note: 'Ends mid-word after “draft”.' },
    });
    expect(articles.find((a) => a.id === 'b-two')).toMatchObject({
      originalUrl: null,
      accessed: null,
      incomplete: null,
    });
  });
  test('in the citations, beside the claim page the citation points at', () => {
    expect(citationText(withFields)).toContain(
      ', 7 July 2025 (https://example.org/news/a-one?x=1&y=2, accessed 8 July 2025). Claim Ledger, ',
    );
    expect(citationText(without)).not.toContain('accessed');
    expect(bibtex(withFields)).toContain(' Report at https://example.org/news/a-one?x=1\\&y=2, accessed 8 July 2025.}');
    expect(cslJson(withFields)[0]).toMatchObject({
      URL: expect.stringMatching(/\/claims\/[a-z0-9-]+\/$/),
      note: expect.stringMatching(/\. Report at https:\/\/example\.org\/news\/a-one\?x=1&y=2, accessed 8 July 2025\.$/),
    });
    expect(JSON.stringify(cslJson(without))).not.toContain('Report at');
  });
  test("the structured data's url is the report's own address where known, else its page here", () => {
    expect(articleJsonLd(withFields.article).url).toBe('https://example.org/news/a-one?x=1&y=2');
    expect(articleJsonLd(without.article).url).toMatch(/\/articles\/b-two\/$/);
  });
});
