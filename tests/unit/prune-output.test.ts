import {
  existsSync,
  lutimesSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { FolderListings, pruneOlderThan } from '../../src/lib/output/folder-prune';
import { writeIfChanged, writeStats, WrittenFiles } from '../../src/lib/output/written-files';
import { tempFolder } from './helpers';

const folder = (): string => tempFolder('prune');
/** Writes a file and dates it `ageMs` in the past. */
function file(path: string, ageMs: number, text = 'x'): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  const when = new Date(Date.now() - ageMs);
  utimesSync(path, when, when);
  return path;
}

describe('pruneOlderThan', () => {
  test('removes old files and the folders they leave empty, keeps new, listed and .git files', () => {
    const dir = folder();
    const since = Date.now() - 60_000;
    const oldPage = file(join(dir, 'claims/gone/index.html'), 3_600_000);
    const oldAsset = file(join(dir, '_astro/old.js'), 3_600_000);
    const fresh = file(join(dir, 'claims/kept/index.html'), 0);
    const listed = file(join(dir, 'claims/kept/cite.bib'), 3_600_000);
    const git = file(join(dir, '.git/HEAD'), 3_600_000);
    const deep = file(join(dir, 'events/gone/deeper/index.html'), 3_600_000);

    expect(pruneOlderThan(dir, since, new Set([listed]))).toBe(3);
    expect([oldPage, oldAsset, deep].map(existsSync)).toEqual([false, false, false]);
    expect(existsSync(join(dir, 'claims/gone'))).toBe(false);
    // Emptied from the bottom up: a folder whose only content was an emptied folder goes too.
    expect(existsSync(join(dir, 'events'))).toBe(false);
    expect(existsSync(join(dir, 'claims'))).toBe(true);
    expect([fresh, listed, git].map(existsSync)).toEqual([true, true, true]);
  });

  test('leaves a spared folder of the output root alone, however old its files', () => {
    const dir = folder();
    const since = Date.now() - 60_000;
    const index = file(join(dir, 'pagefind/fragment/en_1.pf_fragment'), 3_600_000);
    // Spared at the root only: a folder of the same name further down is pruned as any other.
    const nested = file(join(dir, 'claims/pagefind/index.html'), 3_600_000);
    const page = file(join(dir, 'about/index.html'), 3_600_000);

    expect(pruneOlderThan(dir, since, new Set(), new Set(['pagefind']))).toBe(2);
    expect([index, nested, page].map(existsSync)).toEqual([true, false, false]);
  });
});

