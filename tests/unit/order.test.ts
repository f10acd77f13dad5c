import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

/** Sorts `words` in a Node process whose language is `locale`, with `compareText` and with a bare `localeCompare`. */
function sortedIn(locale: string, words: string[]): { ours: string[]; bare: string[] } {
  const script = `import('./src/lib/order.ts').then(({ compareText }) => {
    const words = ${JSON.stringify(words)};
    console.log(JSON.stringify({ ours: [...words].sort(compareText), bare: [...words].sort((a, b) => a.localeCompare(b)) }));
  });`;
  const r = spawnSync(process.execPath, ['--import', './scripts/ts-hooks.mjs', '--input-type=module', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, LC_ALL: locale, LANG: locale },
  });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { ours: string[]; bare: string[] };
}

describe('text is ordered the same on every machine', () => {
  test('ids and names sort as English whatever the machine’s language', () => {
    const words = ['zebra-2', 'aaron-1', 'yield-3', 'jay-4', 'ice-5'];
    const english = ['aaron-1', 'ice-5', 'jay-4', 'yield-3', 'zebra-2'];
    for (const locale of ['en_US.UTF-8', 'da_DK.UTF-8', 'lt_LT.UTF-8', 'C.UTF-8']) {
      expect(sortedIn(locale, words).ours, locale).toEqual(english);
    }
    // The machine's language does reach a bare localeCompare: in Danish "aa" sorts after "z",
    // in Lithuanian "y" between "i" and "j".
    expect(sortedIn('da_DK.UTF-8', words).bare).not.toEqual(english);
    expect(sortedIn('lt_LT.UTF-8', words).bare).not.toEqual(english);
  });

  test('no code that builds the site compares text in the machine’s language', () => {
    // A comparison with no locale, or an undefined one: `a.localeCompare(b)`, `a.localeCompare(b,
    // undefined, …)`, `new Intl.Collator()`, `Intl.Collator(undefined, …)`. The browser's scripts
    // run in the reader's language, which is theirs to choose.
    const machineLocale =
      /\.localeCompare\(\s*[^,()]+\)|\.localeCompare\([^)]*,\s*undefined\b|Intl\.Collator\(\s*(?:\)|undefined\b)/;
    const scan = (dir: string, skip = ''): string[] =>
      readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.(?:ts|mts|js|mjs|astro)$/.test(f) && (skip === '' || !f.startsWith(skip)))
        .filter((f) => !/(?:^|\/)(?:node_modules|\.[^/]+)\//.test(f) && statSync(join(ROOT, dir, f)).isFile())
        .filter((f) => machineLocale.test(readFileSync(join(ROOT, dir, f), 'utf8').replace(/^\s*(?:\/\/|\*).*$/gm, '')))
        .map((f) => `${dir}/${f}`);
    expect([...scan('src', 'lib/client/'), ...scan('scripts')]).toEqual([]);
    // The pattern does find each form.
    for (const bad of ['a.localeCompare(b)', 'a.localeCompare(b, undefined, { numeric: true })', 'new Intl.Collator()'])
      expect(machineLocale.test(bad), bad).toBe(true);
    expect(machineLocale.test("a.localeCompare(b, 'en')")).toBe(false);
  });
});
