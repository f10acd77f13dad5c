import { relative, resolve, sep } from 'node:path';
import { CONTENT_DIR } from '../settings';

/**
 * Generated folders under the project root: build output, benchmark corpora, test output.
 * (Not `.astro/`: Astro watches its own data store there to reload content in `astro dev`.)
 */
export const GENERATED_FOLDERS: readonly string[] = ['dist', 'bench-out', 'test-results', 'playwright-report'];

/**
 * Vite's `server.watch.ignored`: true for a path inside one of the project's generated folders,
 * and for the content directory being served, which `astro dev` watches itself
 * (integrations/live-content.ts): on Vite's watcher every saved YAML or Markdown file would make
 * Astro reload its content config, and the content store cannot be refreshed meanwhile. Chokidar
 * passes a second argument (the file's stats), hence no optional one.
 */
export function watchIgnored(path: string): boolean {
  return ignoredUnder(process.cwd(), resolve(CONTENT_DIR), path);
}

/** `watchIgnored` for a given project root and content directory (absolute paths). */
export function ignoredUnder(root: string, content: string, path: string): boolean {
  const abs = resolve(path);
  if (abs === content || abs.startsWith(content + sep)) return true;
  const top = relative(root, abs).split(sep)[0] ?? '';
  return GENERATED_FOLDERS.includes(top);
}
