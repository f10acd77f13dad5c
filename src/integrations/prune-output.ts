import type { AstroIntegration } from 'astro';
import { hash } from 'node:crypto';
import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCacheDir, replaceFile, stampTrusted } from '../lib/content/parse-cache';
import { INDEX_ENTRY_FILES, INDEX_FOLDER } from '../lib/search-folder';
import { indexUpToDate } from '../lib/search-index';
import { outputRecord, sweepOutputRecords } from '../lib/build-records';

// A file written by this build can carry a modification time slightly before the build's start:
// the file system stamps with a coarse clock (a few milliseconds behind `Date.now()`).
const CLOCK_SLACK_MS = 1000;

// Files this build left as they were because their bytes did not change: not stale, although old.
// On `globalThis` because the config's integrations may load this module more than once.
const KEY = Symbol.for('claim-ledger.unchanged-outputs');
const unchanged = ((globalThis as { [KEY]?: Set<string> })[KEY] ??= new Set<string>());

/** How many files `writeIfChanged` has read to compare, in this process (for tests). */
export const writeStats = { compared: 0 };

/**
 * Writes `text` to `path` unless the file already holds exactly that, so that a rebuild leaves
 * unchanged files alone (reading and comparing costs a quarter of writing). Such a file is
 * recorded as written by this build, for the pruning at the end.
 */
export function writeIfChanged(path: string, text: string): void {
  let old: string | undefined;
  writeStats.compared++;
  try {
    old = readFileSync(path, 'utf8');
  } catch {
    // no such file yet
  }
  if (old === text) unchanged.add(path);
  else writeFileSync(path, text);
}

