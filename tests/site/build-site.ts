import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { readCorpus } from '../../src/lib/content/read';
import { validateCorpus, type ValidatedCorpus } from '../../src/lib/content/validate';
import { shellEnv } from '../shell-env';

// Building the real site over other content, into a temporary folder: the spawn, the settings
// and the clean-up, written once for every test in tests/site that needs a build of its own.

/** The project root. */
export const ROOT = join(import.meta.dirname, '../..');

const made: string[] = [];
// Registered when a test file imports this module, so every folder it made goes after its tests.
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A new temporary folder, removed after the importing file's tests. */
export function tempFolder(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `claim-ledger-${name}-`));
  made.push(dir);
  return dir;
}

/**
 * The fixture corpus of tests that must not depend on the real content (tests/fixtures/ledger):
 * its `content/` folder and its `permalinks.txt`.
 */
export const LEDGER_FIXTURE = join(ROOT, 'tests/fixtures/ledger');

/**
 * A copy of the project's content (or of the corpus in `from`: its `content/` and
 * `permalinks.txt`) in `<dir>/content`, with its `permalinks.txt` beside it, to change on purpose;
 * returns the content folder's path.
 */
export function copyContent(dir: string, from: string = ROOT): string {
  const content = join(dir, 'content');
  cpSync(join(from, 'content'), content, { recursive: true });
  cpSync(join(from, 'permalinks.txt'), join(dir, 'permalinks.txt'));
  return content;
}

/** What a build did: its exit status and everything it printed. */
export interface BuildResult {
  status: number | null;
  output: string;
}

/**
 * Runs the production build (`astro build`, search index and citation files included) into
 * `outDir`, over `content` (default: the project's own content), with `env` added to the
 * environment (`SITE_URL`, say), and waits for it.
 */
export function buildSite(outDir: string, content?: string, env: Record<string, string> = {}): BuildResult {
  const r = spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
    cwd: ROOT,
    env: shellEnv({ ...(content ? { CONTENT_DIR: content } : {}), ...env }),
    encoding: 'utf8',
    // Generous: on a loaded shared machine a build has taken over two and a half minutes.
    timeout: 300_000,
  });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
}

/**
 * The content the site in `DIST` was built from (the project's own, or the folder `CONTENT_DIR`
 * names, as for the build), read and validated as the build does: expected counts come from it.
 */
export function projectCorpus(): ValidatedCorpus {
  return validateCorpus(readCorpus(process.env['CONTENT_DIR'] ?? join(ROOT, 'content')));
}
