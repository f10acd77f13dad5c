import { decode } from 'cbor2';
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  rmSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { constants, gunzipSync } from 'node:zlib';
import { buildCacheDir, replaceFile } from './content/parse-cache';
import { INDEX_FOLDER } from './search-folder';
import { outputRecord } from './build-records';

export { INDEX_FOLDER } from './search-folder';

// The search index is pagefind's, written into `<site>/pagefind` after Astro's build. Pagefind has
// no incremental mode, but it does not write a content-named file (a page's fragment, a chunk of
// the word index, a filter, the metadata) that is already in its output folder: the name is a
// hash of the bytes, so the file is taken as right. Keeping the folder between builds therefore
// spares the compression and writing of every unchanged file, which at 5,000 reports was about
// half of the index step. But the names are short (seven hex digits of a SHA-1, lengthened only
// against a clash within one run), so a name can come back for other bytes, and pagefind would
// then keep the old file (its own source says so: index/mod.rs). And it never removes the files
// of an earlier index, nor notices a file cut short by a run that was stopped. So this module
// keeps only what it can check: the fragments of pages unchanged since they were indexed (a
// fragment is a function of its page alone) and the chunks of the word index; filters and
// metadata are written by every run. After the run it checks that no two fragments are for one
// page and that each kept chunk begins where the new index says, writing the folder whole if not;
// then removes what the new index does not name, and records the folder.

/**
 * The arguments `npm run index` gives pagefind for the site built into `site`. Only report pages
 * are indexed; the glob spares pagefind reading the claim pages only to skip them.
 */
export const pagefindArgs = (site: string): string[] => [
  '--site',
  site,
  // Named, so that no PAGEFIND_OUTPUT_* variable or configuration file sends it elsewhere.
  '--output-path',
  join(site, INDEX_FOLDER),
  '--force-language',
  PAGEFIND_LANGUAGE,
  '--glob',
  PAGEFIND_GLOB,
];

// Where the report pages are (`articles/<id>/index.html`): the glob below and `indexedPages`, which
// stamps what pagefind reads, are both made from these.
const REPORT_PAGES = 'articles';
const PAGE_FILE = 'index.html';

/**
 * The pages pagefind reads: the reports' (`articles/<id>/`). Not the list of reports
 * (`articles/index.html`, `articles/page/<n>/`): it has nothing indexed, and its first page is
 * written by every build, so reading it would make every build's index look out of date.
 */
export const PAGEFIND_GLOB = `${REPORT_PAGES}/*/${PAGE_FILE}`;
/** The language every page is indexed in (the site is in English; one index, one set of stemming rules). */
export const PAGEFIND_LANGUAGE = 'en';
// What the record says the index was made with: the arguments bar the site's path. A record made
// with others (the code changed) says nothing about whether the index is up to date.
const ARGS = JSON.stringify(pagefindArgs('<site>'));

// Each content-named file of an index sits in one of these folders, named `<hash>.<extension>`.
const NAMED_FOLDERS: Record<string, string> = { fragment: '.pf_fragment', index: '.pf_index', filter: '.pf_filter' };
// A language's metadata file, in the folder's root: `pagefind.<hash>.pf_meta`.
const META = /^pagefind\.(.+)\.pf_meta$/;
// Pagefind's compressed files start, once unzipped, with this signature.
const SIGNATURE = 'pagefind_dcd';

// A file's size, modification time and change time. The change time is there because a copy that
// keeps the size and the modification time (`cp -p`, `rsync -a`) cannot keep it: no tool sets it.
type Stamp = [size: number, mtimeMs: number, ctimeMs: number];

/** What a finished run left: kept between builds, one file per output folder. */
interface IndexRecord {
  site: string;
  pagefind: string;
  files: Record<string, Stamp>;
  /** Each fragment (path in the folder): the URL of its page and the page file's stamp when it was indexed. */
  fragments: Record<string, FragmentSource>;
  /** The pages pagefind read (`PAGEFIND_GLOB`, paths in the site), each with its stamp from before it was read. */
  pages?: Record<string, Stamp>;
  /** Every file of the index folder after the run (entry files and scripts included), with its stamp. */
  all?: Record<string, Stamp>;
  /** The arguments of the run, bar the site (`ARGS`). */
  args?: string;
}

/** A fragment's page: its URL, and its file's size, modification and change time when it was indexed. */
type FragmentSource = [url: string, size: number, mtimeMs: number, ctimeMs: number];

