import { lstatSync, readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { join, relative } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { YAMLParseError } from 'yaml';
import { describeCharacter, idSchema, PAGES_SEGMENT, reservedIdReason } from '../../schemas/common';
import { sayWorkerFailed, workerEntry } from '../worker-threads';
import { parsePermalinks, permalinksFile, PERMALINKS_MISSING, type Permalink, type PermalinkProblem } from '../permalinks';
import { parseYamlFast } from './yaml';
import { describeYamlError } from './yaml-errors';
import { analyseMarkdown, type MarkdownAnalysis } from './text';
import {
  cachedParse,
  entryText,
  fileKey,
  fileStamp,
  forgetParseCache,
  keepParse,
  knownKey,
  noteStamp,
  saveParseCache,
  pathKnown,
  stampTrusted,
  type ParsedFile,
} from './parse-cache';

/** Why a file could not be read: where in it (`(file)`, `line 3`, `(file name)`) and the reason. */
export interface FileError {
  field: string;
  reason: string;
}

/** A content file as read from disk, before validation. */
export interface RawFile {
  /** Entry id: the file name without extension. */
  id: string;
  /** Path relative to the project, as shown in error messages. */
  file: string;
  /** Parsed YAML (frontmatter for Markdown), or undefined when it could not be parsed. */
  data: unknown;
  /** Markdown body (articles only). */
  body?: string;
  /** Why the file could not be read or parsed, if it could not. */
  error?: FileError;
  /**
   * The body's blocks, raw HTML and links (Markdown only, when the file parsed): made here, with
   * the parse, so the parse cache keeps them too. Parsing 5,000 bodies again on every build cost
   * more than reading them.
   */
  analysis?: MarkdownAnalysis;
}

/** A file in a collection folder that is not read; `id` when it looks like a misnamed entry (`x.yml`). */
export interface Stray {
  file: string;
  reason: string;
  collection: 'articles' | 'claims' | 'sources' | 'topics' | 'events' | 'received';
  id?: string;
}

/** Every content file of a corpus, grouped by collection. */
export interface RawCorpus {
  dir: string;
  articles: RawFile[];
  claims: RawFile[];
  sources: RawFile[];
  topics: RawFile[];
  /** events/*.yaml */
  events: RawFile[];
  /** `redirects.yaml`, if the corpus has one. */
  redirects: RawFile | undefined;
  /**
   * `permalinks.txt` (see `permalinksFile`): every claim and event URL ever published, and the
   * problems of its lines (a missing file is one).
   */
  permalinks: { file: string; entries: Permalink[]; problems: PermalinkProblem[] };
  /**
   * `received/<report id>.txt`: each report's text as it was received, the text its body is
   * checked against word for word (./phases/received.ts).
   */
  received: ReceivedText[];
  /** Files in a collection folder that are not content files of that collection. */
  strays: Stray[];
}

/** A report's text as received (`received/<report id>.txt`), kept byte for byte. */
export interface ReceivedText {
  /** The report id: the file name without `.txt`. */
  id: string;
  /** Path relative to the project, as shown in error messages. */
  file: string;
  /** The text, decoded; undefined when it is not UTF-8 (`error` says where). */
  text: string | undefined;
  error?: FileError;
}

/**
 * Parses YAML; `lineOffset` is the line of the file where this text starts (frontmatter: 1).
 * Data and errors are the `yaml` package's (`parseYamlFast` takes a faster parser only where the
 * two agree).
 */
export function parseYaml(text: string, lineOffset = 0): { data?: unknown; error?: FileError } {
  try {
    return { data: parseYamlFast(text) };
  } catch (e) {
    if (!(e instanceof YAMLParseError)) return { error: { field: '(file)', reason: `malformed YAML: ${String(e)}` } };
    // The mistake in plain words, on the line where it is, with the line shown (./yaml-errors.ts).
    const mistake = describeYamlError(text, e);
    return { error: { field: `line ${mistake.line + lineOffset}`, reason: `malformed YAML: ${mistake.reason}` } };
  }
}

/**
 * Decodes UTF-8 strictly. A byte that is not UTF-8 would otherwise be shown to readers as U+FFFD
 * without a word; here it is an error that names the line.
 */
function decode(bytes: Buffer): { text: string; error?: FileError } {
  // A byte-order mark at the start is what some editors save UTF-8 with: harmless, and dropped.
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(body);
  const again = Buffer.from(text, 'utf8');
  const lineAt = (at: number): number => body.subarray(0, at).toString('latin1').split('\n').length;
  if (!again.equals(body)) {
    // The lossy decoding re-encodes identically up to the first byte it had to replace.
    let at = 0;
    while (at < body.length && body[at] === again[at]) at++;
    const hex = body[at]!.toString(16).toUpperCase().padStart(2, '0');
    return { text, error: { field: `line ${lineAt(at)}`, reason: `the file is not UTF-8 (byte 0x${hex} at offset ${at}); save it as UTF-8` } };
  }
  // A control byte (NUL, backspace, escape…) is valid UTF-8 but not text: it would reach the
  // page, the feed and the data files as it is. Tab, newline and carriage return are text.
  const control = CONTROL_BYTE.exec(text);
  if (control) {
    const at = Buffer.byteLength(text.slice(0, control.index));
    return { text, error: { field: `line ${lineAt(at)}`, reason: `the file holds the control character ${describeCharacter(control[0])} at byte offset ${at}, which is not text; delete it` } };
  }
  return { text };
}

const CONTROL_BYTE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

function readFile(path: string, id: string, file: string, markdown: boolean): RawFile {
  return parseFile(readFileSync(path), id, file, markdown);
}

function parseFile(bytes: Buffer, id: string, file: string, markdown: boolean): RawFile {
  const { text, error } = decode(bytes);
  if (error) return { id, file, data: undefined, error };
  if (text.trim() === '') return { id, file, data: undefined, error: { field: '(file)', reason: 'the file is empty' } };
  if (!markdown) {
    const parsed = parseYaml(text);
    return { id, file, data: parsed.data, ...(parsed.error ? { error: parsed.error } : {}) };
  }
  const m = FRONTMATTER.exec(text);
  if (!m) return { id, file, data: undefined, body: text, error: { field: '(file)', reason: 'missing YAML frontmatter between --- lines' } };
  const parsed = parseYaml(m[1] ?? '', 1);
  const body = text.slice(m[0].length);
  if (parsed.error) return { id, file, data: parsed.data, body, error: parsed.error };
  return { id, file, data: parsed.data, body, analysis: analyseMarkdown(body) };
}

// Files as last parsed, by path, with the size and modification time they had then. In `astro dev`
// and `validate --watch` a save then re-parses only the file saved: YAML parsing is most of a
// validation's time (at five reports, about 130 of 200 ms on a quiet machine).
const parsed = new Map<string, { stamp: string; raw: RawFile }>();

/**
 * How many content files this module parsed (`inWorker` of them in a worker thread, see
 * `parseInWorker`), how many it took parsed from the disk cache, and how many of those it found by
 * their stamp without reading them.
 */
export const parseStats = { parsed: 0, reused: 0, unread: 0, inWorker: 0 };

/** Forgets the files parsed in this process, as a new process would start (for tests). */
export function forgetParsed(): void {
  parsed.clear();
  forgetParseCache();
}

/**
 * `readFile`, from this process's memo while the file's stamp (`fileStamp`: inode, size,
 * modification and change times) is unchanged, else from the cache on disk (./parse-cache.ts)
 * while its bytes and the reading code are: found by the stamp without reading the file when the
 * stamp is as the last build recorded it.
 */
function readFileCached(
  path: string,
  id: string,
  file: string,
  markdown: boolean,
  stat: Stats,
  statMs: number,
  cwd: string,
  worker?: WorkerParse,
): RawFile {
  // The same stamp as the disk cache's: size and modification time alone miss a rewrite whose
  // time was put back (`cp -p`, `touch -d`), in `astro dev` as between builds.
  const diskStamp = fileStamp(stat);
  const hit = parsed.get(path);
  // A copy: the caller may still set `error` (a bad file name) on what it gets.
  if (hit?.stamp === diskStamp && hit.raw.file === file) return { ...hit.raw };
  const known = knownKey(cwd, path, diskStamp);
  const kept = known === undefined ? undefined : cachedParse(cwd, known);
  let raw: RawFile;
  if (kept) {
    raw = { id, file, ...kept };
    parseStats.reused++;
    parseStats.unread++;
  } else {
    // Parsed in the worker thread from the bytes it read after seeing this same stamp. The stamp
    // is trusted from when the worker read it, the earlier of the two reads: a write just after the
    // worker's read that left the stamp as it was (same size, same clock tick) is caught as here.
    const done = worker?.take(path);
    const fromWorker = done?.stamp === diskStamp ? done : undefined;
    if (fromWorker) statMs = Math.min(statMs, fromWorker.statMs);
    // The stamp was read (with the folder's listing) before the bytes: a write in between shows
    // as a new stamp next time.
    const bytes = fromWorker ? undefined : readFileSync(path);
    const key = fromWorker ? fromWorker.key : fileKey(bytes!, markdown);
    const cached = cachedParse(cwd, key);
    if (cached) {
      raw = { id, file, ...cached };
      parseStats.reused++;
    } else {
      raw = fromWorker ? { id, file, ...fromWorker.parsed } : parseFile(bytes!, id, file, markdown);
      parseStats.parsed++;
      if (fromWorker) parseStats.inWorker++;
      keepParse(cwd, key, fromWorker?.parsed ?? parsedPart(raw), fromWorker?.text);
    }
    noteStamp(cwd, path, diskStamp, key, stat.ctimeMs, statMs);
  }
  // Not kept for a file that changed just before its stamp was read (see `stampTrusted`).
  if (stampTrusted(stat.ctimeMs, statMs)) parsed.set(path, { stamp: diskStamp, raw: { ...raw } });
  else parsed.delete(path);
  return raw;
}

/** The fields of a read file that depend on its bytes alone: what the parse cache keeps. */
function parsedPart(raw: RawFile): ParsedFile {
  return {
    data: raw.data,
    ...(raw.body !== undefined ? { body: raw.body } : {}),
    ...(raw.error ? { error: raw.error } : {}),
    ...(raw.analysis ? { analysis: raw.analysis } : {}),
  };
}

/** A file parsed in the worker thread: the stamp it had before it was read, its cache key, its parse. */
export interface WorkerParsed {
  path: string;
  stamp: string;
  /** When the worker read the stamp (`Date.now()`), before it read the file. */
  statMs: number;
  key: string;
  parsed: ParsedFile;
  /** `entryText(parsed)`, made in the worker too, so the main thread need not. */
  text: string | undefined;
}

/**
 * Reads and parses the files at `paths` (YAML, or Markdown with frontmatter), each with the stamp
 * it had before it was read: the work of the worker thread (./parse-worker.mjs). A file that
 * cannot be read is left out, for the main thread to read and report.
 */
export function parseFiles(paths: readonly string[], markdown: boolean): WorkerParsed[] {
  const out: WorkerParsed[] = [];
  for (const path of paths) {
    try {
      const statMs = Date.now();
      const stamp = fileStamp(lstatSync(path));
      const bytes = readFileSync(path);
      const parsed = parsedPart(parseFile(bytes, '', '', markdown));
      out.push({ path, stamp, statMs, key: fileKey(bytes, markdown), parsed, text: entryText(parsed) });
    } catch {
      // Gone or unreadable since it was listed: the main thread finds out and says so.
    }
  }
  return out;
}

/** Files being parsed in a worker thread, handed over one by one as the main thread reaches them. */
interface WorkerParse {
  /** The file's parse, waiting (once) for the worker to finish; undefined if the worker did not parse it. */
  take(path: string): WorkerParsed | undefined;
  /** Stops the worker if it is still running (the read ended before it needed the parses). */
  dispose(): void;
}

/**
 * How long the main thread waits for the worker before it parses the files itself. The worker
 * signals when it ends, parses or not (parse-worker.mjs), so this bounds only a worker that died
 * without a word (out of memory); meanwhile the main thread is blocked, `astro dev` with it.
 */
const WORKER_WAIT_MS = 120_000;

/**
 * Starts parsing, in a worker thread, the files of `dir` (named `*<ext>`) that neither this
 * process nor the parse cache has seen at all, when there are at least `from` of them: the main
 * thread parses the reports meanwhile. In a build with nothing cached (a fresh clone, a
 * benchmark's cold build, a change to the validator's code) the claims files are about half of
 * the reading, all of it CPU work for one core while the machine has another. A file known by its
 * path but changed since is not counted: a rebuild or a save in `astro dev` changes a few files,
 * and costs no `lstat` of every file here. Returns undefined when too few files need parsing, when
 * the folder is a symbolic link (which the read refuses), or when the worker cannot be started
 * (this module bundled elsewhere than its source folder): they are then parsed in this thread.
 */
function parseInWorker(dir: string, ext: string, markdown: boolean, cwd: string, from: number): WorkerParse | undefined {
  if (!Number.isFinite(from)) return undefined;
  const entry = workerEntry('./parse-worker.mjs', import.meta.url);
  if (!entry) return undefined;
  if (!lstatSync(dir, { throwIfNoEntry: false })?.isDirectory()) return undefined;
  const paths = readdirSync(dir)
    .filter((name) => !name.startsWith('.') && name.endsWith(ext))
    .map((name) => join(dir, name))
    .filter((path) => !parsed.has(path) && !pathKnown(cwd, path));
  if (paths.length < from) return undefined;
  // The main thread blocks on `signal` until the worker has posted every parse to `port`.
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    worker = new Worker(entry, { workerData: { paths, markdown, port: port2, signal }, transferList: [port2] });
  } catch {
    port1.close();
    return undefined;
  }
  worker.unref();
  // A failure is reported through the port (and the main thread parses the files): an error
  // event with no listener would be thrown in this thread.
  worker.on('error', () => undefined);
  let done: Map<string, WorkerParsed> | undefined;
  const end = (): void => {
    port1.close();
    void worker.terminate();
  };
  return {
    take(path) {
      if (!done) {
        done = new Map();
        Atomics.wait(signal, 0, 0, WORKER_WAIT_MS);
        const message = receiveMessageOnPort(port1)?.message as { results?: WorkerParsed[]; error?: string } | undefined;
        if (message?.error) sayWorkerFailed('claims files parsed', message.error);
        for (const r of message?.results ?? []) done.set(r.path, r);
        end();
      }
      const r = done.get(path);
      done.delete(path);
      return r;
    },
    dispose() {
      if (!done) {
        done = new Map();
        end();
      }
    },
  };
}

