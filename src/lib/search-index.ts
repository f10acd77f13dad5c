import { decode } from 'cbor2';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { buildCacheDir, replaceFile } from './content/parse-cache';

// The search index is pagefind's, written into `<site>/pagefind` after Astro's build. Pagefind has
// no incremental mode, but it does not write a content-named file (a page's fragment, a chunk of
// the word index, a filter) that is already in its output folder: the name is a hash of the
// bytes, so the file is taken as right. Keeping the folder between builds therefore spares the
// compression and writing of every unchanged file, which at 5,000 reports was about half of the
// index step (11 of 22 s). What pagefind does not do is remove the files of an earlier index, nor
// notice that a file with the right name does not hold the right bytes (a run that was stopped
// half-way leaves one). This module adds both: it keeps the folder only when it is exactly as a
// finished run left it, and after each run removes every file the new index does not name.

/** The folder, inside the site, that pagefind writes. */
export const INDEX_FOLDER = 'pagefind';

/**
 * The arguments `npm run index` gives pagefind for the site built into `site`. Only report pages
 * are indexed; the glob spares pagefind reading the claim pages only to skip them.
 */
export const pagefindArgs = (site: string): string[] => [
  '--site',
  site,
  '--force-language',
  'en',
  '--glob',
  'articles/**/*.html',
];

// Each content-named file of an index sits in one of these folders, named `<hash>.<extension>`.
const NAMED_FOLDERS: Record<string, string> = { fragment: '.pf_fragment', index: '.pf_index', filter: '.pf_filter' };
// A language's metadata file, in the folder's root: `pagefind.<hash>.pf_meta`.
const META = /^pagefind\.(.+)\.pf_meta$/;
// Pagefind's compressed files start, once unzipped, with this signature.
const SIGNATURE = 'pagefind_dcd';

type Stamp = [size: number, mtimeMs: number];

/** What a finished run left: kept between builds, one file per output folder. */
interface IndexRecord {
  site: string;
  pagefind: string;
  files: Record<string, Stamp>;
}

