import { readFileSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { outputRecord } from '../build-records';
import { contentFiles, contentNamed, fragmentUrl } from './pagefind-files';
import { listFiles, sameStamp, sameStamps, stampOf, type Stamp } from './stamps';

// The record of the index step's last finished run (kept in the build caches), and what a run into
// a kept folder may trust of it: the folder as that run left it, the fragments of unchanged pages.

/** What a finished run left: kept between builds, one file per output folder. */
export interface IndexRecord {
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
export type FragmentSource = [url: string, size: number, mtimeMs: number, ctimeMs: number];

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
export function readRecord(recordPath: string, site: string, version: string): IndexRecord | undefined {
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
export function intactRecord(
  recordPath: string,
  site: string,
  indexDir: string,
  version: string,
): IndexRecord | undefined {
  const record = readRecord(recordPath, site, version);
  return record && sameStamps(record.files, contentFiles(indexDir)) ? record : undefined;
}

/** Whether `indexDir` is exactly as the last finished run left it (see `intactRecord`). */
export function indexFolderIntact(recordPath: string, site: string, indexDir: string, version: string): boolean {
  return intactRecord(recordPath, site, indexDir, version) !== undefined;
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

/** A page file's stamp, or `undefined` when it is missing. */
function pageStamp(file: string | undefined): Stamp | undefined {
  const s = file === undefined ? undefined : statSync(file, { throwIfNoEntry: false });
  return s ? stampOf(s) : undefined;
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
