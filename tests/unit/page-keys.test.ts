import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { pageCacheKey } from '../../src/lib/views/page-keys';
import { ledgerFrom } from './helpers';

const ledger = ledgerFrom(join(import.meta.dirname, '../fixtures/content-base'));
const claimKey = (id: string): string => pageCacheKey({ claim: ledger.claimById.get(id)! });

/** Every claim page's key before and after `change` (undone afterwards): the ids whose key changed. */
function changedBy(change: () => () => void): string[] {
  const before = new Map(ledger.claims.map((c) => [c.id, claimKey(c.id)]));
  const undo = change();
  const changed = ledger.claims.filter((c) => claimKey(c.id) !== before.get(c.id)).map((c) => c.id);
  undo();
  expect(ledger.claims.map((c) => claimKey(c.id))).toEqual([...before.values()]);
  return changed;
}

describe('page cache keys', () => {
  test('a claim’s statement changes its page’s key and those of the claims that show it, no other', () => {
    const c = ledger.claimById.get('count-refused')!;
    const changed = changedBy(() => {
      const old = c.data.statement;
      c.data.statement = `${old} Edited.`;
      return () => (c.data.statement = old);
    });
    // Its page, and the page of the claim it corroborates (which lists it); not the other claim of its report.
    expect(changed.sort()).toEqual(['beta-summonses', 'count-refused']);
  });

  test('a neighbour’s neighbour’s title is in the key: the report of a related claim', () => {
    const report = ledger.claimById.get('beta-summonses')!.article;
    const changed = changedBy(() => {
      const old = report.data.title;
      report.data.title = `${old} Edited`;
      return () => (report.data.title = old);
    });
    // Its own claims' pages name it, and so does the page of the claim related to one of them.
    expect(changed).toContain('count-refused');
    expect(changed).toContain('beta-summonses');
  });
});

describe('the pages’ code does not vary with the environment', () => {
  // Astro compiles a bare `import.meta.env` (one not followed by `.NAME`) into the module together
  // with every environment variable whose name occurs in its text (`_`, the command that started
  // the build, occurs in nearly any). That code is part of each page's module-graph hash, so how a
  // build was started decided whether Astro's incremental build could reuse any page.
  test('no module of the site reads import.meta.env whole', () => {
    const src = join(import.meta.dirname, '../../src');
    const offenders = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(?:ts|mts|js|mjs|astro)$/.test(f))
      .filter((f) =>
        /\bimport\.meta\.env\b(?!\.)/.test(readFileSync(join(src, f), 'utf8').replace(/^\s*(?:\/\/|\*).*$/gm, '')),
      );
    expect(offenders).toEqual([]);
  });
});
