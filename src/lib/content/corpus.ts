import { resolve } from 'node:path';
import { readCorpus } from './read';
import { contentSignature } from './signature';
import { formatProblem, validateCorpus, type ValidatedCorpus } from './validate';
import { CONTENT_DIR } from '../settings';

// Shared through globalThis, not a module variable: astro.config's integrations, the content
// loaders and the pages' build bundle are separate module instances in one process, and each
// would otherwise read and validate the corpus on its own.
const CACHE = Symbol.for('claim-ledger.corpus-cache');
type Cache = Map<string, { signature: string; corpus: ValidatedCorpus }>;
const cache = ((globalThis as Record<symbol, unknown>)[CACHE] ??= new Map()) as Cache;
// Set for the length of a build (`freezeCorpus`), in which the content does not change: the check
// that a file changed (a stat of every file) then runs once, not once per page route.
const FROZEN = Symbol.for('claim-ledger.corpus-frozen');
const frozen = (): boolean => (globalThis as Record<symbol, unknown>)[FROZEN] === true;

/**
 * From now on in this process, `readValidatedCorpus` returns the corpus it has read without
 * checking the files again. For `astro build` only (`astro dev` must see each edit): at 5,000
 * reports each check stats 15,000 files, and every route of the build asks for the corpus.
 */
export function freezeCorpus(): void {
  (globalThis as Record<symbol, unknown>)[FROZEN] = true;
}

/** Thrown when the content has problems; its message lists one line per problem. */
export class ContentError extends Error {
  override name = 'ContentError';
  /** One line per problem: `file: field: reason`. */
  readonly lines: string[];
  constructor(message: string, lines: string[]) {
    super(message);
    this.lines = lines;
  }
}

/**
 * Reads and validates the corpus, problems included, without throwing. The result is kept until
 * a content file changes (its signature: every file's size and modification time), so the
 * integration and every content loader (src/loaders/) share one validation, and `astro dev` sees
 * every edit.
 */
export function readValidatedCorpus(dir: string = CONTENT_DIR): ValidatedCorpus {
  const abs = resolve(dir);
  const hit = cache.get(abs);
  if (hit && frozen()) return hit.corpus;
  const signature = contentSignature(abs);
  if (hit?.signature === signature) return hit.corpus;
  const corpus = validateCorpus(readCorpus(abs));
  cache.set(abs, { signature, corpus });
  return corpus;
}

/** The message a `ContentError` carries: a count, then one `file: field: reason` line per problem. */
export function problemsMessage(corpus: ValidatedCorpus, dir: string = CONTENT_DIR): string {
  const lines = corpus.problems.map(formatProblem);
  return `${lines.length} content problem(s) in ${dir}:\n${lines.join('\n')}`;
}

/**
 * Reads and validates the corpus (see `readValidatedCorpus`) and throws a `ContentError` listing
 * every problem if there are any. The loaders and the validation integration share this.
 */
export function loadValidatedCorpus(dir: string = CONTENT_DIR): ValidatedCorpus {
  const corpus = readValidatedCorpus(dir);
  if (corpus.problems.length > 0) throw new ContentError(problemsMessage(corpus, dir), corpus.problems.map(formatProblem));
  return corpus;
}