/**
 * How a path is shown: relative to the project (Astro also needs entry paths relative to the root,
 * even for a content directory outside it).
 */
function shown(path: string, cwd: string): string {
  return relative(cwd, path) || path;
}

// A symbolic link is refused wherever it is: it can bring in a file from outside the content
// folder (a report that was never reviewed, a system file), and what it points at can change
// without any content file changing.
const SYMLINK = 'is a symbolic link, which is not read: content files must be real files inside the content folder (copy the file here instead)';

/** A regular file in a content folder, as `contentFiles` lists it. */
interface FolderFile {
  name: string;
  path: string;
  /** The path as messages show it. */
  file: string;
  stat: Stats;
  /** When `stat` was read (for the parse cache's stamps). */
  statMs: number;
}

/**
 * The regular files of one content folder, in name order. What is not one is a stray, said once
 * here for every folder: the folder or a file a symbolic link, a folder inside it. Dot files
 * (.DS_Store, .#draft) are editor and system files, not content. `idOf` names the entry a
 * symlinked file would have been, so what refers to it is not also reported unknown.
 */
function* contentFiles(
  collection: Stray['collection'],
  dir: string,
  cwd: string,
  strays: Stray[],
  idOf: (name: string) => string | undefined = () => undefined,
): Generator<FolderFile> {
  const folder = lstatSync(dir, { throwIfNoEntry: false });
  if (!folder) return;
  if (folder.isSymbolicLink()) {
    strays.push({ file: shown(dir, cwd), collection, reason: SYMLINK });
    return;
  }
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    const file = shown(path, cwd);
    const statMs = Date.now();
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) {
      const id = idOf(name);
      strays.push({ file, collection, reason: SYMLINK, ...(id !== undefined ? { id } : {}) });
    } else if (stat.isDirectory()) {
      strays.push({ file, collection, reason: `a folder here is not read; put its files directly in ${shown(dir, cwd)}/` });
    } else yield { name, path, file, stat, statMs };
  }
}