describe('FolderListings', () => {
  // A folder is trusted from the record only once its last change is two seconds old (the file
  // system's clock is coarse): the tests wait that long once, so that it is so for every folder.
  const settle = (): Promise<void> => new Promise((done) => setTimeout(done, 2_100));

  test('a folder unchanged since the last pruning is not listed again; one changed since is, however its times are set', async () => {
    const dir = folder();
    const out = join(dir, 'out');
    const record = join(dir, 'record.json');
    const since = Date.now() - 60_000;
    const stale = file(join(out, 'claims/gone/index.html'), 3_600_000);
    const kept = ['claims/a/index.html', 'claims/a/cite.bib', 'claims/b/index.html', 'about/index.html'].map((f) =>
      file(join(out, f), 3_600_000),
    );
    await settle();

    const first = new FolderListings(record, out);
    expect(pruneOlderThan(out, since, new Set(kept), new Set(), first)).toBe(1);
    first.save();
    expect(existsSync(stale)).toBe(false);
    // Every folder read from the disk: there was no record.
    expect(first.counts).toEqual({ recorded: 0, listed: 6 });

    const second = new FolderListings(record, out);
    expect(pruneOlderThan(out, since, new Set(kept), new Set(), second)).toBe(0);
    second.save();
    // `claims` lost its emptied folder just now, so it is listed again; the other four are not.
    expect(second.counts).toEqual({ recorded: 4, listed: 1 });
    await settle();

    // Behind the record's back: a stale file added to a recorded folder, whose modification time
    // is then set back to what it was (the change time cannot be), and a folder made anew under
    // the same name with a stale file in it.
    const a = join(out, 'claims/a');
    const aTime = statSync(a).mtime;
    const planted = file(join(a, 'planted.html'), 3_600_000);
    utimesSync(a, aTime, aTime);
    rmSync(join(out, 'about'), { recursive: true });
    const remade = file(join(out, 'about/old.html'), 3_600_000);
    file(join(out, 'about/index.html'), 3_600_000);

    const third = new FolderListings(record, out);
    expect(pruneOlderThan(out, since, new Set(kept), new Set(), third)).toBe(2);
    expect([planted, remade].map(existsSync)).toEqual([false, false]);
    expect(kept.map(existsSync)).toEqual([true, true, true, true]);
  });

  test('the record of another output folder is not trusted', async () => {
    const dir = folder();
    const out = join(dir, 'out');
    const record = join(dir, 'record.json');
    const since = Date.now() - 60_000;
    const page = file(join(out, 'x/index.html'), 3_600_000);
    await settle();
    const first = new FolderListings(record, out);
    pruneOlderThan(out, since, new Set([page]), new Set(), first);
    first.save();
    // The same folders, their stamps unchanged: the record is used as long as it names this folder.
    const again = new FolderListings(record, out);
    pruneOlderThan(out, since, new Set([page]), new Set(), again);
    expect(again.counts.recorded).toBe(2);
    const saved = JSON.parse(readFileSync(record, 'utf8')) as { root: string };
    writeFileSync(record, JSON.stringify({ ...saved, root: join(dir, 'elsewhere') }));
    const other = new FolderListings(record, out);
    pruneOlderThan(out, since, new Set([page]), new Set(), other);
    expect(other.counts).toEqual({ recorded: 0, listed: 2 });
  });
});

/** A folder record as `FolderListings` saves it. */
interface SavedFolders {
  root: string;
  folders: Record<string, [string, string[]]>;
}

/**
 * Prunes `out` (which has a folder `x`) once into a new record, after waiting until its folders
 * can be trusted, and returns a function that writes the record back with `x` listed otherwise,
 * its stamp kept, as a hand edit would; and `x`'s listing as recorded.
 */
async function recordThenEdit(out: string, record: string, since: number, keep: Set<string>) {
  await new Promise((done) => setTimeout(done, 2_100));
  const first = new FolderListings(record, out);
  expect(pruneOlderThan(out, since, keep, new Set(), first)).toBe(0);
  first.save();
  const saved = JSON.parse(readFileSync(record, 'utf8')) as SavedFolders;
  const [key, [stamp, listing]] = Object.entries(saved.folders).find(([k]) => k.endsWith('x'))!;
  const edit = (edited: unknown): void =>
    writeFileSync(record, JSON.stringify({ ...saved, folders: { ...saved.folders, [key]: [stamp, edited] } }));
  return { edit, listing };
}

