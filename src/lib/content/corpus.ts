import { resolve } from 'node:path';
import { readCorpus } from './read';
import { formatProblem, validateCorpus, type ValidatedCorpus } from './validate';
import { CONTENT_DIR } from '../settings';

let cached: { dir: string; corpus: ValidatedCorpus } | undefined;

/** Thrown when the content has problems; its message lists one line per problem. */
export class ContentError extends Error {
  override name = 'ContentError';
}

/**
 * Reads and validates the corpus once per process and throws a `ContentError` listing every
 * problem if there are any. The loaders and the validation integration share this.
 */
export function loadValidatedCorpus(dir: string = CONTENT_DIR): ValidatedCorpus {
  const abs = resolve(dir);
  if (cached?.dir === abs) return cached.corpus;
  const corpus = validateCorpus(readCorpus(abs));
  if (corpus.problems.length > 0) {
    const lines = corpus.problems.map(formatProblem);
    throw new ContentError(`${lines.length} content problem(s) in ${dir}:\n${lines.join('\n')}`);
  }
  cached = { dir: abs, corpus };
  return corpus;
}
