import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { tempFolder } from './helpers';
import { INCREMENTAL_COPIES_FOLDER, INCREMENTAL_MANIFEST_FILE } from '../../src/integrations/astro-internals';
import {
  distrustUnlessMatching,
  lastBuildFile,
  outputMatchesManifest,
  recordFinishedBuild,
} from '../../src/integrations/output-folder';

// The guard that keeps Astro's incremental build from keeping pages another build left in an
// output folder (src/integrations/output-folder.ts), on a cache folder of its own: each way the
// folder and the manifest can stop matching, and the one way they match.
const root = tempFolder('output-folder');

let n = 0;
/** A fresh cache folder with a manifest and a page copy, and two output folders. */
function setup(): { cache: string; a: string; b: string; writeManifest: (text: string) => void } {
  const dir = join(root, String(n++));
  const cache = join(dir, '.astro');
  const [a, b] = [join(dir, 'a'), join(dir, 'b')];
  for (const d of [cache, a, b, join(cache, INCREMENTAL_COPIES_FOLDER, 'claims/x')]) mkdirSync(d, { recursive: true });
  writeFileSync(join(cache, INCREMENTAL_COPIES_FOLDER, 'claims/x/index.html'), 'copy');
  const writeManifest = (text: string): void => writeFileSync(join(cache, INCREMENTAL_MANIFEST_FILE), text);
  writeManifest('{"routes":{}}');
  return { cache, a, b, writeManifest };
}
const hasManifest = (cache: string): boolean => existsSync(join(cache, INCREMENTAL_MANIFEST_FILE));
const hasCopies = (cache: string): boolean => existsSync(join(cache, INCREMENTAL_COPIES_FOLDER));

describe('output-folder guard', () => {
  test('no record (a first build, or one that did not finish): the manifest and the copies go', () => {
    const { cache, a } = setup();
    expect(outputMatchesManifest(cache, a)).toBe(false);
    expect(distrustUnlessMatching(cache, a)).toBe(true);
    expect(hasManifest(cache)).toBe(false);
    expect(hasCopies(cache)).toBe(false);
  });

  test('a finished build into the same folder is trusted; another folder is not', () => {
    const { cache, a, b } = setup();
    recordFinishedBuild(cache, a);
    expect(outputMatchesManifest(cache, a)).toBe(true);
    expect(outputMatchesManifest(cache, `${a}/`)).toBe(true);
    expect(outputMatchesManifest(cache, b)).toBe(false);
    expect(distrustUnlessMatching(cache, a)).toBe(false);
    expect(hasManifest(cache)).toBe(true);
    expect(hasCopies(cache)).toBe(true);
    expect(distrustUnlessMatching(cache, b)).toBe(true);
    expect(hasManifest(cache)).toBe(false);
  });

  test('a manifest another build rewrote since the record is not trusted', () => {
    const { cache, a, writeManifest } = setup();
    recordFinishedBuild(cache, a);
    writeManifest('{"routes":{"other":{}}}');
    expect(outputMatchesManifest(cache, a)).toBe(false);
  });

  test('a build that starts is not trusted until it finishes: its start removes the record', () => {
    const { cache, a, b, writeManifest } = setup();
    recordFinishedBuild(cache, a);
    // A build into b starts (the manifest goes), writes its manifest and stops half-way.
    expect(distrustUnlessMatching(cache, b)).toBe(true);
    expect(existsSync(lastBuildFile(cache))).toBe(false);
    writeManifest('{"routes":{"half":{}}}');
    expect(outputMatchesManifest(cache, a)).toBe(false);
    expect(outputMatchesManifest(cache, b)).toBe(false);
  });

  test('an unreadable record is no record', () => {
    const { cache, a } = setup();
    writeFileSync(lastBuildFile(cache), '{not json');
    expect(outputMatchesManifest(cache, a)).toBe(false);
  });

  test('a symlink switched to another folder is another folder', () => {
    const { cache, a, b } = setup();
    const link = join(cache, '..', 'out');
    symlinkSync(a, link);
    recordFinishedBuild(cache, link);
    expect(outputMatchesManifest(cache, link)).toBe(true);
    expect(outputMatchesManifest(cache, a)).toBe(true);
    rmSync(link);
    symlinkSync(b, link);
    expect(outputMatchesManifest(cache, link)).toBe(false);
  });
});
