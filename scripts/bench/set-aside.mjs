// Old outputs and caches are moved aside during a benchmark run, and deleted once it has measured
// everything, instead of being deleted before each build. On this project's benchmark machine
// (ext4 without a journal), creating files soon after deleting many was up to ten times slower
// than on a disk that had deleted nothing (40,000 small files: 10 to 15 s against 1 to 2 s; a
// cold build at 5,000 reports spent 92 s generating pages right after deleting the last round's
// output and caches, 66 s after the kernel's caches had been dropped), so a build timed right after
// a delete measured the disk's state more than the build (docs/benchmarks.md). A fresh clone's
// build, the case a cold build stands for, follows no delete.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ASIDE = resolve(import.meta.dirname, '../../bench-out/.set-aside');
let count = 0;

/**
 * Moves `path` (a file or folder, if it exists) out of the way into bench-out/.set-aside, to be
 * deleted by `emptySetAside` at the end of the run; deletes it at once where it cannot be moved
 * there (another file system).
 * @param {string} path
 */
export function setAside(path) {
  if (!existsSync(path)) return;
  mkdirSync(ASIDE, { recursive: true });
  try {
    renameSync(path, join(ASIDE, `${process.pid}-${count++}`));
  } catch {
    rmSync(path, { recursive: true, force: true });
  }
}

/** Deletes what `setAside` moved (and what an interrupted run left there): after the measuring. */
export function emptySetAside() {
  rmSync(ASIDE, { recursive: true, force: true });
}
