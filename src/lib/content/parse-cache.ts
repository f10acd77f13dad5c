import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
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
export const parseCachePath = (cwd: string): string => join(buildCacheDir(cwd), 'content-parse.json');

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
interface Store {
  code: string;
  files: Record<string, string>;
}

// One cache per project per process, on `globalThis`: the config, the loaders and the pages'
// bundle are separate instances of this module in one build.
const KEY = Symbol.for('claim-ledger.parse-cache');
interface State {
  store: Store;
  /** Entries looked up or added by this process: what is saved. */
  used: Record<string, string>;
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

function state(cwd: string): State {
  let s = states.get(cwd);
  if (s) return s;
  const code = contentCodeDigest(cwd);
  let store: Store = { code, files: {} };
  try {
    const saved = JSON.parse(readFileSync(parseCachePath(cwd), 'utf8')) as Store;
    if (saved.code === code) store = saved;
  } catch {
    // no cache yet, or an unreadable one: start empty
  }
  s = { store, used: {}, dirty: false };
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

/** The cache key of a file: its kind (Markdown or YAML) and a digest of its bytes. */
export const fileKey = (bytes: Buffer, markdown: boolean): string => `${markdown ? 'md' : 'yaml'}:${createHash('sha256').update(bytes).digest('base64url')}`;

/** The parse result kept for `key`, if any (a copy of its own: callers may change what they get). */
export function cachedParse(cwd: string, key: string): ParsedFile | undefined {
  const s = state(cwd);
  const hit = s.store.files[key];
  if (typeof hit !== 'string') return undefined;
  s.used[key] = hit;
  return JSON.parse(hit) as ParsedFile;
}

/** Keeps `parsed` for `key`, unless JSON would not give it back as it is. */
export function keepParse(cwd: string, key: string, parsed: ParsedFile): void {
  if (!jsonSafe(parsed.data)) return;
  const s = state(cwd);
  const text = JSON.stringify(parsed);
  s.store.files[key] = text;
  s.used[key] = text;
  s.dirty = true;
}

/**
 * Writes the cache if this process added to it. Only the entries this process used are kept, so
 * the file holds one corpus (the last read) and does not grow with every edit.
 */
export function saveParseCache(cwd: string): void {
  const s = states.get(cwd);
  if (!s?.dirty) return;
  const path = parseCachePath(cwd);
  mkdirSync(dirname(path), { recursive: true });
  replaceFile(path, JSON.stringify({ code: s.store.code, files: s.used }));
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
