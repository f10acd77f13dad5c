import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, YAMLParseError, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';

/** A content file as read from disk, before validation. */
export interface RawFile {
  /** Entry id: the file name without extension. */
  id: string;
  /** Path relative to the working directory, as shown in error messages. */
  file: string;
  /** Parsed YAML (frontmatter for Markdown), or undefined when it could not be parsed. */
  data: unknown;
  /** Markdown body (articles only). */
  body?: string;
  /** Why the file could not be parsed, if it could not. */
  parseError?: string;
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
}

// `timestamp` makes an unquoted date arrive as a Date, exactly as Astro's own YAML parsing
// would; the date schema then refuses it by name instead of letting it pass as a string.
const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = { customTags: ['timestamp'], uniqueKeys: true };

function parseYaml(text: string): { data?: unknown; error?: string } {
  try {
    return { data: parse(text, YAML_OPTIONS) };
  } catch (e) {
    const msg = e instanceof YAMLParseError ? e.message.split('\n')[0] : String(e);
    return { error: `malformed YAML: ${msg}` };
  }
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

function readDir(dir: string, ext: string, cwd: string): RawFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(ext))
    .sort()
    .map((name) => {
      const path = join(dir, name);
      const file = relative(cwd, path) || path;
      const id = name.slice(0, -ext.length);
      const text = readFileSync(path, 'utf8');
      if (ext === '.md') {
        const m = FRONTMATTER.exec(text);
        if (!m) return { id, file, data: undefined, body: text, parseError: 'missing YAML frontmatter between --- lines' };
        const { data, error } = parseYaml(m[1] ?? '');
        return { id, file, data, body: text.slice(m[0].length), ...(error ? { parseError: error } : {}) };
      }
      const { data, error } = parseYaml(text);
      return { id, file, data, ...(error ? { parseError: error } : {}) };
    });
}

/**
 * Reads every content file under `dir` (articles/*.md, claims/*.yaml, sources/*.yaml,
 * topics/*.yaml, events/*.yaml). Pure I/O and parsing: validation is `validateCorpus`'s job.
 */
export function readCorpus(dir: string, cwd: string = process.cwd()): RawCorpus {
  return {
    dir,
    articles: readDir(join(dir, 'articles'), '.md', cwd),
    claims: readDir(join(dir, 'claims'), '.yaml', cwd),
    sources: readDir(join(dir, 'sources'), '.yaml', cwd),
    topics: readDir(join(dir, 'topics'), '.yaml', cwd),
    events: readDir(join(dir, 'events'), '.yaml', cwd),
    redirects: readDir(dir, '.yaml', cwd).find((f) => f.id === 'redirects'),
  };
}