describe('FolderListings, a record edited by hand or out of step with the disk', () => {
  test('a listing of the wrong shape, or naming a path outside its folder, is not used: the folder is listed from the disk', async () => {
    const dir = folder();
    const out = join(dir, 'out');
    const record = join(dir, 'record.json');
    const since = Date.now() - 60_000;
    const page = file(join(out, 'x/index.html'), 3_600_000);
    // A file beside the output folder, as old as any stale file: pruning must never reach it.
    const outside = file(join(dir, 'precious.txt'), 3_600_000);
    const { edit } = await recordThenEdit(out, record, since, new Set([page]));
    for (const listing of [[`../../precious.txt`, 'index.html'], 'index.html', [7], [`..`, 'index.html']]) {
      edit(listing);
      const tampered = new FolderListings(record, out);
      expect(pruneOlderThan(out, since, new Set([page]), new Set(), tampered)).toBe(0);
      // The root from its record, the tampered folder from the disk.
      expect(tampered.counts).toEqual({ recorded: 1, listed: 1 });
      expect([existsSync(outside), existsSync(page)]).toEqual([true, true]);
    }
  });

  test('a link listed as a folder is not followed; a name not on the disk is skipped; neither stops the build', async () => {
    const dir = folder();
    const out = join(dir, 'out');
    const record = join(dir, 'record.json');
    const since = Date.now() - 60_000;
    const page = file(join(out, 'x/index.html'), 3_600_000);
    // A folder beside the output folder with an old file in it, and a link to it inside the output
    // that the build keeps (as it keeps a reused page).
    const precious = file(join(dir, 'elsewhere/precious.txt'), 3_600_000);
    const link = join(out, 'x/link');
    symlinkSync(join(dir, 'elsewhere'), link);
    const keep = new Set([page, link]);
    const { edit, listing } = await recordThenEdit(out, record, since, keep);
    expect(listing.sort()).toEqual(['index.html', 'link']);
    // The link listed as a folder, then names that are not on the disk.
    for (const edited of [
      ['index.html', 'link/'],
      ['index.html', 'link', 'missing.html', 'missing/'],
    ]) {
      edit(edited);
      expect(pruneOlderThan(out, since, keep, new Set(), new FolderListings(record, out))).toBe(0);
      expect([existsSync(precious), existsSync(page), existsSync(link)]).toEqual([true, true, true]);
    }
  });

  test('a dangling link in the output folder is removed like an old file, without stopping the build', () => {
    const out = join(folder(), 'out');
    const page = file(join(out, 'a/index.html'), 0);
    symlinkSync(join(out, 'nowhere'), join(out, 'a/dangling'));
    // Its own time is now: kept; then dated back it goes.
    expect(pruneOlderThan(out, Date.now() - 60_000, new Set([page]))).toBe(0);
    const old = new Date(Date.now() - 3_600_000);
    lutimesSync(join(out, 'a/dangling'), old, old);
    expect(pruneOlderThan(out, Date.now() - 60_000, new Set([page]))).toBe(1);
    expect(existsSync(page)).toBe(true);
  });
});

describe('writeIfChanged', () => {
  test('leaves a file with the same bytes untouched, rewrites one that differs, creates a missing one', () => {
    const dir = folder();
    const same = file(join(dir, 'same.bib'), 3_600_000, 'text');
    const other = file(join(dir, 'other.bib'), 3_600_000, 'old');
    const before = statSync(same).mtimeMs;

    writeIfChanged(same, 'text');
    writeIfChanged(other, 'new');
    writeIfChanged(join(dir, 'missing.bib'), 'created');

    expect(statSync(same).mtimeMs).toBe(before);
    expect(readFileSync(other, 'utf8')).toBe('new');
    expect(readFileSync(join(dir, 'missing.bib'), 'utf8')).toBe('created');
  });
});

/**
 * `/x.bib` written as "same" through a record, in a folder of its own; `restamp` makes the record
 * hold the file's stamp as it is now (and `digest` instead of the recorded one), as if the build
 * had written it so. Returns the new stamp.
 */
function recordedFile(): { out: string; record: string; path: string; restamp: (digest?: string) => Stats } {
  const dir = folder();
  const [out, record] = [join(dir, 'out'), join(dir, 'record.json')];
  const path = join(out, 'x.bib');
  const first = new WrittenFiles(record, out);
  first.write('/x.bib', 'same');
  first.save();
  const restamp = (digest?: string): Stats => {
    const saved = JSON.parse(readFileSync(record, 'utf8')) as {
      files: Record<string, [number, number, string, number]>;
    };
    const now = statSync(path);
    saved.files['/x.bib'] = [now.size, now.mtimeMs, digest ?? saved.files['/x.bib']![2], now.ctimeMs];
    writeFileSync(record, JSON.stringify(saved));
    return now;
  };
  return { out, record, path, restamp };
}

