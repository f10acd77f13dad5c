import { resolve } from 'node:path';
import { readCorpus } from './read';
import { formatProblem, validateCorpus, type ValidatedCorpus } from './validate';
import { CONTENT_DIR } from '../settings';

// Kept on `globalThis`: the pages run from Astro's build bundle, a module instance of their own
// in the same process as the integrations, and must not read and validate the corpus again.
const KEY = Symbol.for('claim-ledger.corpus');
type Holder = { [KEY]?: { dir: string; corpus: ValidatedCorpus } };

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
 * Reads and validates the corpus once per process and throws a `ContentError` listing every
 * problem if there are any. The loaders and the validation integration share this.
 */
export function loadValidatedCorpus(dir: string = CONTENT_DIR): ValidatedCorpus {
  const abs = resolve(dir);
  const holder = globalThis as Holder;
  if (holder[KEY]?.dir === abs) return holder[KEY].corpus;
  const corpus = validateCorpus(readCorpus(abs));
  if (corpus.problems.length > 0) {
    const lines = corpus.problems.map(formatProblem);
    throw new ContentError(`${lines.length} content problem(s) in ${dir}:\n${lines.join('\n')}`, lines);
  }
  holder[KEY] = { dir: abs, corpus };
  return corpus;
}
