import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { INCREMENTAL_COPIES_FOLDER, INCREMENTAL_MANIFEST_FILE } from './astro-internals';

// Astro's incremental build keeps one manifest of page keys per project (in its cacheDir), not
// one per output folder, and a page whose key matches it is left as it is found in the output
// folder being built. So after a build into folder A, then a build of other content into folder B
// (a test's temporary folder, say), a build of that content into A again found its keys in the
// manifest and kept A's pages from the first build: pages that showed what the content no longer
// says, published with no error (found with sixty reports: an event page still listing five
// tellings of fifty-nine). This guard records, when a build has finished, which folder it built
// and a digest of the manifest it left. A build that finds anything else (another folder, a
// manifest that another build has rewritten since, a build that stopped half-way, no record)
// removes the manifest and Astro's copies of the pages before the pages are generated, so every
// keyed page is rendered. Builds into the same folder, one after the other, keep reusing pages.

/** What the guard records: the output folder the last finished build wrote, and its manifest's digest. */
interface LastBuild {
  outDir: string;
  manifest: string;
}

/** The guard's record, in Astro's cache folder (removed with it for a cold build). */
export const lastBuildFile = (cacheDir: string): string => join(cacheDir, 'claim-ledger-last-build.json');

const manifestPath = (cacheDir: string): string => join(cacheDir, INCREMENTAL_MANIFEST_FILE);

function manifestDigest(cacheDir: string): string | undefined {
  try {
    return createHash('sha256')
      .update(readFileSync(manifestPath(cacheDir)))
      .digest('base64url');
  } catch {
    return undefined;
  }
}

/** The folder as the file system resolves it (a symlink switched between builds is another folder). */
function resolvedFolder(outDir: string): string {
  try {
    return realpathSync(outDir);
  } catch {
    return outDir;
  }
}

/**
 * Whether the pages in `outDir` can be trusted to match the manifest in `cacheDir`: the last build
 * recorded there went into `outDir`, finished, and left the manifest that is there now.
 */
export function outputMatchesManifest(cacheDir: string, outDir: string): boolean {
  let last: Partial<LastBuild>;
  try {
    last = JSON.parse(readFileSync(lastBuildFile(cacheDir), 'utf8')) as Partial<LastBuild>;
  } catch {
    return false;
  }
  const manifest = manifestDigest(cacheDir);
  return last.outDir === resolvedFolder(outDir) && manifest !== undefined && last.manifest === manifest;
}

/**
 * Before a build: unless `outputMatchesManifest`, removes the manifest and the page copies, and the
 * record (until this build finishes, none is trusted). Returns whether it removed anything.
 */
export function distrustUnlessMatching(cacheDir: string, outDir: string): boolean {
  if (outputMatchesManifest(cacheDir, outDir)) return false;
  rmSync(lastBuildFile(cacheDir), { force: true });
  if (!existsSync(manifestPath(cacheDir))) return false;
  rmSync(manifestPath(cacheDir));
  // The copies serve only pages the manifest lists; without it they are never restored, and the
  // copies of pages that no longer exist would never be cleaned up either.
  rmSync(join(cacheDir, INCREMENTAL_COPIES_FOLDER), { recursive: true, force: true });
  return true;
}

/** After a build has finished: records its output folder and the manifest it left. */
export function recordFinishedBuild(cacheDir: string, outDir: string): void {
  const manifest = manifestDigest(cacheDir);
  if (manifest === undefined) return;
  mkdirSync(cacheDir, { recursive: true });
  const last: LastBuild = { outDir: resolvedFolder(outDir), manifest };
  writeFileSync(lastBuildFile(cacheDir), JSON.stringify(last));
}

/** The integration: checks at the start of a build, records at its end (see the comment above). */
export default function outputFolder(): AstroIntegration {
  let cacheDir = '';
  let outDir = '';
  return {
    name: 'claim-ledger:output-folder',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': ({ logger }) => {
        if (distrustUnlessMatching(cacheDir, outDir))
          logger.info(
            'the page cache was left by a build into another output folder, or one that did not finish: every page is rendered',
          );
      },
      'astro:build:done': () => recordFinishedBuild(cacheDir, outDir),
    },
  };
}