describe('WrittenFiles', () => {
  test('a file left as the last build wrote it is not written again; one touched since, moved or with new text is', () => {
    const dir = folder();
    const record = join(dir, 'record.json');
    const out = join(dir, 'out');
    const first = new WrittenFiles(record, out);
    for (const name of ['same', 'touched', 'resized', 'gone', 'edited'])
      first.write(`/claims/${name}/cite.bib`, `@misc{${name}}`);
    first.save();
    expect(readFileSync(join(out, 'claims/same/cite.bib'), 'utf8')).toBe('@misc{same}');

    // Behind the record's back: one file's time changed with its bytes kept wrong, one file's
    // bytes changed with its time put back, one file removed.
    const touched = join(out, 'claims/touched/cite.bib');
    writeFileSync(touched, '@misc{wrong!!}');
    const resized = join(out, 'claims/resized/cite.bib');
    const resizedTime = statSync(resized).mtime;
    writeFileSync(resized, '@misc{resized, longer}');
    utimesSync(resized, resizedTime, resizedTime);
    rmSync(join(out, 'claims/gone'), { recursive: true });
    const stamp = (name: string): number => statSync(join(out, `claims/${name}/cite.bib`)).mtimeMs;
    const sameBefore = stamp('same');

    const second = new WrittenFiles(record, out);
    for (const name of ['same', 'touched', 'resized', 'gone'])
      second.write(`/claims/${name}/cite.bib`, `@misc{${name}}`);
    second.write('/claims/edited/cite.bib', '@misc{edited, again}');
    second.save();
    expect(stamp('same')).toBe(sameBefore);
    for (const name of ['same', 'touched', 'resized', 'gone'])
      expect(readFileSync(join(out, `claims/${name}/cite.bib`), 'utf8')).toBe(`@misc{${name}}`);
    expect(readFileSync(join(out, 'claims/edited/cite.bib'), 'utf8')).toBe('@misc{edited, again}');
    // The record now holds this build's files, with their new stamps.
    const saved = JSON.parse(readFileSync(record, 'utf8')) as { root: string; files: Record<string, unknown> };
    expect(saved.root).toBe(out);
    expect(Object.keys(saved.files).sort()).toEqual(
      ['edited', 'gone', 'resized', 'same', 'touched'].map((n) => `/claims/${n}/cite.bib`),
    );
  });

  test('a file with the recorded size and time is taken as the record says, without being read', () => {
    const { out, record, path, restamp } = recordedFile();
    // Other bytes of the same length, and the record made to hold the file's time as it now is
    // (as if the write had kept it): only a read would notice.
    writeFileSync(path, 'SAME');
    restamp();
    new WrittenFiles(record, out).write('/x.bib', 'same');
    expect(readFileSync(path, 'utf8')).toBe('SAME');
  });

  test('a file left as recorded, whose new text has another digest, is written without being read', () => {
    const { out, record, path, restamp } = recordedFile();
    // The file's time set back (so that a write shows), and the record made to hold that stamp
    // with the digest of other bytes: a read would find the file already holds the new text.
    const second = 1_700_000_000;
    utimesSync(path, second, second);
    const then = restamp('digest-of-other-bytes');
    const files = new WrittenFiles(record, out);
    writeStats.compared = 0;
    files.write('/x.bib', 'same');
    expect(writeStats.compared).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe('same');
    expect(statSync(path).mtimeMs).not.toBe(then.mtimeMs);
    // And recorded with its new stamp and digest, so that the next build leaves it alone.
    files.save();
    const now = statSync(path).mtimeMs;
    new WrittenFiles(record, out).write('/x.bib', 'same');
    expect(statSync(path).mtimeMs).toBe(now);
  });

  test('without a record, a missing file or one of another length is written, one of the same length only if its bytes differ', () => {
    const dir = folder();
    const out = join(dir, 'out');
    mkdirSync(join(out, 'a'), { recursive: true });
    const second = 1_700_000_000;
    const put = (name: string, text: string): string => {
      const path = join(out, 'a', name);
      writeFileSync(path, text);
      utimesSync(path, second, second);
      return path;
    };
    const [same, shorter, sameLength] = [put('same', 'text'), put('shorter', 'tex'), put('length', 'TEXT')];
    const files = new WrittenFiles(join(dir, 'record.json'), out);
    writeStats.compared = 0;
    for (const name of ['same', 'shorter', 'length', 'missing']) files.write(`/a/${name}`, 'text');
    files.write('/b/in-a-new-folder', 'text');
    // Only the two files of the new text's length were read to compare.
    expect(writeStats.compared).toBe(2);
    for (const name of ['a/same', 'a/shorter', 'a/length', 'a/missing', 'b/in-a-new-folder'])
      expect(readFileSync(join(out, name), 'utf8'), name).toBe('text');
    expect(statSync(same).mtimeMs).toBe(second * 1000);
    expect(statSync(shorter).mtimeMs).not.toBe(second * 1000);
    expect(statSync(sameLength).mtimeMs).not.toBe(second * 1000);
  });

  test('a file rewritten with the same length and its modification time put back is written again (cp -p)', async () => {
    const { out, record, path, restamp } = recordedFile();
    // A whole second, which `utimesSync` can put back exactly; the record made to hold it, as if
    // the build had written the file with that time.
    const second = 1_700_000_000;
    utimesSync(path, second, second);
    const then = restamp();
    // Later than the file system's coarsest clock, other bytes of the same length, the time put back.
    await new Promise((r) => setTimeout(r, 1_100));
    writeFileSync(path, 'SAME');
    utimesSync(path, second, second);
    expect([statSync(path).size, statSync(path).mtimeMs]).toEqual([then.size, then.mtimeMs]);
    new WrittenFiles(record, out).write('/x.bib', 'same');
    expect(readFileSync(path, 'utf8')).toBe('same');
  });

  test('the record of another output folder is not trusted', () => {
    const dir = folder();
    const record = join(dir, 'record.json');
    const a = new WrittenFiles(record, join(dir, 'a'));
    a.write('/x.bib', 'x');
    a.save();
    // The same relative file in another folder, with other bytes of the same size and time.
    const other = file(join(dir, 'b/x.bib'), 0, 'y');
    const t = statSync(join(dir, 'a/x.bib')).mtime;
    utimesSync(other, t, t);
    new WrittenFiles(record, join(dir, 'b')).write('/x.bib', 'x');
    expect(readFileSync(other, 'utf8')).toBe('x');
  });

  test('a file is written into folders that do not exist yet; an error other than a missing folder still fails the write', () => {
    const dir = folder();
    const files = new WrittenFiles(join(dir, 'record.json'), join(dir, 'out'));
    files.write('/claims/new/deeper/cite.bib', 'new');
    expect(readFileSync(join(dir, 'out/claims/new/deeper/cite.bib'), 'utf8')).toBe('new');
    // A folder where the file should be: not a missing folder, so not hidden by making one.
    mkdirSync(join(dir, 'out/taken.bib'), { recursive: true });
    expect(() => files.write('/taken.bib', 'x')).toThrow(/EISDIR/);
  });
});

