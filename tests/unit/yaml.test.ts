import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { tempFolder } from './helpers';
import { parseYamlFast, readsFast, YAML_OPTIONS } from '../../src/lib/content/yaml';
import { generate } from '../../scripts/bench/generate.mjs';

// The fast YAML path must be invisible: for any text, the same data (`toStrictEqual`: a Date stays
// a Date, -0 stays -0, NaN stays NaN) or the same error message as the `yaml` package alone.

const ROOT = join(import.meta.dirname, '../..');

/** What a parser makes of a text: its data, or the message it throws. */
function outcome(read: (text: string) => unknown, text: string): { data: unknown } | { error: string } {
  try {
    return { data: read(text) };
  } catch (e) {
    return { error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}
const reference = (text: string): unknown => parse(text, YAML_OPTIONS);

/** Every .yaml file and every Markdown file's frontmatter under `dir`, as the reader parses them. */
function yamlTexts(dir: string): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...yamlTexts(path));
    else if (name.endsWith('.yaml') || name.endsWith('.yml'))
      out.push({ file: path, text: readFileSync(path, 'utf8') });
    else if (name.endsWith('.md')) {
      const m = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(readFileSync(path, 'utf8'));
      if (m) out.push({ file: path, text: m[1] ?? '' });
    }
  }
  return out;
}

function syntheticCorpus(): string {
  const dir = tempFolder('yaml');
  generate(dir, 30);
  return dir;
}

const real = yamlTexts(join(ROOT, 'content'));
const fixtures = yamlTexts(join(ROOT, 'tests/fixtures'));
const synthetic = yamlTexts(syntheticCorpus());

