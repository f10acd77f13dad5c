// Old outputs and caches are moved aside during a benchmark run, and deleted once it has measured
// everything, instead of being deleted before each build. On this project's benchmark machine
// (ext4 without a journal), creating files soon after deleting many was up to ten times slower
// than on a disk that had deleted nothing (40,000 small files: 10 to 15 s against 1 to 2 s), so a
// build timed right after a delete measured the disk's state along with the build
// (docs/build.md). A fresh clone's build, the case a cold build stands for, follows no delete.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ASIDE = resolve(import.meta.dirname, '../../bench-out/.set-aside');

/**
 * Moves `path` (a file or folder, if it exists) out of the way into bench-out/.set-aside, to be
 * deleted by `emptySetAside` at the end of the run. Where it cannot be moved there (another file
 * system), it is deleted at once, and the run says so: the next build's time may then suffer.
 * @param {string} path
 */
export function setAside(path) {
  if (!existsSync(path)) return;
  mkdirSync(ASIDE, { recursive: true });
  try {
    renameSync(path, join(ASIDE, randomUUID()));
  } catch (error) {
    process.stderr.write(
      `bench: could not move ${path} aside (${/** @type {Error} */ (error).message}); deleting it instead, right before a timed build\n`,
    );
    rmSync(path, { recursive: true, force: true });
  }
}

/** Deletes what `setAside` moved (and what an interrupted run left there): after the measuring. */
export function emptySetAside() {
  rmSync(ASIDE, { recursive: true, force: true });
}
