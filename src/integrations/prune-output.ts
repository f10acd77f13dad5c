import type { AstroIntegration } from 'astro';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sweepOutputRecords, outputRecord } from '../lib/build-records';
import { buildCacheDir } from '../lib/content/parse-cache';
import { FolderListings, pruneOlderThan } from '../lib/output/folder-prune';
import { clearUnchangedOutputs, unchangedOutputs } from '../lib/output/written-files';
import { INDEX_ENTRY_FILES, INDEX_FOLDER } from '../lib/search-folder';
import { indexUpToDate } from '../lib/search-index';

// A file written by this build can carry a modification time slightly before the build's start:
// the file system stamps with a coarse clock (a few milliseconds behind `Date.now()`).
const CLOCK_SLACK_MS = 1000;

/**
 * Keeps the output folder between builds and removes, at the end, only what this build did not
 * write or keep (a page reused by the incremental build). Astro empties the folder before building (`vite.build.emptyOutDir`, turned off in the
 * config), which at 5,000 reports meant deleting 200,000 files only to write most of them again
 * (15 minutes on a loaded machine). Every page, asset and data file is written again by each
 * build (or, for files written with `writeIfChanged`, found already right), so any other file
 * older than the build's start is one a cold build would not produce (a removed page, an old asset
 * hash): it goes, and the output stays what a cold build into an empty folder gives. The search
 * index's folder is left to the index step, which runs after Astro, keeps what it can reuse of the
 * last index and removes the rest (src/lib/search-index/); only its entry files go here, and only
 * when the index is not up to date with the report pages this build leaves. Must be the last integration: it
 * runs after the others have written their files.
 */
export default function pruneOutput(): AstroIntegration {
  let started = 0;
  let cacheDir = '';
  let projectRoot = '';
  return {
    name: 'claim-ledger:prune-output',
    hooks: {
      'astro:config:done': ({ config }) => {
        projectRoot = fileURLToPath(config.root);
        cacheDir = buildCacheDir(projectRoot);
      },
      'astro:build:start': () => {
        started = Date.now();
        clearUnchangedOutputs();
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        // A page the incremental build reused (its cache key unchanged) is left as it was, so it is
        // old; Astro lists it among the routes' outputs all the same, and so it stays.
        const pages = [...assets.values()].flat().map((url) => fileURLToPath(url));
        const root = fileURLToPath(dir);
        const listings = new FolderListings(outputRecord(cacheDir, 'folders', root), root);
        const removed = pruneOlderThan(
          root,
          started - CLOCK_SLACK_MS,
          new Set([...unchangedOutputs(), ...pages]),
          new Set([INDEX_FOLDER]),
          listings,
        );
        listings.save();
        if (removed > 0) logger.info(`removed ${removed} file(s) left from an earlier build`);
        // The records of output folders that have gone since (temporary folders of the site tests).
        sweepOutputRecords(cacheDir);
        // Until the index step runs, the site has no search rather than the last build's index,
        // unless that index is up to date: made from the report pages as this build leaves them
        // (the index step then has nothing to do). A check that cannot be made (pagefind missing,
        // a folder that cannot be read) counts as not up to date: the entry files go, the build goes on.
        let upToDate = false;
        try {
          upToDate = indexUpToDate(projectRoot, root, { cacheDir });
        } catch {
          // not up to date
        }
        if (!upToDate) for (const f of INDEX_ENTRY_FILES) rmSync(join(root, INDEX_FOLDER, f), { force: true });
      },
    },
  };
}
