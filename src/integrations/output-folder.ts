import type { AstroIntegration } from 'astro';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { INCREMENTAL_MANIFEST_FILE } from './astro-internals';

// Astro's incremental build keeps one manifest of page keys per project (in its cacheDir), not
// one per output folder, and a page whose key matches it is left as it is found in the output
// folder being built. So after a build into folder A, then a build of other content into folder B
// (a test's temporary folder, a sub-path build), a build of that content into A again found its
// keys in the manifest and kept A's pages from the first build: pages that showed what the content
// no longer says, published with no error (found with sixty reports: an event page still listing
// five tellings of fifty-nine). This guard remembers which folder the manifest was last built
// into, and whether that build finished; when it was another folder, or a build that stopped
// half-way (its pages and the manifest may disagree), the manifest is removed before the pages
// are generated, so every keyed page is rendered again. Builds into the same folder, one after
// the other, keep reusing pages.

/** What the guard records beside the manifest: the output folder of the last build, and whether it finished. */
interface LastBuild {
  outDir: string;
  finished: boolean;
}

/** The guard's record, in Astro's cache folder (removed with it for a cold build). */
export const lastBuildFile = (cacheDir: string): string => join(cacheDir, 'claim-ledger-last-build.json');

function readLastBuild(file: string): LastBuild | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LastBuild;
  } catch {
    return undefined;
  }
}

function writeLastBuild(file: string, last: LastBuild): void {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, JSON.stringify(last));
}

/**
 * Whether the pages in `outDir` can be trusted to match the manifest: the last build recorded
 * in `cacheDir` was into `outDir` and finished. Exported for the unit test.
 */
export function outputMatchesManifest(cacheDir: string, outDir: string): boolean {
  const last = readLastBuild(lastBuildFile(cacheDir));
  return last !== undefined && last.outDir === outDir && last.finished;
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
        const manifest = join(cacheDir, INCREMENTAL_MANIFEST_FILE);
        if (existsSync(manifest) && !outputMatchesManifest(cacheDir, outDir)) {
          rmSync(manifest);
          logger.info(
            'the page cache was last built into another output folder, or not finished: every page is rendered',
          );
        }
        // Recorded before any page is written: if this build stops half-way, the next one knows.
        writeLastBuild(lastBuildFile(cacheDir), { outDir, finished: false });
      },
      'astro:build:done': () => writeLastBuild(lastBuildFile(cacheDir), { outDir, finished: true }),
    },
  };
}
