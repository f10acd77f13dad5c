import { existsSync, lstatSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { tempFolder } from './helpers';
import { INCREMENTAL_COPIES_FOLDER, INCREMENTAL_MANIFEST_FILE } from '../../src/integrations/astro-internals';
import {
  distrustUnlessMatching,
  lastBuildFile,
  linkCopiesIfCold,
  outputMatchesManifest,
  recordFinishedBuild,
  unlinkCopies,
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

describe('Astro’s page copies in a build with no manifest', () => {
  const copies = (cache: string): string => join(cache, INCREMENTAL_COPIES_FOLDER);
  const isLink = (path: string): boolean => {
    try {
      return lstatSync(path.replace(/\/$/, '')).isSymbolicLink();
    } catch {
      return false;
    }
  };

  test('with no manifest the copies folder is a link to the output folder, so a copy is the page itself', () => {
    const { cache, a } = setup();
    distrustUnlessMatching(cache, a);
    expect(linkCopiesIfCold(cache, a)).toBe(true);
    expect(isLink(copies(cache))).toBe(true);
    // What Astro does for each keyed page: the page, then its copy, written where the page is.
    mkdirSync(join(a, 'claims/y'), { recursive: true });
    writeFileSync(join(a, 'claims/y/index.html'), 'page');
    writeFileSync(join(copies(cache), 'claims/y/index.html'), 'page');
    expect(readFileSync(join(a, 'claims/y/index.html'), 'utf8')).toBe('page');
    // At the build's end the link goes, and only the link: the output folder keeps its pages.
    unlinkCopies(cache);
    expect(existsSync(copies(cache))).toBe(false);
    expect(readFileSync(join(a, 'claims/y/index.html'), 'utf8')).toBe('page');
  });

  test('with a manifest (a rebuild) the copies are kept as they are, a folder', () => {
    const { cache, a } = setup();
    recordFinishedBuild(cache, a);
    expect(distrustUnlessMatching(cache, a)).toBe(false);
    expect(linkCopiesIfCold(cache, a)).toBe(false);
    expect(isLink(copies(cache))).toBe(false);
    expect(readFileSync(join(copies(cache), 'claims/x/index.html'), 'utf8')).toBe('copy');
    // The end of the build leaves a folder of copies alone.
    unlinkCopies(cache);
    expect(readFileSync(join(copies(cache), 'claims/x/index.html'), 'utf8')).toBe('copy');
  });

  test('a link a build that did not finish left is removed by the next build’s start, not followed', () => {
    const { cache, a, b } = setup();
    distrustUnlessMatching(cache, a);
    linkCopiesIfCold(cache, a);
    writeFileSync(join(a, 'kept.html'), 'kept');
    // The build stopped before its end: the link is still there, and a manifest was written.
    writeFileSync(join(cache, INCREMENTAL_MANIFEST_FILE), '{"routes":{}}');
    expect(distrustUnlessMatching(cache, b)).toBe(true);
    expect(existsSync(copies(cache))).toBe(false);
    expect(readFileSync(join(a, 'kept.html'), 'utf8')).toBe('kept');
    // And the next cold build links to its own folder.
    expect(linkCopiesIfCold(cache, b)).toBe(true);
    writeFileSync(join(copies(cache), 'x.html'), 'x');
    expect(existsSync(join(b, 'x.html'))).toBe(true);
    expect(existsSync(join(a, 'x.html'))).toBe(false);
  });
});
