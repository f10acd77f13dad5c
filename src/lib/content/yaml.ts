import { load, FAILSAFE_SCHEMA, Type } from 'js-yaml';
import { Document, isScalar, parse, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';

/**
 * The options of the `yaml` package's parse, whose results (data and errors) are the reference.
 * `timestamp` makes an unquoted date arrive as a Date, exactly as Astro's own YAML parsing would;
 * the date schema then refuses it by name instead of letting it pass as a string.
 */
export const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = { customTags: ['timestamp'], uniqueKeys: true };

/** A tag of the `yaml` package's schema, as far as plain-scalar resolution uses it. */
interface ScalarTag {
  tag: string;
  default?: boolean | 'key';
  test?: RegExp;
  resolve: (value: string, onError: (message: string) => void, options: { intAsBigInt: boolean }) => unknown;
}

// js-yaml resolves plain scalars with the very tests and constructors of `yaml`'s own schema (core
// plus timestamp), taken from that schema and tried in its order, so a plain scalar (`12`, `0o17`,
// `.inf`, `True`, `~`, `2022-05-01`) can never become another value through the fast path. js-yaml
// keeps one implicit type per tag, so the three int forms (and the three float forms) are one
// type that tries each in turn; `yaml` lists each tag's forms next to each other, so the order of
// the tests is unchanged.
const yamlTags = (new Document(null, YAML_OPTIONS).schema.tags as unknown as ScalarTag[]).filter((t) => t.default === true && t.test);
const byTag = new Map<string, ScalarTag[]>();
for (const t of yamlTags) byTag.set(t.tag, [...(byTag.get(t.tag) ?? []), t]);
const fail = (message: string): never => {
  throw new Error(message);
};
const implicit = [...byTag].map(
  ([tag, forms]) =>
    new Type(tag, {
      kind: 'scalar',
      resolve: (s: string | null) => s !== null && forms.some((t) => t.test!.test(s)),
      construct: (s: string) => {
        const v = forms.find((t) => t.test!.test(s))!.resolve(s, fail, { intAsBigInt: false });
        return isScalar(v) ? v.value : v;
      },
    }),
);
const FAST_SCHEMA = FAILSAFE_SCHEMA.extend({ implicit });

// What sends a text to `yaml` without trying js-yaml: every construct where the two parsers could
// read the same text differently, or where `yaml` refuses what js-yaml might accept. Each is rare
// in content files, so the cost of being broad here is a slower parse of a few files, never a
// different result. (The differential test in tests/unit/yaml.test.ts checks the whole corpus,
// every fixture and thousands of mutations of them against `yaml` alone.)
const UNSAFE = [
  // Tabs (`yaml` names the line), carriage returns, a BOM inside, control characters and the
  // YAML 1.1 line breaks NEL, LS, PS: whitespace and line rules where parsers differ.
  /[\t\r\uFEFF\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029]/,
  // Node properties (anchors, aliases, tags) and merge keys: `yaml` caps aliases and resolves
  // tags its own way.
  /(?:^|[\s[{,])[&*!]/,
  /<</,
  // Directives, explicit keys, and a flow collection used as a key.
  /^%/m,
  /(?:^|[\s[{,])\?(?:\s|$)/,
  /[\]}][ ]*:/,
  // A comment right after a closing quote or bracket: `yaml` wants a space before it.
  /["'\]}]#/,
  // Very long lines: `yaml` caps an implicit key at 1024 characters.
  /^.{1000,}$/m,
];

/** Whether a line opens or closes more flow brackets than it closes or opens (a flow collection over several lines). */
function multiLineFlow(text: string): boolean {
  if (!/[[\]{}]/.test(text)) return false;
  for (const line of text.split('\n')) {
    let depth = 0;
    for (const ch of line) {
      if (ch === '[' || ch === '{') depth += 1;
      else if (ch === ']' || ch === '}') depth -= 1;
    }
    if (depth !== 0) return true;
  }
  return false;
}

// Where a quoted scalar can start: at the start of a line's content, or after an indicator.
const TOKEN_START = new Set([' ', '[', '{', ',', ':', '-', '?']);
// A line that ends in a block scalar's header: `key: |`, `- >-`, `key: |2+`.
const BLOCK_HEADER = /(?:^|[ :-])[|>][-+0-9]*[ ]*$/;

/**
 * Whether a quoted scalar runs over several lines: `yaml` refuses a continuation line indented less
 * than the scalar's mapping, where js-yaml reads on. A rough scanner, line by line: a quote character at
 * the start of a token opens a scalar, which its closing quote ends (`\\"` and `''` do not); the
 * lines of a block scalar (`|`, `>-`) are text, not read. Anything it misreads only sends the
 * text to `yaml`.
 */
function riskyQuotes(text: string): boolean {
  if (!text.includes('"') && !text.includes("'")) return false;
  let block = -1;
  for (const line of text.split('\n')) {
    const indent = line.length - line.trimStart().length;
    if (block >= 0 && (line.trim() === '' || indent > block)) continue;
    block = -1;
    if (!line.includes('"') && !line.includes("'")) {
      // Most lines hold no quote: only a block scalar's header matters there.
      if (BLOCK_HEADER.test(line.replace(/(^| )#.*$/, ''))) block = indent;
      continue;
    }
    let quote = '';
    let prev = ' ';
    let end = line.length;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      if (quote) {
        if (quote === '"' && ch === '\\') i++;
        else if (ch === quote) {
          if (quote === "'" && line[i + 1] === "'") i++;
          else quote = '';
        }
      } else if (ch === '#' && prev === ' ') {
        end = i;
        break;
      } else if ((ch === '"' || ch === "'") && TOKEN_START.has(prev)) quote = ch;
      prev = ch;
    }
    if (quote) return true;
    if (BLOCK_HEADER.test(line.slice(0, end))) block = indent;
  }
  return false;
}

/** Whether js-yaml is tried on this text at all (none of the constructs in `UNSAFE`, no flow collection or quoted scalar over several lines). */
export function readsFast(text: string): boolean {
  return !UNSAFE.some((re) => re.test(text)) && !multiLineFlow(text) && !riskyQuotes(text);
}

// A key the two parsers turn into the same property: an identifier, not a null, not a number, not
// `__proto__` (js-yaml writes `null` for `~:` where `yaml` writes an empty key).
const SAFE_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const NULL_KEY = /^(?:[Nn]ull|NULL)$/;

/** Whether every key of every mapping in `value` is one both parsers give the same way. */
function safeKeys(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(safeKeys);
  if (value === null || typeof value !== 'object' || value instanceof Date) return true;
  for (const [k, v] of Object.entries(value)) {
    if (!SAFE_KEY.test(k) || NULL_KEY.test(k) || k === '__proto__' || !safeKeys(v)) return false;
  }
  return true;
}

/**
 * Parses YAML exactly as the `yaml` package's `parse` does with `YAML_OPTIONS` (same data, same
 * errors, thrown as `yaml` throws them), about ten times faster on content files: a text without
 * any of the constructs listed in `UNSAFE` is read with js-yaml, resolving plain scalars with
 * `yaml`'s own tags; `yaml` reads it instead when js-yaml refuses it (for the error, which is
 * `yaml`'s), when the result is not a mapping (empty, comments only, a scalar) or when a key is
 * not a plain identifier.
 *
 * Which parser reads what: every ordinary content file (block mappings and lists, plain, quoted
 * and block scalars on their own lines, one-line flow collections) goes to js-yaml; anything in
 * `UNSAFE`, a multi-line flow collection or quoted scalar, a file js-yaml throws on, a non-mapping
 * result or an unusual key goes to `yaml`, which is the reference.
 *
 * The risk: the guard is a list of what we know makes the two parsers differ, not a proof that
 * nothing else does. A construct it misses would be read by js-yaml differently from `yaml`
 * (another value, or a file accepted that `yaml` refuses), silently, and the validator would check
 * that other data. A new version of either package can add such a difference, which is why both
 * are pinned to exact versions in package.json: upgrade them together and on purpose.
 * `tests/unit/yaml.test.ts` guards it: it compares this reader with `yaml` alone on every YAML
 * text of the real content, of every fixture and of a synthetic corpus, on edge cases, and on
 * thousands of seeded random edits (`YAML_FUZZ=<cases>:<seed>` runs more); run it after any
 * upgrade of either parser.
 */
export function parseYamlFast(text: string): unknown {
  if (readsFast(text)) {
    let data: unknown;
    try {
      data = load(text, { schema: FAST_SCHEMA });
    } catch {
      data = undefined;
    }
    if (data !== null && typeof data === 'object' && !Array.isArray(data) && safeKeys(data)) return data;
  }
  return parse(text, YAML_OPTIONS);
}
