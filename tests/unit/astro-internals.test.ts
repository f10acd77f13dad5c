import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  CHECKED_ASTRO_VERSION,
  CONTENT_CHANGED_EVENT,
  DATA_STORE_MODULE_ID,
  INCREMENTAL_COPIES_FOLDER,
  INCREMENTAL_MANIFEST_FILE,
  TRAILING_SLASH_MIDDLEWARE,
} from '../../src/integrations/astro-internals';

// The dev loop and the output-folder guard rely on undocumented parts of Astro (src/integrations/astro-internals.ts).
// An Astro upgrade that renames one would not fail the build: the dev server would just stop
// updating pages, or answer slashless URLs with 404. This reads the installed Astro's own code and
// names the internal that is gone. The files are searched, not opened by path, so a file that only
// moved inside Astro still passes.

const ASTRO = join(import.meta.dirname, '../../node_modules/astro');

/** Every JavaScript file of a package's `dist/`, by path: its text. */
function distSources(dir: string): Map<string, string> {
  const files = readdirSync(join(dir, 'dist'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
  return new Map(files.map((f) => [f, readFileSync(join(dir, 'dist', f), 'utf8')]));
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each internal, with the code that shows Astro still has it. */
const INTERNALS: { name: string; patterns: RegExp[] }[] = [
  {
    name: `DATA_STORE_MODULE_ID (${JSON.stringify(DATA_STORE_MODULE_ID)})`,
    // consts.js: `const DATA_STORE_VIRTUAL_ID = "astro:data-layer-content";` and the resolved id is
    // "\0" + that: Vite's mark for a virtual module.
    patterns: [
      new RegExp(`DATA_STORE_VIRTUAL_ID = "${escape(DATA_STORE_MODULE_ID.replace(/^\0/, ''))}"`),
      /RESOLVED_DATA_STORE_VIRTUAL_ID = "\\0" \+ DATA_STORE_VIRTUAL_ID/,
    ],
  },
  {
    name: `CONTENT_CHANGED_EVENT (${JSON.stringify(CONTENT_CHANGED_EVENT)})`,
    // What matters is that Astro's server code still listens for it.
    patterns: [new RegExp(`\\.hot\\.on\\(\\s*"${escape(CONTENT_CHANGED_EVENT)}"`)],
  },
  {
    name: `TRAILING_SLASH_MIDDLEWARE (${JSON.stringify(TRAILING_SLASH_MIDDLEWARE)})`,
    patterns: [new RegExp(`function ${escape(TRAILING_SLASH_MIDDLEWARE)}\\(`)],
  },
  {
    name: `INCREMENTAL_MANIFEST_FILE (${JSON.stringify(INCREMENTAL_MANIFEST_FILE)})`,
    // incremental.js names the manifest; generate.js leaves a reused page's file as it finds it
    // in the output folder (what output-folder.ts guards against). If either changes, so must the guard.
    patterns: [
      new RegExp(`INCREMENTAL_CACHE_FILE = "${escape(INCREMENTAL_MANIFEST_FILE)}"`),
      // At the root of the cache folder, where the guard looks for it.
      /new URL\(INCREMENTAL_CACHE_FILE, settings\.config\.cacheDir\)/,
    ],
  },
  {
    name: `INCREMENTAL_COPIES_FOLDER (${JSON.stringify(INCREMENTAL_COPIES_FOLDER)})`,
    patterns: [
      new RegExp(`INCREMENTAL_OUTPUT_DIR = "${escape(INCREMENTAL_COPIES_FOLDER)}"`),
      /new URL\(INCREMENTAL_OUTPUT_DIR, settings\.config\.cacheDir\)/,
    ],
  },
  {
    name: 'a reused page left as found in the output folder (existsInDist)',
    patterns: [/const existsInDist = nodeFs\.existsSync\(outFile\)/],
  },
  {
    // src/integrations/build-log.mjs counts a reused page by its line: the start (the path, the
    // line not ended), then at once "(cached)" or "(restored)" as a SKIP_FORMAT message.
    name: 'a reused page logged as its path, then "(cached)" or "(restored)" (build-log.mjs)',
    patterns: [
      /logger\.info\(null, `  \$\{colors\.green\("\\u251C\\u2500"\)\} \$\{colors\.dim\(filePath\)\}`, false\);\s*logger\.info\(\s*"SKIP_FORMAT",\s*restored \? ` \$\{colors\.green\("\(restored\)"\)\}` : ` \$\{colors\.green\("\(cached\)"\)\}`\s*\);\s*return;/,
    ],
  },
  {
    // build-log.mjs lists rendered pages up to a limit and then drops their ends, which it knows
    // by this form: a SKIP_FORMAT message starting with the render time, "(+12ms)".
    name: 'a rendered page\'s line ended by its time, "(+12ms)" (build-log.mjs)',
    patterns: [
      /const timeIncrease = \(isSlow \? colors\.red : colors\.dim\)\(`\(\+\$\{getTimeStat\(timeStart, timeEnd\)\}\)`\);/,
      /logger\.info\("SKIP_FORMAT", ` \$\{timeIncrease\} \$\{notCreatedMsg\}`\);/,
    ],
  },
];

/** The internals (by name) that no file of `sources` shows every pattern of. */
function missingInternals(sources: Map<string, string>): string[] {
  const texts = [...sources.values()];
  return INTERNALS.filter(({ patterns }) => !texts.some((t) => patterns.every((p) => p.test(t)))).map((i) => i.name);
}

describe('Astro internals the dev loop and the output-folder guard rely on', () => {
  test('each is still in the installed Astro', () => {
    const version = (JSON.parse(readFileSync(join(ASTRO, 'package.json'), 'utf8')) as { version: string }).version;
    const missing = missingInternals(distSources(ASTRO));
    expect(
      missing,
      `Astro ${version} no longer has what src/integrations/astro-internals.ts (checked against ${CHECKED_ASTRO_VERSION}) relies on: ${missing.join('; ')}`,
    ).toEqual([]);
  });

  test('a changed internal is named', () => {
    const renamed = new Map([
      ['content/consts.js', 'const DATA_STORE_VIRTUAL_ID = "astro:data-store";\nfunction devTrailingSlash(req) {}'],
    ]);
    expect(missingInternals(renamed)).toEqual([
      `DATA_STORE_MODULE_ID (${JSON.stringify(DATA_STORE_MODULE_ID)})`,
      `CONTENT_CHANGED_EVENT (${JSON.stringify(CONTENT_CHANGED_EVENT)})`,
      `INCREMENTAL_MANIFEST_FILE (${JSON.stringify(INCREMENTAL_MANIFEST_FILE)})`,
      `INCREMENTAL_COPIES_FOLDER (${JSON.stringify(INCREMENTAL_COPIES_FOLDER)})`,
      'a reused page left as found in the output folder (existsInDist)',
      'a reused page logged as its path, then "(cached)" or "(restored)" (build-log.mjs)',
      'a rendered page\'s line ended by its time, "(+12ms)" (build-log.mjs)',
    ]);
  });
});
