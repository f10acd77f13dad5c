import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { YAMLParseError } from 'yaml';
import { idSchema } from '../../schemas/common';
import { permalinksPath } from './signature';
import { parseYamlFast } from './yaml';
import { cachedParse, fileKey, forgetParseCache, keepParse, saveParseCache } from './parse-cache';

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
}

/** A file in a collection folder that is not read; `id` when it looks like a misnamed entry (`x.yml`). */
export interface Stray {
  file: string;
  reason: string;
  collection: 'articles' | 'claims' | 'sources' | 'topics' | 'events';
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
  /** `permalinks.txt` beside the content directory: every claim URL ever published, if kept. */
  permalinks: { file: string; urls: { line: number; url: string }[] } | undefined;
  /** Files in a collection folder that are not content files of that collection. */
  strays: Stray[];
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
    // The parser's message repeats the position and an excerpt; the line is named once, as the field.
    const what = (e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    const line = (e.linePos?.[0].line ?? 0) + lineOffset;
    return { error: { field: line ? `line ${line}` : '(file)', reason: `malformed YAML: ${what}` } };
  }
}

/**
 * Decodes UTF-8 strictly. A byte that is not UTF-8 would otherwise be shown to readers as U+FFFD
 * without a word; here it is an error that names the line.
 */
function decode(bytes: Buffer): { text: string; error?: FileError } {
  const text = new TextDecoder('utf-8').decode(bytes);
  const again = Buffer.from(text, 'utf8');
  if (again.equals(bytes)) return { text: text.replace(/^\uFEFF/, '') };
  // The lossy decoding re-encodes identically up to the first byte it had to replace.
  let at = 0;
  while (at < bytes.length && bytes[at] === again[at]) at++;
  const line = bytes.subarray(0, at).toString('latin1').split('\n').length;
  const hex = bytes[at]!.toString(16).toUpperCase().padStart(2, '0');
  return { text, error: { field: `line ${line}`, reason: `the file is not UTF-8 (byte 0x${hex} at offset ${at}); save it as UTF-8` } };
}

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
  return { id, file, data: parsed.data, body: text.slice(m[0].length), ...(parsed.error ? { error: parsed.error } : {}) };
}

// Files as last parsed, by path, with the size and modification time they had then. In `astro dev`
// and `validate --watch` a save then re-parses only the file saved: YAML parsing is most of a
// validation's time (at five reports, about 130 of 200 ms on a quiet machine).
const parsed = new Map<string, { stamp: string; raw: RawFile }>();

/** How many content files this module parsed and how many it took parsed from the disk cache. */
export const parseStats = { parsed: 0, reused: 0 };

/** Forgets the files parsed in this process, as a new process would start (for tests). */
export function forgetParsed(): void {
  parsed.clear();
  forgetParseCache();
}

/**
 * `readFile`, from the cache while the file's size and modification time (`stamp`) are unchanged,
 * else from the cache on disk (./parse-cache.ts) while its bytes and the reading code are.
 */
function readFileCached(path: string, id: string, file: string, markdown: boolean, stamp: string, cwd: string): RawFile {
  const hit = parsed.get(path);
  // A copy: the caller may still set `error` (a bad file name) on what it gets.
  if (hit?.stamp === stamp && hit.raw.file === file) return { ...hit.raw };
  const bytes = readFileSync(path);
  const key = fileKey(bytes, markdown);
  const kept = cachedParse(cwd, key);
  let raw: RawFile;
  if (kept) {
    raw = { id, file, ...kept };
    parseStats.reused++;
  } else {
    raw = parseFile(bytes, id, file, markdown);
    parseStats.parsed++;
    keepParse(cwd, key, { data: raw.data, ...(raw.body !== undefined ? { body: raw.body } : {}), ...(raw.error ? { error: raw.error } : {}) });
  }
  parsed.set(path, { stamp, raw: { ...raw } });
  return raw;
}

/**
 * How a path is shown: relative to the project (Astro also needs entry paths relative to the root,
 * even for a content directory outside it).
 */
function shown(path: string, cwd: string): string {
  return relative(cwd, path) || path;
}

function readDir(collection: Stray['collection'], dir: string, ext: '.md' | '.yaml', cwd: string, strays: Stray[]): RawFile[] {
  if (!existsSync(dir)) return [];
  const out: RawFile[] = [];
  for (const name of readdirSync(dir).sort()) {
    // Editor and system files (.DS_Store, .#draft) are not content.
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    const file = shown(path, cwd);
    const stat = statSync(path);
    if (stat.isDirectory()) {
      strays.push({ file, collection, reason: `a folder here is not read; put its files directly in ${shown(dir, cwd)}/` });
      continue;
    }
    if (!name.endsWith(ext)) {
      // A `.yml` file would otherwise be skipped in silence, and every id in it reported missing elsewhere.
      const yml = ext === '.yaml' && name.endsWith('.yml');
      const reason = `not a content file: ${yml ? `rename it to ${name.slice(0, -4)}.yaml` : `only ${ext} files are read here`}`;
      strays.push({ file, collection, reason, ...(yml ? { id: name.slice(0, -4) } : {}) });
      continue;
    }
    const id = name.slice(0, -ext.length);
    const raw = readFileCached(path, id, file, ext === '.md', `${stat.size}:${stat.mtimeMs}`, cwd);
    // The file name is the entry's id and part of its URL.
    if (!raw.error && !idSchema.safeParse(id).success) {
      raw.error = { field: '(file name)', reason: `"${id}" is not a valid id (it becomes the URL): use lowercase letters, digits and single hyphens, e.g. ${suggestId(id)}${ext}` };
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

function readPermalinks(dir: string, cwd: string): RawCorpus['permalinks'] {
  const path = permalinksPath(dir);
  if (!existsSync(path)) return undefined;
  const urls = readFileSync(path, 'utf8')
    .split('\n')
    // A line is "<url> <day first published>"; the day is the feed's business.
    .map((line, i) => ({ line: i + 1, url: line.trim().split(' ')[0] ?? '' }))
    .filter((l) => l.url && !l.url.startsWith('#'));
  return { file: shown(path, cwd), urls };
}

/**
 * Reads every content file under `dir` (articles/*.md, claims/*.yaml, sources/*.yaml,
 * topics/*.yaml, events/*.yaml, redirects.yaml) and `permalinks.txt` beside it. Pure I/O and parsing:
 * validation is `validateCorpus`'s job. Paths are shown relative to `cwd` (the project).
 */
export function readCorpus(dir: string, cwd: string = process.cwd()): RawCorpus {
  const strays: Stray[] = [];
  const redirectsPath = join(dir, 'redirects.yaml');
  const corpus: RawCorpus = {
    dir,
    articles: readDir('articles', join(dir, 'articles'), '.md', cwd, strays),
    claims: readDir('claims', join(dir, 'claims'), '.yaml', cwd, strays),
    sources: readDir('sources', join(dir, 'sources'), '.yaml', cwd, strays),
    topics: readDir('topics', join(dir, 'topics'), '.yaml', cwd, strays),
    events: readDir('events', join(dir, 'events'), '.yaml', cwd, strays),
    redirects: existsSync(redirectsPath) ? readFile(redirectsPath, 'redirects', shown(redirectsPath, cwd), false) : undefined,
    permalinks: readPermalinks(dir, cwd),
    strays,
  };
  saveParseCache(cwd);
  return corpus;
}
