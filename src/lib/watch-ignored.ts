import { relative, resolve, sep } from 'node:path';
import { CONTENT_DIR } from './settings';

/**
 * Generated folders under the project root: build output, benchmark corpora, test output.
 * (Not `.astro/`: Astro watches its own data store there to reload content in `astro dev`.)
 */
export const GENERATED_FOLDERS: readonly string[] = ['dist', 'bench-out', 'test-results', 'playwright-report'];

/**
 * Vite's `server.watch.ignored`: true for a path inside one of the project's generated folders,
 * unless it leads to the content directory being served (`CONTENT_DIR` may be a benchmark corpus
 * in bench-out/). Chokidar passes a second argument (the file's stats), hence no optional one.
 */
export function watchIgnored(path: string): boolean {
  return ignoredUnder(process.cwd(), resolve(CONTENT_DIR), path);
}

/** `watchIgnored` for a given project root and content directory (absolute paths). */
export function ignoredUnder(root: string, content: string, path: string): boolean {
  const abs = resolve(path);
  if (abs === content || abs.startsWith(content + sep) || content.startsWith(abs + sep)) return false;
  const top = relative(root, abs).split(sep)[0] ?? '';
  return GENERATED_FOLDERS.includes(top);
}
