import { createHash, hash } from 'node:crypto';
import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { dirname, join } from 'node:path';
import type { MarkdownAnalysis } from './text';

// Parsing the YAML is most of reading the content (see ./read.ts), and at 5,000 reports a build
// would parse 60,000 files that have not changed since the last build. This cache keeps each
// file's parse result (for a report, with its body's analysis) on disk, keyed by the file's bytes, and is thrown away whole when the code
// that reads and validates content (src/lib/content, src/schemas) or the locked dependencies (the
// YAML parsers) change. Validation itself still runs over the whole corpus: it is cross-file.

/** The project's own build caches (`cwd` is the project): generated, never committed; a cold build removes it. */
export const buildCacheDir = (cwd: string): string => join(cwd, 'node_modules/.cache/claim-ledger');

/** Where the parse cache lives, in the build caches' folder. */
export const parseCachePath = (cwd: string): string => join(buildCacheDir(cwd), 'content-parse.txt');

/** What a file parsed to: the fields of a `RawFile` that depend on its bytes only. */
export interface ParsedFile {
  data: unknown;
  body?: string;
  error?: { field: string; reason: string };
  /** A Markdown body's analysis (see `RawFile`). */
  analysis?: MarkdownAnalysis;
}

// Each entry is kept as its own JSON text, parsed when it is looked up: every lookup then gets a
// fresh copy at no extra cost (a `structuredClone` of each of 15,000 entries was 0.7 s at 5,000
// reports), and loading the file reads strings rather than building every entry's objects.
//
// The file is text, a line per entry (`<key> TAB <JSON>`), not one JSON document: JSON's own
// output has no raw tab or line break, and at 5,000 reports (77 MB) the JSON document's second
// layer of escaping made loading and saving about 0.7 s, the lines about 0.35 s. Its first line
// names the format and the code digest; a line `@<path> TAB <stamp> TAB <key>` says which entry a
// content file held when it had that stamp (see `knownKey`).
const FORMAT = 'claim-ledger parse cache 2';

interface Store {
  code: string;
  files: Map<string, string>;
  /** A content file's stamp and its entry's key, by the file's path, as the last save recorded them. */
  stamps: Map<string, [stamp: string, key: string]>;
  /** How many entry and stamp lines the file held (0 for a file of another format or code, or none). */
  lines: number;
  /** The file's stamp (`fileStamp`) as this process last read or wrote it: appended to only while it is unchanged. */
  stamp?: string | undefined;
}

// One cache per project per process, on `globalThis`: the config, the loaders and the pages'
// bundle are separate instances of this module in one build.
const KEY = Symbol.for('claim-ledger.parse-cache');
interface State {
  store: Store;
  /** Entries looked up or added by this process: what is saved. */
  used: Map<string, string>;
  /** Stamps seen by this process, with their key: what is saved. */
  stamped: Map<string, [stamp: string, key: string]>;
  /** Entries this process parsed, which the file does not hold yet. */
  added: Set<string>;
  dirty: boolean;
}
const states = ((globalThis as { [KEY]?: Map<string, State> })[KEY] ??= new Map<string, State>());

function walk(dir: string, out: string[]): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
}

/**
 * A digest of the code whose output the cache holds: every file under `src/lib/content` and
 * `src/schemas` of the project at `cwd`, and its `package-lock.json` (the YAML parsers' versions).
 */
export function contentCodeDigest(cwd: string): string {
  const hash = createHash('sha256');
  const files: string[] = [];
  walk(join(cwd, 'src/lib/content'), files);
  walk(join(cwd, 'src/schemas'), files);
  files.push(join(cwd, 'package-lock.json'));
  for (const f of files) if (existsSync(f)) hash.update(`${f.slice(cwd.length)}\0`).update(readFileSync(f));
  return hash.digest('hex');
}

/** The store in `text` if it is one of this format for `code`, else an empty one. */
function readStore(text: string, code: string): Store {
  const store: Store = { code, files: new Map(), stamps: new Map(), lines: 0 };
  const lines = text.split('\n');
  if (lines[0] !== `${FORMAT}\t${code}`) return store;
  // Lines appended later (see `saveParseCache`) come after the ones they replace: the last wins.
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    store.lines++;
    if (line.startsWith('@')) {
      const tab2 = line.indexOf('\t', tab + 1);
      if (tab2 > 0) store.stamps.set(line.slice(1, tab), [line.slice(tab + 1, tab2), line.slice(tab2 + 1)]);
    } else store.files.set(line.slice(0, tab), line.slice(tab + 1));
  }
  return store;
}