function readDir(
  collection: Stray['collection'],
  dir: string,
  ext: '.md' | '.yaml',
  cwd: string,
  strays: Stray[],
  worker?: WorkerParse,
): RawFile[] {
  const out: RawFile[] = [];
  const idOf = (name: string): string | undefined => (name.endsWith(ext) ? name.slice(0, -ext.length) : undefined);
  for (const { name, path, file, stat, statMs } of contentFiles(collection, dir, cwd, strays, idOf)) {
    if (!name.endsWith(ext)) {
      // A `.yml` file would otherwise be skipped in silence, and every id in it reported missing elsewhere.
      const yml = ext === '.yaml' && name.endsWith('.yml');
      const reason = `not a content file: ${yml ? `rename it to ${name.slice(0, -4)}.yaml` : `only ${ext} files are read here`}`;
      strays.push({ file, collection, reason, ...(yml ? { id: name.slice(0, -4) } : {}) });
      continue;
    }
    const id = name.slice(0, -ext.length);
    const raw = readFileCached(path, id, file, ext === '.md', stat, statMs, cwd, worker);
    // The file name is the entry's id and part of its URL.
    if (!raw.error && !idSchema.safeParse(id).success) {
      raw.error = { field: '(file name)', reason: `"${id}" is not a valid id (it becomes the URL): use lowercase letters, digits and single hyphens, e.g. ${suggestId(id)}${ext}` };
    } else if (!raw.error && id === PAGES_SEGMENT && (collection === 'articles' || collection === 'events')) {
      // The report's or event's page would be the parent of its list's later pages (`/articles/page/2/`).
      const name = collection === 'articles' ? 'reports' : 'events';
      raw.error = { field: '(file name)', reason: `${reservedIdReason(collection, name)}; name the file otherwise, e.g. ${id}-1${ext}` };
    }
    out.push(raw);
  }
  return out;
}

