import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { DIST } from './dist';

// The real build over a copy of the real content with one thing broken: it must exit non-zero,
// name the file, the field and the reason, and leave the built site as it was.
const ROOT = join(import.meta.dirname, '../..');
const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

function buildWith(file: string, edit: (text: string) => string): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'claim-ledger-bad-'));
  made.push(dir);
  cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
  const target = join(dir, 'content', file);
  writeFileSync(target, edit(readFileSync(target, 'utf8')));
  const r = spawnSync('npx', ['astro', 'build', '--outDir', join(dir, 'out')], {
    cwd: ROOT,
    env: { ...process.env, CONTENT_DIR: join(dir, 'content') },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
}

const ARTICLE = 'articles/hidden-war-deaths.md';
const cases: [string, string, (t: string) => string, RegExp][] = [
  [
    'an impossible date',
    ARTICLE,
    (t) => t.replace('date: "2025-07-07/.."', 'date: "2025-02-30"'),
    /articles\/hidden-war-deaths\.md: published\.date: "2025-02-30" is not a real date/,
  ],
  [
    'an unquoted date',
    ARTICLE,
    (t) => t.replace('date: "2025-07-07/.."', 'date: 2025-07-09'),
    /articles\/hidden-war-deaths\.md: published\.date: unquoted YAML date/,
  ],
  ['an unknown frontmatter field', ARTICLE, (t) => t.replace('summary:', 'teaser: "x"\nsummary:'), /articles\/hidden-war-deaths\.md: teaser: unknown field/],
  [
    'a dangling claimant',
    'claims/hidden-war-deaths.yaml',
    (t) => t.replace('claimant: csis', 'claimant: csis-typo'),
    /claims\/hidden-war-deaths\.yaml: claims \([a-z0-9-]+\)\.claimant: unknown source "csis-typo"/,
  ],
  ['raw HTML in a report', ARTICLE, (t) => t.concat('\n<iframe src="x"></iframe>\n'), /articles\/hidden-war-deaths\.md: body: raw HTML is not allowed/],
];

describe('the build refuses bad content', () => {
  const before = statSync(join(DIST, 'index.html')).mtimeMs;
  test.each(cases)('%s', (_name, file, edit, message) => {
    const { status, output } = buildWith(file, edit);
    expect(status).not.toBe(0);
    expect(output).toMatch(message);
  });
  test('and leaves the built site untouched', () => {
    expect(statSync(join(DIST, 'index.html')).mtimeMs).toBe(before);
  });
});