describe('WrittenFiles.keepIfMadeFrom', () => {
  test('files made from the same inputs and left as recorded are kept; other inputs, or a file touched or gone, are not', () => {
    const dir = folder();
    const record = join(dir, 'record.json');
    const out = join(dir, 'out');
    const [index, part] = [join(out, 'sitemap-index.xml'), join(out, 'sitemap-0.xml')];
    /** One build's sitemap: kept if it can be, else written from `inputs`; whether it was kept. */
    const build = (inputs: string): boolean => {
      const files = new WrittenFiles(record, out);
      const kept = files.keepIfMadeFrom(inputs);
      if (!kept) {
        files.write('/sitemap-index.xml', `index of ${inputs}`);
        files.write('/sitemap-0.xml', `part of ${inputs}`);
      }
      files.save(inputs);
      return kept;
    };
    expect(build('a')).toBe(false);
    const made = statSync(part).mtimeMs;
    expect(build('a')).toBe(true);
    expect(statSync(part).mtimeMs).toBe(made);
    expect(readFileSync(part, 'utf8')).toBe('part of a');

    expect(build('b')).toBe(false);
    expect(readFileSync(part, 'utf8')).toBe('part of b');
    expect(build('b')).toBe(true);

    // Behind the record's back: other bytes of the same length (dated a minute back, so that the
    // change shows even within one tick of the file system's clock); then a file removed.
    writeFileSync(part, 'part of x');
    utimesSync(part, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    expect(build('b')).toBe(false);
    expect(readFileSync(part, 'utf8')).toBe('part of b');
    rmSync(index);
    expect(build('b')).toBe(false);
    expect(readFileSync(index, 'utf8')).toBe('index of b');

    // A record saved without inputs (or with no files) keeps nothing.
    new WrittenFiles(record, out).save();
    expect(build('b')).toBe(false);
  });
});
