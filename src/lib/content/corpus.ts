import { createHash } from 'node:crypto';
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
// Astro's parallel prerendering renders pages in a worker thread: it has a globalThis of its own
// but starts with a copy of the process's environment, taken after the config's hooks have run, so
// the flag is in the environment too (without it each page's ledger lookup stat'ed every file). Its
// value is a digest of the content's signature as the build validated it: a worker reads the
// content again, later, and must find it unchanged.
const FROZEN = Symbol.for('claim-ledger.corpus-frozen');
const FROZEN_ENV = 'CLAIM_LEDGER_CONTENT_FROZEN';
const frozen = (): boolean =>
  (globalThis as Record<symbol, unknown>)[FROZEN] === true || Boolean(process.env[FROZEN_ENV]);
const signatureDigest = (signature: string): string => createHash('sha256').update(signature).digest('base64url');

/**
 * From now on in this process, `readValidatedCorpus` returns the corpus it has read without
 * checking the files again. For `astro build` only (`astro dev` must see each edit): at 5,000
 * reports each check stats 15,000 files, and every route of the build asks for the corpus. A worker
 * thread started after this reads the content once, and fails if it is not what was validated here.
 */
export function freezeCorpus(): void {
  (globalThis as Record<symbol, unknown>)[FROZEN] = true;
  const hit = cache.get(resolve(CONTENT_DIR));
  process.env[FROZEN_ENV] = hit ? signatureDigest(hit.signature) : 'frozen';
}

/** Undoes `freezeCorpus` (for `astro dev`, and a flag left in the environment of the shell). */
export function thawCorpus(): void {
  delete (globalThis as Record<symbol, unknown>)[FROZEN];
  delete process.env[FROZEN_ENV];
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
  // In a worker thread of a build (see FROZEN_ENV): the content must be what the build validated.
  const validated = process.env[FROZEN_ENV];
  if (validated && validated !== 'frozen' && abs === resolve(CONTENT_DIR) && signatureDigest(signature) !== validated)
    throw new Error(`the content in ${dir} changed while the site was being built: build it again`);
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
