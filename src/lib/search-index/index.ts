import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildCacheDir, replaceFile } from '../content/parse-cache';
import { INDEX_FOLDER } from '../search-folder';
import { contentNamed, keptChunksAgree, pruneIndex, readIndexMeta } from './pagefind-files';
import {
  fragmentSources,
  indexRecordPath,
  intactRecord,
  keepReliable,
  readRecord,
  type FragmentSource,
  type IndexRecord,
} from './record';
import { listFiles, sameStamps, stampOf, type Stamp } from './stamps';

export { INDEX_FOLDER } from '../search-folder';

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
    if (s?.isFile()) pages[rel] = stampOf(s);
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

// The helpers the index step is made of, for its tests.
export {
  chunkFirstWord,
  fragmentUrl,
  keptChunksAgree,
  namedIndexFiles,
  pruneIndex,
  readIndexMeta,
} from './pagefind-files';
export { fragmentSources, indexFolderIntact, indexRecordPath, keepReliable, pageFile } from './record';
export { listFiles } from './stamps';
