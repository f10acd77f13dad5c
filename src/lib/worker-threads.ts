import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// What the project's two worker threads (claims files parsed, src/lib/content/read.ts; reports
// rendered, src/loaders/render-reports.ts) share: where to start one from, and how a failed one
// is said. Either way the main thread then does the work itself.

/**
 * The URL of a worker thread's entry file `name` beside the module whose `import.meta.url` is
 * `base`, if it is there to start: a module bundled away from its source folder (the pages'
 * bundle) has none, and does the work in its own thread.
 */
export function workerEntry(name: string, base: string): URL | undefined {
  const entry = new URL(name, base);
  return entry.protocol === 'file:' && existsSync(fileURLToPath(entry)) ? entry : undefined;
}

/** Says, in one line on standard error, that a worker thread failed and its `work` was done in the main thread. */
export function sayWorkerFailed(work: string, error: string): void {
  process.stderr.write(`${work} in the main thread: the worker thread failed (${error.split('\n')[0]})\n`);
}
