import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The installed version of a package as Node would find it from `dir` (the nearest `node_modules`
 * first, up to the project at `root`), or `missing`. Caches whose output depends on a package's
 * code (the reports' rendering, the sitemap) key on it.
 */
export function installedVersion(root: string, name: string, dir = root): string {
  for (let d = dir; ; d = dirname(d)) {
    const file = join(d, 'node_modules', name, 'package.json');
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? 'unknown';
    if (d === root || dirname(d) === d) return 'missing';
  }
}
