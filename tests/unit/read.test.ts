import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { parseYaml } from '../../src/lib/content/read';

// The reader parses YAML with a fast parser and falls back to `yaml` for what the fast one
// refuses or reads differently. Either way the result must be exactly what `yaml` alone gives.
const reference = (text: string): { data?: unknown; error?: string } => {
  try {
    return { data: parse(text, { customTags: ['timestamp'], uniqueKeys: true }) };
  } catch (e) {
    return { error: `malformed YAML: ${(e as Error).message.split('\n')[0]}` };
  }
};

const ROOT = join(import.meta.dirname, '../..');
function yamlTexts(dir: string): [string, string][] {
  const out: [string, string][] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...yamlTexts(p));
    else if (name.endsWith('.yaml')) out.push([p, readFileSync(p, 'utf8')]);
    else if (name.endsWith('.md')) {
      const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(p, 'utf8'));
      if (m) out.push([p, m[1] ?? '']);
    }
  }
  return out;
}

describe('content YAML is read exactly as the yaml package reads it', () => {
  test.each(['content', 'tests/fixtures'])('every file under %s', { timeout: 60_000 }, (dir) => {
    const texts = yamlTexts(join(ROOT, dir));
    expect(texts.length).toBeGreaterThan(5);
    for (const [file, text] of texts) expect({ file, ...parseYaml(text) }).toEqual({ file, ...reference(text) });
  });

  // Inputs where YAML parsers commonly disagree: booleans, numbers, dates, merge keys, tags, keys.
  const tricky = [
    '',
    'a: yes',
    'a: 012',
    'a: 0o14',
    'a: 0x1F',
    'a: 0b101',
    'a: 1_000',
    'a: .5',
    'a: -.inf',
    'a: ~',
    'a: TRUE',
    'a: 2025-13-45',
    'a: 2025-1-2',
    'a: 2025-01-2',
    'a: 2025-01-02T10:00:00Z',
    '<<: {b: 1}',
    'a: &x 1\nb: *x',
    'a: !!binary aGk=',
    'a: !!set {x}',
    'a: 1\na: 2',
    '? [a]\n: 1',
    'a: 1\n---\nb: 2',
    'a: b: c',
    'a: "x" y',
    'a: !foo x',
    'a: 12:30',
    'quote: >-\n  He said "no".\n  Twice.',
  ];
  test.each(tricky)('%j', (text) => {
    expect(parseYaml(text)).toEqual(reference(text));
  });
});