/** Every file under `dir` (paths relative to it, `/`-separated), with its size, modification and change time. */
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
        files[rel] = [s.size, s.mtimeMs, s.ctimeMs];
      }
    }
  };
  walk('');
  return files;
}

/** Whether two stamps are the same: size, modification and change time. */
const sameStamp = (x: Stamp, y: Stamp): boolean => x[0] === y[0] && x[1] === y[1] && x[2] === y[2];

/** Whether two sets of files have the same names, each with the same stamp. */
const sameStamps = (a: Readonly<Record<string, Stamp>>, b: Readonly<Record<string, Stamp>>): boolean => {
  const names = Object.keys(a);
  if (names.length !== Object.keys(b).length) return false;
  return names.every((f) => {
    const y = b[f];
    return y !== undefined && sameStamp(a[f]!, y);
  });
};

/** The record of the last finished run into `site` (keyed by its real path), in the build caches. */
export function indexRecordPath(cacheDir: string, site: string): string {
  return outputRecord(cacheDir, 'search-index', site);
}

// A record edited by hand (or by anything but this step) could hold other shapes: such a record is
// not trusted, and the folder is written whole, rather than the step stopping on it.
const isStamp = (v: unknown): v is Stamp => Array.isArray(v) && v.length === 3 && v.every((n) => typeof n === 'number');
const isSource = (v: unknown): v is FragmentSource =>
  Array.isArray(v) &&
  v.length === 4 &&
  typeof v[0] === 'string' &&
  typeof v[1] === 'number' &&
  typeof v[2] === 'number' &&
  typeof v[3] === 'number';
const isRecordOf = <T>(v: unknown, each: (x: unknown) => x is T): v is Record<string, T> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every(each);

/**
 * The record in `recordPath` of the last finished run of this pagefind `version` into `site`, if
 * it is one and of the shape this code writes; `undefined` otherwise.
 */
function readRecord(recordPath: string, site: string, version: string): IndexRecord | undefined {
  let record: Partial<IndexRecord>;
  try {
    record = JSON.parse(readFileSync(recordPath, 'utf8')) as Partial<IndexRecord>;
  } catch {
    return undefined;
  }
  const { files, fragments, pages, all, args } = record;
  if (
    record.site !== site ||
    record.pagefind !== version ||
    !isRecordOf(files, isStamp) ||
    !isRecordOf(fragments, isSource)
  )
    return undefined;
  // What only the up-to-date check uses: left out when not of the expected shape.
  const extra =
    isRecordOf(pages, isStamp) && isRecordOf(all, isStamp) && typeof args === 'string' ? { pages, all, args } : {};
  return { site, pagefind: version, files, fragments, ...extra };
}

/**
 * The record of the last finished run of this pagefind `version` into `site`, if `indexDir` holds
 * exactly what that run left in it: the same content-named files, none added or removed, each with
 * the size, modification and change time recorded. Anything else (no record: the first run, or one that
 * did not finish; a file touched since; another pagefind) means a file may hold what its name does
 * not say, and the folder is not reused: `undefined`.
 */
function intactRecord(recordPath: string, site: string, indexDir: string, version: string): IndexRecord | undefined {
  const record = readRecord(recordPath, site, version);
  return record && sameStamps(record.files, contentFiles(indexDir)) ? record : undefined;
}

/** Whether `indexDir` is exactly as the last finished run left it (see `intactRecord`). */
export function indexFolderIntact(recordPath: string, site: string, indexDir: string, version: string): boolean {
  return intactRecord(recordPath, site, indexDir, version) !== undefined;
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
  return readIndexMeta(indexDir).named;
}

/** What the index in `indexDir` names (see `namedIndexFiles`), and the first word (a prefix of it) of each chunk by its file. */
export function readIndexMeta(indexDir: string): { named: Set<string>; chunkFrom: Map<string, string> } {
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
  const chunkFrom = new Map<string, string>();
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
      const froms = hashesOf(meta[2], 0) ?? [];
      chunks.forEach((h, i) => chunkFrom.set(`index/${h}.pf_index`, froms[i] ?? ''));
    } catch (e) {
      throw new Error(
        `${metaFile}: the metadata of language "${language}" cannot be read (${e instanceof Error ? e.message : String(e)}): run npm run index again; if pagefind was upgraded, src/lib/search-index.ts must learn its new layout`,
      );
    }
    named.add(metaName);
    for (const f of files) named.add(f);
  }
  return { named, chunkFrom };
}