/** A kebab-case form of a name, offered in the message about a bad file name. */
export function suggestId(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return s || 'report-name';
}

function readReceived(dir: string, cwd: string, strays: Stray[]): ReceivedText[] {
  const out: ReceivedText[] = [];
  for (const { name, path, file } of contentFiles('received', dir, cwd, strays)) {
    if (!name.endsWith('.txt')) {
      strays.push({ file, collection: 'received', reason: 'not a received text: only <report id>.txt files are read here' });
      continue;
    }
    const { text, error } = decode(readFileSync(path));
    out.push({ id: name.slice(0, -4), file, text: error ? undefined : text, ...(error ? { error } : {}) });
  }
  return out;
}

function readPermalinks(dir: string, cwd: string): RawCorpus['permalinks'] {
  const path = permalinksFile(dir);
  const file = shown(path, cwd);
  const stat = statSync(path, { throwIfNoEntry: false });
  const fails = (reason: string): RawCorpus['permalinks'] => ({ file, entries: [], problems: [{ field: '(file)', reason }] });
  if (!stat) return fails(PERMALINKS_MISSING);
  if (!stat.isFile()) return fails('not a file: permalinks.txt is a text file, one "<url> <YYYY-MM-DD>" a line');
  const { text, error } = decode(readFileSync(path));
  if (error) return { file, entries: [], problems: [error] };
  return { file, ...parsePermalinks(text) };
}

