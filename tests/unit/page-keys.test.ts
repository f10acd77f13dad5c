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

describe('page cache keys: what a page shows besides records', () => {
  // The page's own entity is keyed by its view at depth 1 and the digests of the entities it
  // reaches: these tests change what lies outside any record.
  test('its own quote context (derived, not in its record) changes its key, and the key of a claim that lists it', () => {
    const c = ledger.claimById.get('count-refused')!;
    const changed = changedBy(() => {
      const old = c.context.after;
      c.context.after = `${old} Edited.`;
      return () => (c.context.after = old);
    });
    expect(changed.sort()).toEqual(['beta-summonses', 'count-refused']);
  });

  test('its claimant’s affiliation changes its key, though no record changed', () => {
    const c = ledger.claimById.get('count-refused')!;
    const other = ledger.sources.find((s) => s !== c.claimant && s !== c.claimant.affiliation)!;
    const changed = changedBy(() => {
      const old = c.claimant.affiliation;
      c.claimant.affiliation = other;
      return () => (c.claimant.affiliation = old);
    });
    expect(changed).toContain('count-refused');
  });

  test('a related claim’s derived field (its evidence line) changes the key of the page that lists it', () => {
    const related = ledger.claimById.get('count-refused')!;
    const changed = changedBy(() => {
      const old = related.evidence.reasoning;
      related.evidence.reasoning = `${old} Edited.`;
      return () => (related.evidence.reasoning = old);
    });
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
