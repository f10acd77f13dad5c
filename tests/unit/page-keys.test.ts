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