function state(cwd: string): State {
  let s = states.get(cwd);
  if (s) return s;
  const code = contentCodeDigest(cwd);
  let store: Store = { code, files: new Map(), stamps: new Map(), lines: 0 };
  let fd: number | undefined;
  try {
    // The stamp and the text of one and the same file, though another build may replace it meanwhile.
    fd = openSync(parseCachePath(cwd), 'r');
    const stamp = fileStamp(fstatSync(fd));
    store = readStore(readFileSync(fd, 'utf8'), code);
    if (store.lines > 0) store.stamp = stamp;
  } catch {
    // no cache yet, or an unreadable one: start empty
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  s = { store, used: new Map(), stamped: new Map(), added: new Set(), dirty: false };
  states.set(cwd, s);
  return s;
}

// Only what JSON gives back as it was: a YAML timestamp (a Date), `.nan` or `.inf` would come
// back as something else and pass validation that the parsed value fails.
function jsonSafe(v: unknown): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
  if (Array.isArray(v)) return v.every(jsonSafe);
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) return Object.values(v).every(jsonSafe);
  return false;
}

/**
 * A parse result as the cache keeps it (its JSON text), or undefined if JSON cannot hold it as it
 * is (a date, an infinite number): such a file is parsed again each time.
 */
export const entryText = (parsed: ParsedFile): string | undefined => (jsonSafe(parsed.data) ? JSON.stringify(parsed) : undefined);

/** The cache key of a file: its kind (Markdown or YAML) and a digest of its bytes. */
export const fileKey = (bytes: Buffer, markdown: boolean): string => `${markdown ? 'md' : 'yaml'}:${hash('sha256', bytes, 'base64url')}`;

/** The parse result kept for `key`, if any (a copy of its own: callers may change what they get). */
export function cachedParse(cwd: string, key: string): ParsedFile | undefined {
  const s = state(cwd);
  const hit = s.store.files.get(key);
  if (hit === undefined) return undefined;
  let parsed: ParsedFile;
  try {
    parsed = JSON.parse(hit) as ParsedFile;
  } catch {
    // A line damaged on disk (by hand, or a disk error): the file is parsed again, and the entry
    // replaced when it is kept.
    s.store.files.delete(key);
    return undefined;
  }
  s.used.set(key, hit);
  return parsed;
}

/** Keeps `parsed` for `key`, unless JSON would not give it back as it is; `text` is its `entryText`, when already made. */
export function keepParse(cwd: string, key: string, parsed: ParsedFile, text: string | undefined = entryText(parsed)): void {
  if (text === undefined) return;
  const s = state(cwd);
  s.store.files.set(key, text);
  s.used.set(key, text);
  s.added.add(key);
  s.dirty = true;
}

// A stamp is trusted only if the file last changed this long before the stamp was read: a file
// system stamps a change with a coarse clock, so a write in the same tick as the stamp was read
// could leave the stamp as recorded (git's "racily clean"; as for output folders, in
// src/lib/output/folder-prune.ts).
const RACY_MS = 2000;

/** Whether a stamp read at `readMs` of a file that last changed at `changedMs` can be trusted later. */
export const stampTrusted = (changedMs: number, readMs: number): boolean => changedMs <= readMs - RACY_MS;

/**
 * A content file's stamp: device, inode, size, and modification and change times. Writing the
 * file changes its change time, which no tool can set back (the modification time can be:
 * `touch -d`, `cp -p`). Like the output folders' record, this trusts a local disk's times: a
 * network file system that caches attributes, or a clock set back by more than 2 s, could show a
 * changed file with its old stamp (a cold build removes the cache).
 */
export const fileStamp = (st: Stats): string => `${st.dev}:${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}`;

/** Whether the cache has a stamp recorded for the file at `path`, whatever the file holds now. */
export const pathKnown = (cwd: string, path: string): boolean => state(cwd).store.stamps.has(path);

/**
 * The key of the entry the file at `path` held when it last had `stamp`, if that entry is still
 * kept: the file need not be read again to find it (at 5,000 reports, reading and digesting 15,000
 * unchanged files was about 0.9 s of every build).
 */
export function knownKey(cwd: string, path: string, stamp: string): string | undefined {
  const s = state(cwd);
  const was = s.store.stamps.get(path);
  if (!was || was[0] !== stamp || !s.store.files.has(was[1])) return undefined;
  s.stamped.set(path, was);
  return was[1];
}

/**
 * Records that the file at `path`, with `stamp` read at `readMs` (before the file was read), held
 * the entry `key`, unless the file changed (`changedMs`, its change time) too soon before to trust.
 */
