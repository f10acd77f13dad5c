import { hash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { dirname, join } from 'node:path';
import { readOutputRecord, saveOutputRecord } from '../build-records';

// Files a build writes after Astro's pages (the citation files, the files under /api/, the
// sitemap, the host headers), each left alone when its bytes have not changed, and the set of
// those left alone, which the pruning at the end of the build keeps whatever their age.

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

/** The files this build left as they were (their bytes unchanged): kept by the pruning though old. */
export const unchangedOutputs = (): ReadonlySet<string> => unchanged;

/** Forgets the files an earlier build in this process left alone (at the start of a build). */
export const clearUnchangedOutputs = (): void => unchanged.clear();

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
    const saved = readOutputRecord(file, root);
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
    saveOutputRecord(this.file, this.root, 'files', this.after, madeFrom === undefined ? {} : { madeFrom });
  }
}
