import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readCorpus } from '../lib/content/read';
import { formatProblem, validateCorpus, type ValidatedCorpus } from '../lib/content/validate';
import { CONTENT_DIR } from '../lib/settings';

// Kept on `globalThis`, not in a module variable: Astro loads this module twice in one build
// (once with the config's integrations, once in Vite's bundle for the content loaders), and a
// module variable would read and validate the whole corpus twice (at 5,000 reports, the larger
// part of the build's start). The cache is keyed by every content file's name, size and
// modification time, so an edited file (in `astro dev`) is read again.
const KEY = Symbol.for('claim-ledger.validated-corpus');
type Holder = { [KEY]?: { dir: string; stamp: string; corpus: ValidatedCorpus } };

/** Names, sizes and modification times of the content files: cheap next to reading them. */
function stamp(dir: string): string {
  const parts: string[] = [];
  const walk = (d: string): void => {
    if (!existsSync(d)) return;
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const s = statSync(p, { bigint: true });
        parts.push(`${p}:${s.size}:${s.mtimeNs}`);
      }
    }
  };
  walk(dir);
  return parts.join('\n');
}

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
  const cached = (globalThis as Holder)[KEY];
  const now = stamp(abs);
  if (cached?.dir === abs && cached.stamp === now) return cached.corpus;
  const corpus = validateCorpus(readCorpus(abs));
  if (corpus.problems.length > 0) {
    const lines = corpus.problems.map(formatProblem);
    throw new ContentError(`${lines.length} content problem(s) in ${dir}:\n${lines.join('\n')}`);
  }
  (globalThis as Holder)[KEY] = { dir: abs, stamp: now, corpus };
  return corpus;
}
