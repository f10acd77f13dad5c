import type { YAMLParseError } from 'yaml';

// The `yaml` package names the parser's state, not the analyst's mistake: a key indented one
// space too far is "Nested mappings are not allowed in compact mappings", reported on the line
// above it. Each common mistake (indentation, a missing colon, a tab, an unclosed quote, a colon
// inside a value) is recognised from the error's code and the lines around it, and said in plain
// words on the line where it is, with that line shown.

/** A YAML error as the analyst reads it: the 1-based line of the text where the mistake is, and what to fix. */
export interface YamlMistake {
  line: number;
  reason: string;
}

const indentOf = (line: string): number => line.length - line.trimStart().length;
// Where a line's key starts: after its indentation and any `- ` of a sequence item.
const keyColumn = (line: string): number => /^\s*(?:-\s+)*/.exec(line)![0].length;
const isContent = (line: string | undefined): boolean => line !== undefined && line.trim() !== '' && !line.trimStart().startsWith('#');

/** The line as shown in a message: between backticks, so its indentation shows, a tab as "→"; long lines cut. */
export const showLine = (line: string): string => `\`${(line.length > 100 ? `${line.slice(0, 97)}...` : line).replace(/\t/g, '→')}\``;

/** The last content line before `index` (0-based), as its index, or -1. */
function previousContent(lines: readonly string[], index: number): number {
  for (let i = index - 1; i >= 0; i--) if (isContent(lines[i])) return i;
  return -1;
}

/** A quote opened on a line and not closed on it, by the line's own characters. */
function opensQuote(line: string): boolean {
  let quote = '';
  let prev = ' ';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (quote === '"' && ch === '\\') i++;
      else if (ch === quote && !(quote === "'" && line[i + 1] === "'")) quote = '';
      else if (ch === quote) i++;
    } else if (ch === '#' && prev === ' ') return false;
    else if ((ch === '"' || ch === "'") && ' [{,:-'.includes(prev)) quote = ch;
    prev = ch;
  }
  return quote !== '';
}

/** An indentation mistake on line `i` (0-based), beside the line it should line up with (`above`, or none). */
function indentation(lines: readonly string[], i: number, above: number): YamlMistake {
  const line = lines[i] ?? '';
  // Columns, not spaces: a key after "- " starts two columns further right than the dash.
  const beside = above >= 0 ? `, the line above's in column ${keyColumn(lines[above]!) + 1}` : '';
  return {
    line: i + 1,
    reason: `indentation: this line's key starts in column ${keyColumn(line) + 1}${beside}; the keys of one mapping start in the same column, a key inside another further right: ${showLine(line)}`,
  };
}

/** The last line up to `index` (0-based) that opens more `open` brackets than it closes, or -1. */
function unclosedBracket(lines: readonly string[], index: number, open: string, close: string): number {
  for (let i = Math.min(index, lines.length - 1); i >= 0; i--) {
    const l = lines[i]!;
    if (l.split(open).length > l.split(close).length) return i;
  }
  return -1;
}

/**
 * Says what a YAML parse error means in plain words, on the line where the mistake is (1-based,
 * in `text`), and shows that line. Unrecognised errors keep the parser's own words.
 */
export function describeYamlError(text: string, e: YAMLParseError): YamlMistake {
  const lines = text.split(/\r?\n/);
  const at = Math.max(0, (e.linePos?.[0].line ?? 1) - 1);
  const line = lines[at] ?? '';
  const message = (e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
  const shown = (i: number, reason: string): YamlMistake => ({ line: i + 1, reason: `${reason}: ${showLine(lines[i] ?? '')}` });

  if (e.code === 'TAB_AS_INDENT' || /\t/.test(line.slice(0, indentOf(line) + 1))) {
    return shown(at, 'a tab (→) in the indentation: indent with spaces only');
  }
  if (/Missing closing ["']?quote/.test(message)) {
    // Reported where the parser gave up (often the end of the file); the mistake is where the quote opened.
    for (let i = Math.min(at, lines.length - 1); i >= 0; i--) {
      if (opensQuote(lines[i]!)) return shown(i, 'a quote opened here is never closed: close it, or write a quote inside the text as \\" (or quote the value with the other kind of quote)');
    }
    return shown(at, 'a quote is opened and never closed');
  }
  const flow = /Flow (sequence|map) .* end with a ([\]}])/.exec(message);
  if (flow) {
    const [open, close] = flow[1] === 'map' ? ['{', '}'] : ['[', ']'];
    const i = unclosedBracket(lines, at, open, close);
    if (i >= 0) return shown(i, `a "${open}" is opened and not closed on its line: close it with "${close}"`);
  }
  if (e.code === 'BLOCK_AS_IMPLICIT_KEY' && /Nested mappings/.test(message)) {
    const value = line.slice((e.linePos?.[0].col ?? 1) - 1);
    // `key: a: b`: a colon and a space inside an unquoted value read as another key.
    if (/:(?:\s|$)/.test(value)) return shown(at, 'a value with ": " in it reads as another key: put the value in quotes');
    // The line after a `key: value` indented further: it reads as a mapping nested under the value.
    let next = at + 1;
    while (next < lines.length && !isContent(lines[next])) next++;
    if (next < lines.length) return indentation(lines, next, at);
  }
  if (e.code === 'BAD_INDENT' || e.code === 'BLOCK_AS_IMPLICIT_KEY' || (e.code === 'MISSING_CHAR' && /without - indicator/.test(message))) {
    return indentation(lines, at, previousContent(lines, at));
  }
  if (e.code === 'MULTILINE_IMPLICIT_KEY' || (e.code === 'MISSING_CHAR' && /followed by map values/.test(message))) {
    return shown(at, 'a missing colon: write the key, a colon and a space, then the value ("key: value")');
  }
  if (e.code === 'DUPLICATE_KEY') return shown(at, 'this key is already set above, in the same mapping: keep one');
  if (e.code === 'BAD_SCALAR_START') return shown(at, 'a value cannot start with this character unquoted: put the value in quotes');
  return shown(at, message);
}
