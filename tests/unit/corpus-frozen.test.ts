import { afterEach, describe, expect, test } from 'vitest';
import { freezeCorpus, readValidatedCorpus, thawCorpus } from '../../src/lib/content/corpus';

// What a worker thread of a build sees: the process's environment (with the flag `freezeCorpus`
// put there), and a globalThis of its own, so an empty corpus cache.
const forgetInThisThread = (): void => {
  (globalThis as Record<symbol, Map<string, unknown>>)[Symbol.for('claim-ledger.corpus-cache')]!.clear();
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('claim-ledger.corpus-frozen')];
};

describe('the corpus frozen for a build, in a worker thread', () => {
  afterEach(() => thawCorpus());

  test('a thread that reads the content after the build froze it gets the same content', () => {
    const validated = readValidatedCorpus();
    freezeCorpus();
    const flag = process.env.CLAIM_LEDGER_CONTENT_FROZEN;
    expect(flag).toMatch(/^[\w-]{43}$/);
    forgetInThisThread();
    const again = readValidatedCorpus();
    expect(again).not.toBe(validated);
    expect(again.claims.map((c) => c.data.id)).toEqual(validated.claims.map((c) => c.data.id));
  });

  test('content that changed since the build validated it stops the thread, naming the cause', () => {
    readValidatedCorpus();
    freezeCorpus();
    forgetInThisThread();
    // As if a file had been edited: the signature's digest is not the one the build recorded.
    process.env.CLAIM_LEDGER_CONTENT_FROZEN = 'A'.repeat(43);
    expect(() => readValidatedCorpus()).toThrow(/changed while the site was being built: build it again/);
  });

  test('thawing removes the flag from the environment, so a dev server started with it follows edits', () => {
    readValidatedCorpus();
    freezeCorpus();
    thawCorpus();
    expect(process.env.CLAIM_LEDGER_CONTENT_FROZEN).toBeUndefined();
  });
});