/** A CBOR item's head at `at`: its major type, its argument (-1 for an indefinite length) and where it ends. */
function cborHead(bytes: Buffer, at: number): [major: number, value: number, next: number] {
  const first = bytes[at];
  if (first === undefined) throw new Error('cut short');
  const [major, info] = [first >> 5, first & 31];
  if (info < 24) return [major, info, at + 1];
  if (info === 24) return [major, bytes.readUInt8(at + 1), at + 2];
  if (info === 25) return [major, bytes.readUInt16BE(at + 1), at + 3];
  if (info === 26) return [major, bytes.readUInt32BE(at + 1), at + 5];
  if (info === 31) return [major, -1, at + 1];
  throw new Error(`an item head of ${first}`);
}

/**
 * The first word of a chunk of the word index (`[[[word, pages…], …]]` in CBOR, gzip), read from
 * the start of the file only. Throws when it is not laid out so.
 */
export function chunkFirstWord(file: string): string {
  const fd = openSync(file, 'r');
  const head = Buffer.alloc(2048);
  let length: number;
  try {
    length = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const bytes = gunzipSync(head.subarray(0, length), { finishFlush: constants.Z_SYNC_FLUSH });
  if (bytes.subarray(0, SIGNATURE.length).toString() !== SIGNATURE) throw new Error(`${file}: no pagefind signature`);
  let at = SIGNATURE.length;
  for (let depth = 0; depth < 3; depth++) {
    const [major, , next] = cborHead(bytes, at);
    if (major !== 4) throw new Error(`${file}: not a chunk of pagefind's word index`);
    at = next;
  }
  const [major, size, next] = cborHead(bytes, at);
  if (major !== 3 || size < 0) throw new Error(`${file}: not a chunk of pagefind's word index`);
  return bytes.toString('utf8', next, next + size);
}

/**
 * Whether each chunk of the word index that was kept from the last run (`kept`) and that the new
 * index names begins where the new index says it does. A chunk's name is a short hash too, and a
 * run may give an old chunk's name to a chunk of other words; this catches that but for a chunk
 * of the same first word (see docs/search.md).
 */
export function keptChunksAgree(
  indexDir: string,
  kept: ReadonlySet<string>,
  chunkFrom: ReadonlyMap<string, string>,
): boolean {
  for (const [f, from] of chunkFrom) {
    if (!kept.has(f)) continue;
    try {
      if (!chunkFirstWord(join(indexDir, f)).startsWith(from)) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/** Whether `rel` (a path in the index folder) is named by its content: a metadata, fragment, chunk or filter file. */
function contentNamed(rel: string): boolean {
  const slash = rel.indexOf('/');
  if (slash === -1) return META.test(rel);
  const folder = rel.slice(0, slash);
  return Object.hasOwn(NAMED_FOLDERS, folder);
}

/** The content-named files of `indexDir` with their stamps: what the record holds and the next run may keep. */
function contentFiles(indexDir: string): Record<string, Stamp> {
  return Object.fromEntries(Object.entries(listFiles(indexDir)).filter(([f]) => contentNamed(f)));
}

/**
 * After a run, removes from `indexDir` each content-named file that the new index does not name
 * (an earlier index's fragments, chunks, filters and metadata) and returns how many. The
 * folder's other files (pagefind's scripts, styles, entry file and language files) are written
 * by every run. Throws when a file the index names is missing: the index would be broken. `named`:
 * what the index names, when the caller has read it already.
 */
export function pruneIndex(indexDir: string, named: ReadonlySet<string> = namedIndexFiles(indexDir)): number {
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
      `${indexDir}: the search index is incomplete, ${missing.length} file(s) it names are missing (${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''}): run npm run index again, which writes the folder whole after a run that did not finish`,
    );
  return removed;
}

/** The file of the page at `url` in `site` (as pagefind names pages), or `undefined` if it would lie outside. */
export function pageFile(site: string, url: string): string | undefined {
  let path: string;
  try {
    path = decodeURI(url.endsWith('/') ? `${url}index.html` : url);
  } catch {
    return undefined;
  }
  const file = join(site, path);
  return file.startsWith(`${site}/`) ? file : undefined;
}

/** The URL a fragment file records for its page. Throws, naming the file, when it cannot be read. */
export function fragmentUrl(file: string): string {
  try {
    const bytes = gunzipSync(readFileSync(file));
    if (bytes.subarray(0, SIGNATURE.length).toString() !== SIGNATURE) throw new Error('no pagefind signature');
    const url = (JSON.parse(bytes.subarray(SIGNATURE.length).toString('utf8')) as { url?: unknown }).url;
    if (typeof url !== 'string') throw new Error('no page URL in it');
    return url;
  } catch (e) {
    throw new Error(`${file}: not a pagefind fragment (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** A page file's stamp, or `undefined` when it is missing. */
function pageStamp(file: string | undefined): Stamp | undefined {
  const s = file === undefined ? undefined : statSync(file, { throwIfNoEntry: false });
  return s ? [s.size, s.mtimeMs, s.ctimeMs] : undefined;
}

/**
 * Before a run into a kept folder: keeps the fragments whose page is unchanged since it was
 * indexed (same size, modification and change time) and the chunks of the word index (checked after the
 * run: `keptChunksAgree`), and removes every other content-named file (the fragments of changed
 * or removed pages, filters, metadata), which the run writes if its index names them. Returns the
 * fragments kept, each with its page's URL.
 */
export function keepReliable(
  indexDir: string,
  site: string,
  sources: Record<string, FragmentSource>,
): Map<string, FragmentSource> {
  const kept = new Map<string, FragmentSource>();
  for (const f of Object.keys(listFiles(indexDir))) {
    if (!contentNamed(f) || f.startsWith('index/')) continue;
    const source = f.startsWith('fragment/') ? sources[f] : undefined;
    const now = source && pageStamp(pageFile(site, source[0]));
    if (source && now && sameStamp(now, [source[1], source[2], source[3]])) kept.set(f, source);
    else unlinkSync(join(indexDir, f));
  }
  return kept;
}

/**
 * After a run: the page of each fragment the index names, from `kept` or read from the file (one
 * written by this run), with its page file's stamp. Returns `undefined` when two fragments are for
 * one page: a kept fragment took the name of another page's new one.
 */
export function fragmentSources(
  indexDir: string,
  site: string,
  named: ReadonlySet<string>,
  kept: ReadonlyMap<string, FragmentSource>,
  read: Readonly<Record<string, Stamp>>,
): Record<string, FragmentSource> | undefined {
  const sources: Record<string, FragmentSource> = {};
  const pages = new Set<string>();
  for (const f of named) {
    if (!f.startsWith('fragment/')) continue;
    const url = kept.get(f)?.[0] ?? fragmentUrl(join(indexDir, f));
    if (pages.has(url)) return undefined;
    pages.add(url);
    const file = pageFile(site, url);
    // The page's stamp from before pagefind read it (`indexedPages`): a page written again while
    // pagefind ran is then not taken as the one its fragment was made from.
    const stamp = file === undefined ? undefined : read[file.slice(site.length + 1)];
    // A page that has gone since pagefind read it: its fragment is not kept by the next run.
    sources[f] = [url, stamp?.[0] ?? -1, stamp?.[1] ?? -1, stamp?.[2] ?? -1];
  }
  return sources;
}

/** What one run of the index step did. */
export interface IndexRun {
  /** Whether the folder of the last run was kept (fragments of unchanged pages not written again). */
  kept: boolean;
  /** Fragments of the earlier index that the new one names, not written again. */
  reused: number;
  /** Whether a kept fragment turned out to share its name with another page's, so the folder was written whole. */
  clash: boolean;
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
 * The pages pagefind reads in `site` (`PAGEFIND_GLOB`: the `index.html` of each folder in
 * `articles/`), each with its stamp: taken before a run, what the index is made from.
 */
export function indexedPages(site: string): Record<string, Stamp> {
  const pages: Record<string, Stamp> = {};
  let folders;
  try {
    folders = readdirSync(join(site, REPORT_PAGES), { withFileTypes: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return pages;
    throw e;
  }
  for (const folder of folders) {
    if (!folder.isDirectory()) continue;
    const rel = `${REPORT_PAGES}/${folder.name}/${PAGE_FILE}`;
    const s = statSync(join(site, rel), { throwIfNoEntry: false });
    if (s?.isFile()) pages[rel] = [s.size, s.mtimeMs, s.ctimeMs];
  }
  return pages;
}

/**
 * Builds the search index of the site in `site` with pagefind, keeping the index folder of the
 * last run when it is intact and removing what the new index no longer names. `root` is the
 * project (where pagefind is installed and the build caches are). Throws when pagefind fails or
 * leaves an incomplete index; the record of a finished run is removed first, so a run that does
 * not finish is never trusted.
 */
export function buildSearchIndex(root: string, site: string, options: IndexOptions = {}): IndexRun {
  let real: string;
  try {
    real = realpathSync(site);
  } catch {
    throw new Error(`${site}: no built site here: build it first (npm run build, or astro build then npm run index)`);
  }
  const indexDir = join(real, INDEX_FOLDER);
  const { bin, version } = installedPagefind(root);
  const recordPath = indexRecordPath(options.cacheDir ?? buildCacheDir(root), real);
  const last = intactRecord(recordPath, real, indexDir, version);
  const intact = last !== undefined;
  rmSync(recordPath, { force: true });
  // Stamped before pagefind reads them: a page written again while it runs is not taken as indexed.
  const pages = indexedPages(real);
  // Pagefind would stop with "not able to build an index" and a guess at why.
  if (Object.keys(pages).length === 0)
    throw new Error(`${site}: no report page to index (${PAGEFIND_GLOB}): a site with no report has nothing to search`);
  // Pagefind also reads settings from a pagefind.json, .yml, .yaml or .toml in its working
  // directory (selectors to leave out, rules): run in an empty folder of its own, the index is
  // built from the arguments alone, which the record holds (`ARGS`).
  const cwd = mkdtempSync(join(tmpdir(), 'claim-ledger-pagefind-'));
  const run = (kept: Map<string, FragmentSource>): Record<string, FragmentSource> | undefined => {
    const result = spawnSync(process.execPath, [bin, ...pagefindArgs(real)], {
      cwd,
      stdio: options.quiet ? 'pipe' : 'inherit',
      encoding: 'utf8',
      // And from PAGEFIND_* variables (another binary, other output): none are passed on.
      env: Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('PAGEFIND_'))),
    });
    if (result.status !== 0)
      throw new Error(
        `pagefind stopped (exit status ${result.status ?? result.signal})${options.quiet ? `: ${`${result.stdout}${result.stderr}`.trim().slice(-500)}` : ''}`,
      );
    const { named, chunkFrom } = readIndexMeta(indexDir);
    pruneIndex(indexDir, named);
    if (!keptChunksAgree(indexDir, keptChunks, chunkFrom)) return undefined;
    return fragmentSources(indexDir, real, named, kept, pages);
  };
  let kept = new Map<string, FragmentSource>();
  let keptChunks = new Set<string>();
  if (last) {
    kept = keepReliable(indexDir, real, last.fragments);
    keptChunks = new Set(Object.keys(listFiles(indexDir)).filter((f) => f.startsWith('index/')));
  } else rmSync(indexDir, { recursive: true, force: true });
  let fragments: Record<string, FragmentSource> | undefined;
  let clash = false;
  try {
    fragments = run(kept);
    clash = fragments === undefined;
    if (!fragments) {
      rmSync(indexDir, { recursive: true, force: true });
      kept = new Map();
      keptChunks = new Set();
      fragments = run(kept);
      if (!fragments) throw new Error(`${indexDir}: pagefind wrote two fragments for one page into an empty folder`);
    }
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
  const reused = [...kept.keys()].filter((f) => Object.hasOwn(fragments, f)).length;
  mkdirSync(dirname(recordPath), { recursive: true });
  const all = listFiles(indexDir);
  const files = Object.fromEntries(Object.entries(all).filter(([f]) => contentNamed(f)));
  const record: IndexRecord = { site: real, pagefind: version, files, fragments, pages, all, args: ARGS };
  replaceFile(recordPath, JSON.stringify(record));
  return { kept: intact && !clash, reused, clash };
}

/**
 * Whether the index in `site` is the one the last finished run made and the pages it was made
 * from are as they were: every file of the index folder (entry files included) with the stamp
 * recorded after that run, every page pagefind reads with the stamp it had before, the same
 * pagefind and arguments. Then a run would write the same index, and `npm run index` does nothing
 * (`npm run build` twice over the same content indexes once).
 */
export function indexUpToDate(root: string, site: string, options: Pick<IndexOptions, 'cacheDir'> = {}): boolean {
  let real: string;
  try {
    real = realpathSync(site);
  } catch {
    return false;
  }
  const { version } = installedPagefind(root);
  const last = readRecord(indexRecordPath(options.cacheDir ?? buildCacheDir(root), real), real, version);
  // The pages first: after an edit to a report, one of them has changed and the folder is not walked.
  // Every file of the folder as recorded (`all`) covers the content-named files too (`files`).
  return (
    last?.args === ARGS &&
    last.all !== undefined &&
    last.pages !== undefined &&
    sameStamps(last.pages, indexedPages(real)) &&
    sameStamps(last.all, listFiles(join(real, INDEX_FOLDER)))
  );
}
