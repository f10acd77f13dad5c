import { decode } from 'cbor2';
import { closeSync, openSync, readFileSync, readSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { constants, gunzipSync } from 'node:zlib';
import { listFiles, type Stamp } from './stamps';

// Pagefind's own files, as pagefind 1.x lays them out: which files an index names (its entry file
// and each language's metadata), the first word of a chunk of its word index, the page a fragment
// is for, and the removal of what an index no longer names.

// Each content-named file of an index sits in one of these folders, named `<hash>.<extension>`.
const NAMED_FOLDERS: Record<string, string> = { fragment: '.pf_fragment', index: '.pf_index', filter: '.pf_filter' };
// A language's metadata file, in the folder's root: `pagefind.<hash>.pf_meta`.
const META = /^pagefind\.(.+)\.pf_meta$/;
// Pagefind's compressed files start, once unzipped, with this signature.
const SIGNATURE = 'pagefind_dcd';

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
        `${metaFile}: the metadata of language "${language}" cannot be read (${e instanceof Error ? e.message : String(e)}): run npm run index again; if pagefind was upgraded, src/lib/search-index/pagefind-files.ts must learn its new layout`,
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
export function contentNamed(rel: string): boolean {
  const slash = rel.indexOf('/');
  if (slash === -1) return META.test(rel);
  const folder = rel.slice(0, slash);
  return Object.hasOwn(NAMED_FOLDERS, folder);
}

/** The content-named files of `indexDir` with their stamps: what the record holds and the next run may keep. */
export function contentFiles(indexDir: string): Record<string, Stamp> {
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