/** Options of `readCorpus`. */
export interface ReadOptions {
  /**
   * How many claims files must need parsing before a worker thread parses them (default
   * `WORKER_FROM`; `Infinity`: never). Tests set it.
   */
  workerFrom?: number;
}

/**
 * How many claims files must need parsing for a worker thread to parse them: below it, starting
 * the worker (about a third of a second of the other core, loading the parsers) would gain little.
 */
export const WORKER_FROM = 1000;

/**
 * Reads every content file under `dir` (articles/*.md, claims/*.yaml, sources/*.yaml,
 * topics/*.yaml, events/*.yaml, received/*.txt, redirects.yaml) and `permalinks.txt` (where `permalinksFile` says). Pure I/O and parsing:
 * validation is `validateCorpus`'s job. Paths are shown relative to `cwd` (the project).
 */
export function readCorpus(dir: string, cwd: string = process.cwd(), options: ReadOptions = {}): RawCorpus {
  // The claims files are parsed in a worker thread while this one reads the reports.
  const claimsDir = join(dir, 'claims');
  const worker = parseInWorker(claimsDir, '.yaml', false, cwd, options.workerFrom ?? WORKER_FROM);
  try {
    return readAll(dir, cwd, claimsDir, worker);
  } finally {
    worker?.dispose();
  }
}

/** `readCorpus`'s reading, with the claims files' worker (if one was started) to take parses from. */
function readAll(dir: string, cwd: string, claimsDir: string, worker: WorkerParse | undefined): RawCorpus {
  const strays: Stray[] = [];
  const redirectsPath = join(dir, 'redirects.yaml');
  const redirectsStat = lstatSync(redirectsPath, { throwIfNoEntry: false });
  const redirects = redirectsStat?.isSymbolicLink()
    ? { id: 'redirects', file: shown(redirectsPath, cwd), data: undefined, error: { field: '(file)', reason: SYMLINK } }
    : redirectsStat
      ? readFile(redirectsPath, 'redirects', shown(redirectsPath, cwd), false)
      : undefined;
  const corpus: RawCorpus = {
    dir,
    articles: readDir('articles', join(dir, 'articles'), '.md', cwd, strays),
    claims: readDir('claims', claimsDir, '.yaml', cwd, strays, worker),
    sources: readDir('sources', join(dir, 'sources'), '.yaml', cwd, strays),
    topics: readDir('topics', join(dir, 'topics'), '.yaml', cwd, strays),
    events: readDir('events', join(dir, 'events'), '.yaml', cwd, strays),
    redirects,
    permalinks: readPermalinks(dir, cwd),
    received: readReceived(join(dir, 'received'), cwd, strays),
    strays,
  };
  saveParseCache(cwd);
  return corpus;
}
