import type { LoaderContext } from 'astro/loaders';
import type { ValidatedCorpus } from '../lib/content/validate';
import { readValidatedCorpus, loadValidatedCorpus } from '../lib/content/corpus';
import { CONTENT_FOLDERS } from '../lib/content/signature';

/** The name of the loader of one content collection (each folder of the content directory is one). */
export const loaderName = (collection: (typeof CONTENT_FOLDERS)[number]): string => `claim-ledger-${collection}`;

/** The names of the site's content loaders, as `refreshContent({ loaders })` takes them. */
export const CONTENT_LOADERS: readonly string[] = CONTENT_FOLDERS.map(loaderName);

/**
 * The validated corpus for a loader run. In a build it throws on problems (the integration has
 * already stopped the build with the list). In `astro dev` (the only time a loader gets a
 * `watcher`) it returns undefined instead: the store keeps its last good content, the terminal
 * and the browser show the problems (integrations/live-content.ts), and the save that fixes
 * them runs the loaders again (the integration calls `refreshContent` on every content change).
 */
export function corpusForLoader(context: LoaderContext): ValidatedCorpus | undefined {
  if (!context.watcher) return loadValidatedCorpus();
  const corpus = readValidatedCorpus();
  return corpus.problems.length > 0 ? undefined : corpus;
}
