import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
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

const made: string[] = [];
// Registered when a test file imports this module: every folder it made goes after its tests.
afterAll(() => made.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A new temporary folder (`claim-ledger-<name>-…`), removed after the importing file's tests. */
export function tempFolder(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `claim-ledger-${name}-`));
  made.push(dir);
  return dir;
}