describe('parseYamlFast agrees with yaml', () => {
  // `yaml` warns on stderr about each unknown tag it meets (the same with either reader): thousands
  // of damaged files would bury the test report.
  beforeAll(() => void vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined));
  afterAll(() => vi.restoreAllMocks());

  test.each([
    ['the real content', real],
    ['every fixture (bad content included)', fixtures],
    ['a synthetic corpus', synthetic],
  ])('on %s', (_, files) => {
    expect(files.length).toBeGreaterThan(10);
    for (const { file, text } of files)
      expect(outcome(parseYamlFast, text), file).toStrictEqual(outcome(reference, text));
  });

  test('takes the fast path for ordinary content files', () => {
    // The point of the fast path: the real content and the synthetic corpus are read by js-yaml.
    const fast = (files: { text: string }[]): number => files.filter((f) => readsFast(f.text)).length;
    expect(fast(real)).toBe(real.length);
    expect(fast(synthetic)).toBe(synthetic.length);
  });

  // Inputs that two YAML parsers are known to read differently; each must give `yaml`'s result.
  const EDGE: [string, string][] = [
    ['duplicate key', 'a: 1\nb: 2\na: 3\n'],
    ['duplicate key, number and string', '"1": a\n1: b\n'],
    ['tab indentation', 'a:\n\tb: 1\n'],
    ['tab after a value', 'a: 1\t\nb: 2\n'],
    ['tab inside a quoted value', 'a: "x\ty"\n'],
    ['anchor and alias', 'a: &x { b: 1 }\nc: *x\n'],
    ['alias to an unknown anchor', 'a: *nope\n'],
    [
      'many aliases',
      `a: &a [x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [${Array(120).fill('*b').join(', ')}]\n`,
    ],
    ['merge key', 'base: &b { x: 1 }\nc:\n  <<: *b\n  y: 2\n'],
    ['merge key without alias', 'c:\n  <<: { x: 1 }\n'],
    ['octal 1.1 and 1.2', 'a: 012\nb: 0o17\nc: 0o8\n'],
    ['hex and binary', 'a: 0x1F\nb: 0b101\nc: 0xZZ\n'],
    ['underscores and sexagesimal', 'a: 1_000\nb: 1:30\nc: 190:20:30.15\n'],
    ['signs, exponents, dots', 'a: +12\nb: -0\nc: 1e3\nd: .5\ne: 5.\nf: 1.0\ng: -.inf\nh: +.INF\n'],
    ['infinity and not-a-number', 'a: .inf\nb: -.Inf\nc: .nan\nd: .NaN\ne: .NAN\nf: inf\ng: nan\n'],
    ['1.1 booleans', 'a: yes\nb: no\nc: on\nd: off\ne: y\nf: n\ng: Yes\nh: NO\n'],
    ['1.2 booleans and nulls', 'a: true\nb: False\nc: TRUE\nd: null\ne: ~\nf:\ng: Null\nh: NULL\n'],
    [
      'unquoted dates and times',
      'a: 2022-05-01\nb: 2025-13-45\nc: 2022-5-1\nd: 2001-12-14t21:59:43.10-05:00\ne: 2001-12-14 21:59:43.10\nf: 2022-05\n',
    ],
    ['quoted scalars that look typed', 'a: "12"\nb: \'true\'\nc: "2022-05-01"\nd: "~"\ne: ""\n'],
    ['null and other odd keys', '~: a\n'],
    ['null word key', 'null: a\n'],
    ['boolean key', 'true: a\n'],
    ['number key', '1: a\n'],
    ['quoted key with a space', '"a b": 1\n'],
    ['proto key', '__proto__: { polluted: 1 }\n'],
    ['flow sequence as a key', '[a, b]: 1\n'],
    ['flow sequence as a one-item key', '[a]: 1\n'],
    ['flow mapping as a key', '{ a: 1 }: 2\n'],
    ['explicit key', '? a\n: 1\n'],
    ['explicit complex key', '? [a, b]\n: 1\n'],
    ['flow over several lines', 'a: [\n  b, c\n]\n'],
    ['flow under-indented', 'a:\n  b: [\nc]\n'],
    ['flow map without space after colon', 'a: {b:1}\n'],
    ['empty document', ''],
    ['comment only', '# nothing\n'],
    ['a scalar document', 'just text\n'],
    ['a sequence document', '- a\n- b\n'],
    ['document start marker', '---\na: 1\n'],
    ['document end marker', 'a: 1\n...\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['directive', '%YAML 1.2\n---\na: 1\n'],
    ['old directive', '%YAML 1.1\n---\na: yes\n'],
    ['BOM at the start', '\uFEFFa: 1\n'],
    ['BOM inside', 'a: "x\uFEFFy"\n'],
    ['CRLF line ends', 'a: 1\r\nb: >-\r\n  x\r\n  y\r\n'],
    ['lone CR', 'a: 1\rb: 2\n'],
    ['NUL byte', 'a: "x\u0000"\n'],
    ['control character', 'a: x\u0007y\n'],
    ['NEL, LS and PS', 'a: x\u0085y\nb: x\u2028y\nc: x\u2029y\n'],
    ['escapes', 'a: "\\x41\\u00e9\\U0001F600\\N\\_\\L\\P\\/\\ \\t"\n'],
    ['bad escape', 'a: "\\q"\n'],
    ['lone surrogate escape', 'a: "\\ud800"\n'],
    ['tags', 'a: !!str 12\nb: !!int "12"\nc: !custom x\nd: !!binary aGk=\n'],
    ['tag on a string with a bad value', 'a: !!int abc\n'],
    ['block scalars', 'a: |\n  x\n   y\n\nb: >\n  x\n  y\n\n\nc: |-\n  z\nd: |+\n  z\n\ne: >2\n   indented\n'],
    ['block scalar with less indented line', 'a: |\n    x\n  y\n'],
    ['multi-line plain scalar', 'a: x\n  y\n\n  z\nb: 1\n'],
    ['quoted scalar continued at column 0', 'a:\n  b: "x\ny"\n'],
    ['quoted scalar continued in a flow mapping', 'a:\n  - { b: "x\n  y" }\n'],
    ['comment right after a bracket', 'a: [x]#c\nb: {c: 1}#d\n'],
    ['multi-line quoted scalar', 'a: "x\n  y\n\n  z"\nb: \'p\n  q\'\n'],
    ['comment after a quote without a space', 'a: "x"#c\n'],
    ['hash inside plain', 'a: x#y\nb: x # y\n'],
    ['colon inside plain', 'a: x:y\nb: http://x.org/a\n'],
    ['nested compact mapping', 'a: b: c\n'],
    ['reserved indicators', 'a: @x\nb: `y\n'],
    ['indentation changes', 'a:\n  b: 1\n   c: 2\n'],
    ['sequence under a key at the same indent', 'a:\n- 1\n- 2\nb: 3\n'],
    ['long key', `${'k'.repeat(1100)}: 1\n`],
    ['long value', `a: ${'v '.repeat(800)}\n`],
    ['percent in a value', 'a: 50%\nb: "%x"\n'],
    ['ampersand and star in text', 'a: Q&A\nb: x*y\nc: "*bold*"\n'],
    ['exclamation in text', 'a: Stop!\nb: "Wow! no"\n'],
    ['question mark in text', 'a: Why?\nb: "? odd"\n'],
    ['brackets in quoted text', 'a: "[the call-up]: x"\nb: "[open"\n'],
    ['empty flow collections', 'a: []\nb: {}\nc: [[]]\n'],
    ['sequence of flow maps', 'a:\n  - { b: 1, c: [x, y] }\n  - {d: "2"}\n'],
    ['single-pair flow sequence', 'a: [b: 1, c]\n'],
    ['trailing comma in flow', 'a: [b, c,]\nd: {e: 1,}\n'],
    ['missing final newline', 'a: 1'],
    ['only spaces after a key', 'a:    \nb: 1\n'],
  ];

  test.each(EDGE)('%s', (_, text) => {
    expect(outcome(parseYamlFast, text)).toStrictEqual(outcome(reference, text));
  });

  // Random small damage to real files (a character removed, inserted or changed; a line
  // indented, dedented, doubled or moved), the mistakes an analyst's editing makes. Seeded, so a
  // failure can be replayed; every case must still agree.
  test('agrees on thousands of damaged content files', () => {
    // YAML_FUZZ=<cases>:<seed> runs a longer search than the default.
    const [cases, start] = (process.env['YAML_FUZZ'] ?? '4000:20261125').split(':').map(Number);
    let seed = start ?? 20261125;
    const rand = (): number => {
      seed = (seed + 0x6d2b79f5) >>> 0;
      let t = seed;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const CHARS = [
      ' ',
      '  ',
      ':',
      ': ',
      '-',
      '- ',
      '#',
      '"',
      "'",
      '[',
      ']',
      '{',
      '}',
      ',',
      '\n',
      '|',
      '>',
      'a',
      '0',
      '1.5',
      '.',
      '&',
      '*',
      '!',
      '\t',
      '?',
      '%',
      '@',
      '`',
      '\\',
      '~',
      'null',
      'yes',
      '2022-05-01',
      '\r',
      '---',
      '...',
    ];
    const bases = [...real, ...fixtures.slice(0, 60), ...synthetic.slice(0, 20)]
      .map((f) => f.text)
      .filter((t) => t.length < 20000);
    const mutate = (text: string): string => {
      const lines = text.split('\n');
      const at = Math.floor(rand() * text.length);
      const l = Math.floor(rand() * lines.length);
      switch (Math.floor(rand() * 7)) {
        case 0:
          return text.slice(0, at) + text.slice(at + 1 + Math.floor(rand() * 3));
        case 1:
          return text.slice(0, at) + pick(CHARS) + text.slice(at);
        case 2:
          return text.slice(0, at) + pick(CHARS) + text.slice(at + 1);
        case 3:
          lines[l] = ' '.repeat(1 + Math.floor(rand() * 3)) + lines[l];
          return lines.join('\n');
        case 4:
          lines[l] = (lines[l] ?? '').replace(/^ {1,2}/, '');
          return lines.join('\n');
        case 5:
          lines.splice(l, 0, lines[l] ?? '');
          return lines.join('\n');
        default: {
          const [moved] = lines.splice(l, 1);
          lines.splice(Math.floor(rand() * lines.length), 0, moved ?? '');
          return lines.join('\n');
        }
      }
    };
    let fast = 0;
    const N = cases ?? 4000;
    for (let i = 0; i < N; i++) {
      let text = pick(bases);
      for (let k = 1 + Math.floor(rand() * 2); k > 0; k--) text = mutate(text);
      if (readsFast(text)) fast++;
      expect(outcome(parseYamlFast, text), JSON.stringify(text)).toStrictEqual(outcome(reference, text));
    }
    // The damage must reach the fast path often, or the test would prove nothing about it.
    expect(fast).toBeGreaterThan(N / 3);
  }, 120_000);
});