/** The record in `file` of the output folder `root`; undefined when there is none, it cannot be read, or it is about another folder. */
function readWholeRecord(file: string, root: string): Record<string, unknown> | undefined {
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    return saved['root'] === root ? saved : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What the record in `file` keeps under `field` for the output folder `root`; undefined when there
 * is no record, an unreadable one, or one about another folder (the caller then trusts nothing).
 */
function readRecord<T>(file: string, root: string, field: string): T | undefined {
  const saved = readWholeRecord(file, root);
  return saved?.[field] ? (saved[field] as T) : undefined;
}

/**
 * Keeps `value` under `field` (and `more`'s fields beside it) as the record of the output folder
 * `root`, written whole or not at all.
 */
function saveRecord(file: string, root: string, field: string, value: unknown, more: object = {}): void {
  mkdirSync(dirname(file), { recursive: true });
  replaceFile(file, JSON.stringify({ root, [field]: value, ...more }));
}

type Stamp = [size: number, mtimeMs: number, digest: string, ctimeMs: number];

/** Whether a file's stat (if it exists) is the recorded stamp: size, modification and change time. */
const asRecorded = (now: Stats | undefined, was: Stamp): boolean =>
  now !== undefined && now.size === was[0] && now.mtimeMs === was[1] && now.ctimeMs === was[3];

/**
 * The files an earlier build wrote into one output folder through this record, each with its size,
 * modification time, change time and a digest of its bytes, kept in a file between builds (the
 * change time because a copy that keeps the size and modification time, `cp -p`, cannot keep it). A file whose stamp
 * on disk is the recorded one and whose new text has the recorded digest is left alone without
 * being read: at 5,000 reports that spares reading 100,000 citation files on every rebuild; one
 * whose new text has another digest is written, also without being read. Any other file (not
 * recorded, or touched since) is read and compared only when it has the new text's length.
 */
export class WrittenFiles {
  private readonly before: Record<string, Stamp>;
  private readonly after: Record<string, Stamp> = {};
  // What the files were made from, as the caller digested it (`keepIfMadeFrom`).
  private readonly madeFrom: string | undefined;

  /** `file` keeps the record between builds; `root` is the output folder, paths are relative to it. */
  constructor(
    private readonly file: string,
    private readonly root: string,
  ) {
    // Without a record of this folder every file is compared as it is.
    const saved = readWholeRecord(file, root);
    this.before = (saved?.['files'] as Record<string, Stamp> | undefined) ?? {};
    this.madeFrom = typeof saved?.['madeFrom'] === 'string' ? saved['madeFrom'] : undefined;
  }

  /**
   * For files that are made together from one input (the sitemap's): whether the last build made
   * them from `inputs` (a digest of everything their bytes depend on) and left every one of them as
   * the record has it (size, modification and change time). If so they are this build's files as
   * they are, none made or read again; if not, nothing is kept and the caller writes them.
   */
  keepIfMadeFrom(inputs: string): boolean {
    const was = Object.entries(this.before);
    if (this.madeFrom !== inputs || was.length === 0) return false;
    for (const [rel, stamp] of was) {
      const now = statSync(join(this.root, rel), { throwIfNoEntry: false });
      if (!now?.isFile() || !asRecorded(now, stamp)) return false;
    }
    for (const [rel, stamp] of was) {
      unchanged.add(join(this.root, rel));
      this.after[rel] = stamp;
    }
    return true;
  }

  /** Writes `text` to `rel` (relative to the output folder) unless the file already holds it. */
  write(rel: string, text: string): void {
    const path = join(this.root, rel);
    const digest = hash('sha1', text, 'base64url');
    const was = this.before[rel];
    const now = statSync(path, { throwIfNoEntry: false });
    if (was && asRecorded(now, was)) {
      // The file is as the last build left it, so it holds the bytes of the recorded digest.
      if (was[2] === digest) {
        unchanged.add(path);
        this.after[rel] = was;
        return;
      }
      // Other bytes than the new text's, known without reading them: at 5,000 reports a rebuild
      // read the 114 MB claims.json only to find it differed.
      this.put(path, text);
    } else if (now?.isFile() && now.size === Buffer.byteLength(text)) writeIfChanged(path, text);
    // Missing, or of another length: written without reading (a cold build into an empty folder
    // otherwise threw and caught an error for each of its 100,000 citation files).
    else this.put(path, text);
    const after = statSync(path);
    this.after[rel] = [after.size, after.mtimeMs, digest, after.ctimeMs];
  }

  /** Writes the file, making its folder only when it is missing. */
  private put(path: string, text: string): void {
    try {
      writeFileSync(path, text);
    } catch (e) {
      // The folder nearly always exists (a claim's citation files sit beside its page), and a
      // `mkdir` per file was 1.4 s of 100,000 files.
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
    }
  }

  /** Keeps the record of this build's files (only these) for the next build, with what they were made from if given. */
  save(madeFrom?: string): void {
    saveRecord(this.file, this.root, 'files', this.after, madeFrom === undefined ? {} : { madeFrom });
  }
}

// A folder's listing from the record is trusted only if the folder last changed 2 s or more before
// the record was made: the file system stamps a change with a coarse clock, so an entry added in
// the same tick as the stamp was read would leave the stamp as recorded (git's "racily clean"). The
// rule is the parse cache's for content files (`stampTrusted`).

/** One folder's entries as the record keeps them: a folder's name ends in "/". */
type Listing = string[];
/** An entry of a folder: its name, and whether it is a folder. */
interface Entry {
  name: string;
  folder: boolean;
}
/** A folder's stamp as recorded, its change time in milliseconds, and when the stamp was read. */
interface FolderStamp {
  text: string;
  changedMs: number;
  readMs: number;
}
const listFolder = (path: string): Entry[] =>
  readdirSync(path, { withFileTypes: true }).map((e) => ({ name: e.name, folder: e.isDirectory() }));

/**
 * Whether a recorded listing is one this module writes: entry names only, a folder's ending in "/".
 * A record edited by hand (or by anything but a build) could hold another shape, or a name that
 * leads out of its folder ("..", "a/b"), which pruning would then stat and delete: such a listing
 * is not used, and the folder is listed from the disk instead.
 */
function isListing(list: unknown): list is Listing {
  return (
    Array.isArray(list) &&
    list.every((e) => {
      if (typeof e !== 'string') return false;
      const name = e.endsWith('/') ? e.slice(0, -1) : e;
      return name !== '' && name !== '.' && name !== '..' && !name.includes('/') && !name.includes('\0');
    })
  );
}

/**
 * The listings of an output folder's folders as the last pruning left them, each with the folder's
 * stamp (device, inode and change time, to the nanosecond), kept in a file between builds. A folder
 * whose stamp is unchanged has the same entries: adding, removing or renaming an entry changes its
 * folder's change time, which no tool can set back (unlike the modification time: `touch`,
 * `cp -p`). Reading a folder's stamp costs a tenth of listing it, and at 5,000 reports listing
 * 56,000 folders was 2 to 4 s of every rebuild. A folder that changed, or that has no record, is
 * listed as before. This trusts the file system's change times as a local disk keeps them: a
 * network file system that caches a folder's attributes (NFS), or a clock set back by more than
 * the 2 s margin between builds, could show a changed folder with its old stamp; build into a
 * local folder, or remove the record (a cold build does) after such a change.
 */
export class FolderListings {
  private readonly before: Record<string, [stamp: string, entries: Listing]>;
  private readonly after: Record<string, [stamp: string, entries: Listing]> = {};
  /** How many folders were listed from the record, and how many read from the disk (for tests). */
  readonly counts = { recorded: 0, listed: 0 };

  /** `file` keeps the record between builds; `root` is the output folder, paths are relative to it. */
  constructor(
    private readonly file: string,
    private readonly root: string,
  ) {
    // Without a record of this folder every folder is listed.
    this.before = readRecord<FolderListings['before']>(file, root, 'folders') ?? {};
  }

  /** The folder's stamp now, or `undefined` if `path` is not a folder (a link to one is not). */
  private stamp(path: string): FolderStamp | undefined {
    const readMs = Date.now();
    const st = lstatSync(path, { bigint: true, throwIfNoEntry: false });
    if (!st?.isDirectory()) return undefined;
    return { text: `${st.dev}:${st.ino}:${st.ctimeNs}`, changedMs: Number(st.ctimeNs / 1_000_000n), readMs };
  }

  /**
   * The entries of the folder at `path`, from the record when its stamp is the recorded one, and
   * the stamp. The stamp is read before the folder is listed: an entry added in between then shows
   * as a change next time, rather than being hidden behind a stamp taken after it.
   */
  list(path: string): { entries: Entry[]; stamp: FolderStamp } | undefined {
    const stamp = this.stamp(path);
    // Listed as a folder by a record out of step with the disk (edited by hand): not one now.
    if (!stamp) return undefined;
    const was: unknown = this.before[path.slice(this.root.length)];
    if (Array.isArray(was) && was[0] === stamp.text && isListing(was[1])) {
      this.counts.recorded++;
      return {
        entries: was[1].map((e) =>
          e.endsWith('/') ? { name: e.slice(0, -1), folder: true } : { name: e, folder: false },
        ),
        stamp,
      };
    }
    this.counts.listed++;
    return { entries: listFolder(path), stamp };
  }

  /**
   * Records what the folder at `path` holds after pruning, with its stamp as `list` read it when
   * nothing in it was removed (else read again: it then changed just now, and is not recorded),
   * unless it changed too soon before its stamp was read to trust.
   */
  keep(path: string, entries: Entry[], stamp: FolderStamp | undefined = this.stamp(path)): void {
    if (!stamp || !stampTrusted(stamp.changedMs, stamp.readMs)) return;
    this.after[path.slice(this.root.length)] = [stamp.text, entries.map((e) => (e.folder ? `${e.name}/` : e.name))];
  }

  /** Keeps the record of this pruning (only the folders it walked) for the next build. */
  save(): void {
    saveRecord(this.file, this.root, 'folders', this.after);
  }
}

/**
 * Removes from `dir` every file last modified before `since`, and the folders left empty;
 * `keep` lists files to leave whatever their age, `spare` folders of `dir` itself to leave alone.
 * With `listings`, a folder unchanged since the last pruning is not listed again (see
 * `FolderListings`); the caller saves them. Returns the number of files removed.
 */
export function pruneOlderThan(
  dir: string,
  since: number,
  keep: ReadonlySet<string> = new Set(),
  spare: ReadonlySet<string> = new Set(),
  listings?: FolderListings,
): number {
  return prune(dir, since, keep, spare, listings)?.removed ?? 0;
}

// No folder spared below the output root: one set for every folder of the walk (56,000 at 5,000 reports).
const NONE: ReadonlySet<string> = new Set();

/**
 * `pruneOlderThan` for one folder: what it removed, and whether the folder is now empty;
 * `undefined` when a record listed `dir` as a folder and it is not one (see `FolderListings.list`).
 */
function prune(
  dir: string,
  since: number,
  keep: ReadonlySet<string>,
  spare: ReadonlySet<string>,
  listings: FolderListings | undefined,
): { removed: number; empty: boolean } | undefined {
  let removed = 0;
  const listed = listings?.list(dir);
  if (listings && !listed) return undefined;
  const entries = listed?.entries ?? listFolder(dir);
  // What is left, built as we go rather than listed again: at 5,000 reports a second listing of
  // each of the 56,000 folders took seconds.
  const left: Entry[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    // A deployment checkout in the output folder is not the build's: Astro's own emptying spares it too.
    if (entry.name === '.git' || (entry.folder && spare.has(entry.name))) left.push(entry);
    else {
      const sub = entry.folder ? prune(path, since, keep, NONE, listings) : undefined;
      if (sub) {
        removed += sub.removed;
        if (sub.empty) rmdirSync(path);
        else left.push(entry);
      } else if (keep.has(path)) left.push(entry);
      else {
        // A file or a link (a link's target's time; a dangling link's own), as a listing from the
        // disk has it. A record edited by hand could also name one that is not there, or a folder
        // as a file: the first is skipped, the second left, rather than stopping the build.
        const st = statSync(path, { throwIfNoEntry: false }) ?? lstatSync(path, { throwIfNoEntry: false });
        if (!st) continue;
        const isFolder = st.isDirectory() && !lstatSync(path).isSymbolicLink();
        if (!isFolder && st.mtimeMs < since) {
          unlinkSync(path);
          removed++;
        } else left.push({ name: entry.name, folder: isFolder });
      }
    }
  }
  if (listed && left.length > 0) listings!.keep(dir, left, left.length === entries.length ? listed.stamp : undefined);
  return { removed, empty: left.length === 0 };
}

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
        unchanged.clear();
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
          new Set([...unchanged, ...pages]),
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