/** Every file under `dir` (paths relative to it, `/`-separated), with its size and modification time. */
export function listFiles(dir: string): Record<string, Stamp> {
  const files: Record<string, Stamp> = {};
  const walk = (sub: string): void => {
    let entries;
    try {
      entries = readdirSync(join(dir, sub), { withFileTypes: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw e;
    }
    for (const entry of entries) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else {
        const s = statSync(join(dir, rel));
        files[rel] = [s.size, s.mtimeMs];
      }
    }
  };
  walk('');
  return files;
}

/** The record of the last finished run into `site` (keyed by its real path), in the build caches. */
export function indexRecordPath(cacheDir: string, site: string): string {
  const key = createHash('sha1').update(site).digest('hex').slice(0, 16);
  return join(cacheDir, `search-index-${key}.json`);
}

/**
 * Whether `indexDir` holds exactly what the last finished run of this pagefind `version` left in
 * it: the same files, none added or removed, each with the size and modification time recorded.
 * Anything else (no record: the first run, or one that did not finish; a file touched since;
 * another pagefind) means a file may hold what its name does not say, and the folder is not reused.
 */
export function indexFolderIntact(recordPath: string, site: string, indexDir: string, version: string): boolean {
  let record: Partial<IndexRecord>;
  try {
    record = JSON.parse(readFileSync(recordPath, 'utf8')) as Partial<IndexRecord>;
  } catch {
    return false;
  }
  if (record.site !== site || record.pagefind !== version || !record.files) return false;
  const now = listFiles(indexDir);
  const names = Object.keys(now);
  if (names.length !== Object.keys(record.files).length) return false;
  return names.every((f) => {
    const was = record.files![f];
    return was !== undefined && was[0] === now[f]![0] && was[1] === now[f]![1];
  });
}

/** The hash at `at` of each entry of a list in a language's metadata, or `undefined` if the list is not so. */
function hashesOf(list: unknown, at: number): string[] | undefined {
  if (!Array.isArray(list)) return undefined;
  const hashes = list.map((entry) => (Array.isArray(entry) ? (entry as unknown[])[at] : undefined));
  return hashes.every((h): h is string => typeof h === 'string') ? hashes : undefined;
}

/**
 * The files of the index in `indexDir` as its entry file names them (paths relative to the folder):
 * for each language, its metadata file and the fragment of every page, every chunk of the word
 * index and every filter file that metadata lists. Throws, naming the file, when the entry or a
 * metadata file cannot be read, or a metadata file is not laid out as pagefind 1.x lays it out
 * (`[version, pages: [hash, …][], chunks: [from, to, hash][], filters: [name, hash][], …]`).
 */
export function namedIndexFiles(indexDir: string): Set<string> {
  const entryFile = join(indexDir, 'pagefind-entry.json');
  let languages: Record<string, { hash?: unknown }>;
  try {
    languages = (JSON.parse(readFileSync(entryFile, 'utf8')) as { languages: Record<string, { hash?: unknown }> })
      .languages;
    if (!languages || typeof languages !== 'object') throw new Error('it lists no languages');
  } catch (e) {
    throw new Error(`${entryFile}: not a pagefind entry file (${e instanceof Error ? e.message : String(e)})`);
  }
  const named = new Set<string>();
  for (const [language, { hash }] of Object.entries(languages)) {
    const metaName = `pagefind.${String(hash)}.pf_meta`;
    const metaFile = join(indexDir, metaName);
    let files: string[];
    try {
      const bytes = gunzipSync(readFileSync(metaFile));
      if (bytes.subarray(0, SIGNATURE.length).toString() !== SIGNATURE) throw new Error('no pagefind signature');
      const meta = decode(bytes.subarray(SIGNATURE.length)) as unknown[];
      const [pages, chunks, filters] = [hashesOf(meta[1], 0), hashesOf(meta[2], 2), hashesOf(meta[3], 1)];
      if (!pages || !chunks || !filters)
        throw new Error('its lists of pages, chunks and filters are not where pagefind 1.x puts them');
      files = [
        ...pages.map((h) => `fragment/${h}.pf_fragment`),
        ...chunks.map((h) => `index/${h}.pf_index`),
        ...filters.map((h) => `filter/${h}.pf_filter`),
      ];
    } catch (e) {
      throw new Error(
        `${metaFile}: the metadata of language "${language}" cannot be read (${e instanceof Error ? e.message : String(e)})`,
      );
    }
    named.add(metaName);
    for (const f of files) named.add(f);
  }
  return named;
}

/** Whether `rel` (a path in the index folder) is named by its content: a metadata, fragment, chunk or filter file. */
function contentNamed(rel: string): boolean {
  const slash = rel.indexOf('/');
  if (slash === -1) return META.test(rel);
  const folder = rel.slice(0, slash);
  return Object.hasOwn(NAMED_FOLDERS, folder);
}

/**
 * After a run, removes from `indexDir` each content-named file that the new index does not name
 * (an earlier index's fragments, chunks, filters and metadata) and returns how many. The
 * folder's other files (pagefind's scripts, styles, entry file and language files) are written
 * by every run. Throws when a file the index names is missing: the index would be broken.
 */
export function pruneIndex(indexDir: string): number {
  const named = namedIndexFiles(indexDir);
  const files = listFiles(indexDir);
  let removed = 0;
  for (const f of Object.keys(files)) {
    if (contentNamed(f) && !named.has(f)) {
      unlinkSync(join(indexDir, f));
      removed++;
    }
  }
  const missing = [...named].filter((f) => !(f in files));
  if (missing.length > 0)
    throw new Error(
      `${indexDir}: the search index is incomplete, ${missing.length} file(s) it names are missing (${missing.slice(0, 3).join(', ')}…)`,
    );
  return removed;
}

/** What one run of the index step did. */
export interface IndexRun {
  /** Whether the folder of the last run was kept (its unchanged files not written again). */
  kept: boolean;
  /** Files of the earlier index removed after the run. */
  removed: number;
}

/** The installed pagefind: the path of its command-line wrapper and its version. */
export function installedPagefind(root: string): { bin: string; version: string } {
  // The package's `exports` name its module only, so its folder is found where npm installs a
  // dependency of the project.
  const dir = join(root, 'node_modules/pagefind');
  let version: string;
  try {
    version = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    throw new Error(`pagefind is not installed in ${dir}: run npm install`);
  }
  return { bin: join(dir, 'lib/runner/bin.cjs'), version };
}

/** Options of `buildSearchIndex`. */
export interface IndexOptions {
  /** Where the record of the last run is kept (default: the project's build caches). */
  cacheDir?: string;
  /** Keep pagefind's own output, printing it only if it fails (default: pass it through). */
  quiet?: boolean;
}

/**
 * Builds the search index of the site in `site` with pagefind, keeping the index folder of the
 * last run when it is intact and removing what the new index no longer names. `root` is the
 * project (where pagefind is installed and the build caches are). Throws when pagefind fails or
 * leaves an incomplete index; the record of a finished run is removed first, so a run that does
 * not finish is never trusted.
 */
export function buildSearchIndex(root: string, site: string, options: IndexOptions = {}): IndexRun {
  const real = realpathSync(site);
  const indexDir = join(real, INDEX_FOLDER);
  const { bin, version } = installedPagefind(root);
  const record = indexRecordPath(options.cacheDir ?? buildCacheDir(root), real);
  const kept = indexFolderIntact(record, real, indexDir, version);
  rmSync(record, { force: true });
  if (!kept) rmSync(indexDir, { recursive: true, force: true });
  const run = spawnSync(process.execPath, [bin, ...pagefindArgs(real)], {
    stdio: options.quiet ? 'pipe' : 'inherit',
    encoding: 'utf8',
  });
  if (run.status !== 0)
    throw new Error(
      `pagefind stopped (exit status ${run.status ?? run.signal})${options.quiet ? `: ${`${run.stdout}${run.stderr}`.trim().slice(-500)}` : ''}`,
    );
  const removed = pruneIndex(indexDir);
  mkdirSync(dirname(record), { recursive: true });
  replaceFile(
    record,
    JSON.stringify({ site: real, pagefind: version, files: listFiles(indexDir) } satisfies IndexRecord),
  );
  return { kept, removed };
}
