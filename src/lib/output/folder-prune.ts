import { lstatSync, readdirSync, rmdirSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { readOutputRecordField, saveOutputRecord } from '../build-records';
import { stampTrusted } from '../content/parse-cache';

// Removing from an output folder what a build did not write, listing only the folders that changed
// since the last pruning.

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
    this.before = readOutputRecordField<FolderListings['before']>(file, root, 'folders') ?? {};
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
    saveOutputRecord(this.file, this.root, 'folders', this.after);
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
