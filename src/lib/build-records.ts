import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { replaceFile } from './content/parse-cache';

// Records about one output folder (the citation files and the files under /api/ written into it,
// its folders' listings, the search index in it) are kept in the build caches' folder under a name
// made from a digest of the folder's path: `written-`, `api-`, `sitemap-`, `folders-`, `search-index-<16 hex
// digits>.json`. A build into a
// temporary folder (the site tests make one per test run) left its records behind for good, and
// they piled up with every run. Each record's JSON text begins with the folder it is about (`root`,
// or `site` for the search index's), so a record whose folder no longer exists can be found by
// reading the start of its file, and removed: nothing can use it again.

/** The kinds of record kept about an output folder, each named `<kind>-<digest>.json` by `outputRecord`. */
export type RecordKind = 'written' | 'api' | 'sitemap' | 'folders' | 'search-index';

/**
 * Where a record about one output folder is kept between builds: in the build caches' folder (a
 * cold build removes it), one file per kind and output folder.
 */
export const outputRecord = (cacheDir: string, kind: RecordKind, root: string): string =>
  join(cacheDir, `${kind}-${createHash('sha1').update(root).digest('hex').slice(0, 16)}.json`);

const RECORD = /^(?:written|api|sitemap|folders|search-index)-[0-9a-f]{16}\.json$/;
const FOLDER = /^\{"(?:root|site)":("(?:[^"\\]|\\.)*")/;
// A path longer than this is not looked for: the record is left alone.
const HEAD = 8192;

/** The output folder a record file is about, from the start of its text, or `undefined`. */
export function recordFolder(file: string): string | undefined {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(HEAD);
    const n = readSync(fd, head, 0, HEAD, 0);
    const m = FOLDER.exec(head.subarray(0, n).toString('utf8'));
    if (!m) return undefined;
    const folder: unknown = JSON.parse(m[1]!);
    return typeof folder === 'string' ? folder : undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * Removes from `cacheDir` the records of output folders that no longer exist. A record that cannot
 * be read, or does not begin with its folder, is left as it is (its reader does not trust it
 * anyway). Returns how many were removed.
 */
export function sweepOutputRecords(cacheDir: string): number {
  let names: string[];
  try {
    names = readdirSync(cacheDir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (!RECORD.test(name)) continue;
    const file = join(cacheDir, name);
    let folder: string | undefined;
    try {
      folder = recordFolder(file);
    } catch {
      continue;
    }
    if (folder === undefined || existsSync(folder)) continue;
    try {
      unlinkSync(file);
      removed++;
    } catch {
      // removed meanwhile by another build
    }
  }
  return removed;
}

/** The record in `file` of the output folder `root`; undefined when there is none, it cannot be read, or it is about another folder. */
export function readOutputRecord(file: string, root: string): Record<string, unknown> | undefined {
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
export function readOutputRecordField<T>(file: string, root: string, field: string): T | undefined {
  const saved = readOutputRecord(file, root);
  return saved?.[field] ? (saved[field] as T) : undefined;
}

/**
 * Keeps `value` under `field` (and `more`'s fields beside it) as the record of the output folder
 * `root`, written whole or not at all.
 */
export function saveOutputRecord(file: string, root: string, field: string, value: unknown, more: object = {}): void {
  mkdirSync(dirname(file), { recursive: true });
  replaceFile(file, JSON.stringify({ root, [field]: value, ...more }));
}
