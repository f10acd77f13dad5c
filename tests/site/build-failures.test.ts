import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { DIST } from './dist';
import { shellEnv } from '../shell-env';

// The real `astro build` over the fixture corpus with bad-content cases laid over it (the same
// folders the validator's unit test runs, all of them): it must exit 1 and print the problem list
// alone, exactly the case's expected.txt, one line each, paths relative to the project; no stack
// trace, no hook report around it. And it must leave the built site as it was.
const ROOT = join(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'tests/fixtures');
const BAD = join(FIXTURES, 'bad-content');
const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

function build(name: string): Promise<{ status: number | null; lines: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'claim-ledger-bad-'));
  made.push(dir);
  const content = join(dir, 'content');
  cpSync(join(FIXTURES, 'content-base'), content, { recursive: true });
  cpSync(join(FIXTURES, 'permalinks.txt'), join(dir, 'permalinks.txt'));
  const overlay = join(BAD, name);
  cpSync(overlay, content, { recursive: true, filter: (src) => !/(expected|permalinks|absent)\.txt$/.test(src) });
  if (existsSync(join(overlay, 'permalinks.txt'))) cpSync(join(overlay, 'permalinks.txt'), join(dir, 'permalinks.txt'));
  // Files the case removes (`absent.txt`, paths from the folder that holds content/).
  if (existsSync(join(overlay, 'absent.txt'))) {
    for (const f of readFileSync(join(overlay, 'absent.txt'), 'utf8').split('\n').filter(Boolean)) rmSync(join(dir, f));
  }
  return new Promise((resolve) => {
    const child = spawn('npx', ['astro', 'build', '--outDir', join(dir, 'out')], {
      cwd: ROOT,
      env: shellEnv({ CONTENT_DIR: content }),
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (status) => {
      // The corpus sits in a temporary folder: shown relative to the project, its path starts with
      // "../../tmp/…/"; drop that so the lines read as they would for the project's own content/.
      const prefix = `${relative(ROOT, dir)}/`;
      resolve({
        status,
        lines: output
          .trim()
          .split('\n')
          .map((l) => l.split(prefix).join('')),
      });
    });
  });
}

// Every case takes the same path through the build (validate, print, exit 1), and each refused
// build costs seconds of Astro start-up: all 59 took 10 minutes on a loaded 2-core machine. So the
// build runs the cases the build used to be tested with, and one of each family of rules.
const cases = [
  'invalid-calendar-date',
  'unquoted-date',
  'unknown-frontmatter-field',
  'unknown-claimant',
  'raw-html-in-body',
  'javascript-link', // unsafe URLs
  'file-name-not-an-id', // ids and files
  'crossing-quotes-across-files', // corruption across files
  'affiliation-cycle', // incoherent data
  'not-utf8',
  'published-claim-removed', // a published URL disappearing
  'permalinks-missing', // permalinks.txt deleted
  'permalinks-not-a-date', // a day the feed could not write
  'malformed-claims-file', // a syntax error reports that file only
  'quote-straight-quotes', // what differs
  'bidi-override-in-name', // invisible and control characters
  'nul-byte-in-report', // control bytes in a file
  'symlinked-report', // symbolic links
  'statement-too-long', // length limits
  'correction-before-first-publication', // corrections against permalinks.txt
];

describe('the build refuses bad content', () => {
  const before = statSync(join(DIST, 'index.html')).mtimeMs;
  test('with cases that are fixture folders', () => {
    const folders = new Set(readdirSync(BAD));
    expect(cases.filter((c) => !folders.has(c))).toEqual([]);
  });
  // Concurrent: each refused build is mostly Astro starting up.
  test.concurrent.each(cases)('%s: exit 1 and the problem list alone', async (name) => {
    const expected = readFileSync(join(BAD, name, 'expected.txt'), 'utf8')
      .trim()
      .split('\n');
    const { status, lines } = await build(name);
    expect(lines).toEqual(expected);
    expect(status).toBe(1);
  });
  test('and leaves the built site untouched', () => {
    expect(statSync(join(DIST, 'index.html')).mtimeMs).toBe(before);
  });
});
