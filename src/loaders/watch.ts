import type { LoaderContext } from 'astro/loaders';
import { resolve, sep } from 'node:path';
import type { ValidatedCorpus } from '../lib/content/validate';
import { readValidatedCorpus, loadValidatedCorpus } from '../lib/content/corpus';
import { CONTENT_DIR } from '../lib/settings';

/** Whether `path` is the content directory or inside it. */
export function isContentPath(path: string, dir: string = resolve(CONTENT_DIR)): boolean {
  const abs = resolve(path);
  return abs === dir || abs.startsWith(dir + sep);
}

/**
 * The validated corpus for a loader run. In a build it throws on problems (the integration has
 * already stopped the build with the list). In `astro dev` (the only time a loader gets a
 * `watcher`) it returns undefined instead: the store keeps its last good content, the terminal
 * and the browser show the problems (integrations/validate-content.ts), and the next save that
 * fixes them re-runs the loader.
 */
export function corpusForLoader(context: LoaderContext): ValidatedCorpus | undefined {
  if (!context.watcher) return loadValidatedCorpus();
  const corpus = readValidatedCorpus();
  return corpus.problems.length > 0 ? undefined : corpus;
}

/**
 * Registers the content directory with the dev server's watcher and re-runs `sync` whenever a
 * file in it is added, changed or removed, as Astro's own glob loader does for its files.
 * A burst of events (an editor's save can emit several) runs `sync` at most once more after the
 * current run, and runs never overlap.
 */
export function rerunOnContentChange(context: LoaderContext, sync: () => Promise<void>): void {
  const { watcher, logger } = context;
  if (!watcher) return;
  const dir = resolve(CONTENT_DIR);
  watcher.add(dir);
  let queued = false;
  let running: Promise<void> = Promise.resolve();
  const onEvent = (path: string): void => {
    if (!isContentPath(path, dir) || queued) return;
    queued = true;
    running = running.then(async () => {
      queued = false;
      // A failing re-run must not take the dev server down: report it and wait for the next save.
      await sync().catch((e: unknown) => logger.error(e instanceof Error ? e.message : String(e)));
    });
  };
  watcher.on('change', onEvent);
  watcher.on('add', onEvent);
  watcher.on('unlink', onEvent);
}