export function noteStamp(cwd: string, path: string, stamp: string, key: string, changedMs: number, readMs: number): void {
  if (!stampTrusted(changedMs, readMs)) return;
  const s = state(cwd);
  s.stamped.set(path, [stamp, key]);
  s.dirty = true;
}

// A save that adds a few lines appends them rather than writing the file again: at 5,000 reports
// the file is 77 MB and a rebuild after one edit changes two of its 30,000 lines (writing it whole
// was 0.7 s). Lines no build uses any more (an edited file's old entry and stamp) stay until they
// would be a third of the file; the next save then writes only what it used. An append cut short
// (a crash, or another build replacing the file meanwhile) leaves at worst a damaged last line,
// which is parsed again (`cachedParse`), or a stamp whose key is no entry (not trusted).
const STALE_SHARE = 1 / 3;

/** The stamp of the file at `path`, or undefined when it cannot be read. */
function statStamp(path: string): string | undefined {
  const st = statSync(path, { throwIfNoEntry: false });
  return st ? fileStamp(st) : undefined;
}

/**
 * Appends `lines` to the cache file if it is still the one this process last read or wrote (its
 * stamp unchanged): another build may have written it whole since, with entries of other code
 * under its first line, and lines appended to that would be trusted by that code. Checked on the
 * open file, so a file replaced after the check only loses the lines. Returns whether it appended.
 */
function appendTo(path: string, store: Store, lines: string[]): boolean {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDWR | constants.O_APPEND);
  } catch {
    return false;
  }
  try {
    if (store.stamp === undefined || fileStamp(fstatSync(fd)) !== store.stamp) return false;
    // And its first line names this code (the stamp was read just after a rename, when another
    // build could have replaced the file in between).
    const header = Buffer.from(`${FORMAT}\t${store.code}\n`);
    const head = Buffer.alloc(header.length);
    if (readSync(fd, head, 0, head.length, 0) !== head.length || !head.equals(header)) return false;
    // After a line break of its own: a last line cut short stays one damaged line, not two.
    if (lines.length > 0) writeSync(fd, `\n${lines.join('\n')}\n`);
    store.stamp = fileStamp(fstatSync(fd));
    return true;
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes the cache if this process added to it: the entries and stamps this process used, or,
 * when the file already holds the rest, only the lines it added (see above).
 */
export function saveParseCache(cwd: string): void {
  const s = states.get(cwd);
  if (!s?.dirty) return;
  const path = parseCachePath(cwd);
  mkdirSync(dirname(path), { recursive: true });
  // A path with a tab or line break in it is not recorded: its line could not be read back.
  const stamps = [...s.stamped].filter(([p, [, key]]) => !/[\t\n\r]/.test(p) && s.used.has(key));
  const live = s.used.size + stamps.length;
  const added = [...s.added].filter((key) => s.used.has(key)).map((key) => `${key}\t${s.used.get(key)}`);
  for (const [p, [stamp, key]] of stamps) {
    const was = s.store.stamps.get(p);
    if (was?.[0] !== stamp || was[1] !== key) added.push(`@${p}\t${stamp}\t${key}`);
  }
  const append =
    s.store.lines > 0 && s.store.lines + added.length <= live / (1 - STALE_SHARE) && appendTo(path, s.store, added);
  if (!append) {
    const lines = [`${FORMAT}\t${s.store.code}`];
    for (const [key, text] of s.used) lines.push(`${key}\t${text}`);
    for (const [p, [stamp, key]] of stamps) lines.push(`@${p}\t${stamp}\t${key}`);
    replaceFile(path, `${lines.join('\n')}\n`);
    // The cache of the format before (one JSON document, until 2026-12-04): 77 MB at 5,000 reports.
    rmSync(join(dirname(path), 'content-parse.json'), { force: true });
    // What the file now holds, and nothing else: an entry of the store left out of it is not in
    // the file for a later append to build on.
    s.store.files = new Map(s.used);
    s.store.stamps = new Map();
    s.store.stamp = statStamp(path);
  }
  s.store.lines = append ? s.store.lines + added.length : live;
  for (const [p, was] of stamps) s.store.stamps.set(p, was);
  s.added.clear();
  s.dirty = false;
}

/**
 * Writes `text` to `path` beside it, then renames it into place: builds and test workers running
 * at once read either the old file or the new one, never half of one.
 */
export function replaceFile(path: string, text: string): void {
  const tmp = `${path}.${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/** Forgets what this process loaded, as a new process would (for tests). */
export function forgetParseCache(): void {
  states.clear();
}
