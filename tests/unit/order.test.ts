import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
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
    // The browser's scripts run in the reader's language, which is theirs to choose.
    const src = join(ROOT, 'src');
    const offenders = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(?:ts|mts|js|mjs|astro)$/.test(f) && !f.startsWith('lib/client/'))
      .filter((f) =>
        /\.localeCompare\(\s*[^,()]+\)/.test(readFileSync(join(src, f), 'utf8').replace(/^\s*(?:\/\/|\*).*$/gm, '')),
      );
    expect(offenders).toEqual([]);
  });
});
