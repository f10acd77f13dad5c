import { join } from 'node:path';
import { buildLedger, type Ledger } from '../../src/lib/model/ledger';
import { readCorpus } from '../../src/lib/content/read';
import { formatProblem, validateCorpus } from '../../src/lib/content/validate';

/** The project's real content directory. */
export const CONTENT = join(import.meta.dirname, '../../content');

/**
 * A small corpus of four reports with expectations written for it (tests/fixtures/ledger): events
 * told by two and three reports, relay chains, an inferred outlet, a report's own voice, a doubt
 * and a denial, a figure that differs. Behaviour tests of the ledger, events and exports run on it.
 */
export const LEDGER_FIXTURE = join(import.meta.dirname, '../fixtures/ledger/content');

/** Builds the ledger from a content directory the way the site does, without `astro:content`. */
export function ledgerFrom(dir: string = CONTENT): Ledger {
  const corpus = validateCorpus(readCorpus(dir));
  if (corpus.problems.length) throw new Error(corpus.problems.map(formatProblem).join('\n'));
  return buildLedger(corpus);
}
