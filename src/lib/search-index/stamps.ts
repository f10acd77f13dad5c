import { readdirSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';

// Stamps of files: what the index step records of the pages pagefind reads and of the files it
// writes, and compares on the next run to know what has not changed since.

/**
 * A file's size, modification time and change time. The change time is there because a copy that
 * keeps the size and the modification time (`cp -p`, `rsync -a`) cannot keep it: no tool sets it.
 */
export type Stamp = [size: number, mtimeMs: number, ctimeMs: number];

/** The stamp of a file from its `stat`. */
export const stampOf = (s: Stats): Stamp => [s.size, s.mtimeMs, s.ctimeMs];

/** Every file under `dir` (paths relative to it, `/`-separated), with its size, modification and change time. */
export function listFiles(dir: string): Record<string, Stamp> {
  const files: Record<string, Stamp> = {};
  const walk = (sub: string): void => {
    let entries;
    try {
      entries = readdirSync(join(dir, sub), { withFileTypes: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw e;
    }
    for (const entry of entries) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else files[rel] = stampOf(statSync(join(dir, rel)));
    }
  };
  walk('');
  return files;
}

/** Whether two stamps are the same: size, modification and change time. */
export const sameStamp = (x: Stamp, y: Stamp): boolean => x[0] === y[0] && x[1] === y[1] && x[2] === y[2];

/** Whether two sets of files have the same names, each with the same stamp. */
export const sameStamps = (a: Readonly<Record<string, Stamp>>, b: Readonly<Record<string, Stamp>>): boolean => {
  const names = Object.keys(a);
  if (names.length !== Object.keys(b).length) return false;
  return names.every((f) => {
    const y = b[f];
    return y !== undefined && sameStamp(a[f]!, y);
  });
};
