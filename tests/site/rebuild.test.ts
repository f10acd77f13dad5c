import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { siteFiles } from './dist';

const ROOT = join(import.meta.dirname, '../..');
const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

function build(content: string, out: string): void {
  const r = spawnSync('npx', ['astro', 'build', '--outDir', out], {
    cwd: ROOT,
    env: { ...process.env, CONTENT_DIR: content },
    encoding: 'utf8',
    timeout: 300_000,
  });
  expect(r.status, r.stderr).toBe(0);
}
const digests = (dir: string): Record<string, string> =>
  Object.fromEntries(
    siteFiles(dir).map((f) => [
      f,
      createHash('sha256')
        .update(readFileSync(join(dir, f)))
        .digest('hex'),
    ]),
  );

describe('rebuild with caches kept', () => {
  // The content cache re-renders only what changed; a rebuild must still be exactly a cold build.
  test('after editing one report’s claims, the output is byte-identical to a cold build’s', { timeout: 900_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'claim-ledger-rebuild-'));
    made.push(dir);
    const content = join(dir, 'content');
    cpSync(join(ROOT, 'content'), content, { recursive: true });
    build(content, join(dir, 'first'));

    const file = join(content, 'claims/hidden-war-deaths.yaml');
    const text = readFileSync(file, 'utf8');
    const edited = text.replace(/statement: (['"]?)(.)/, 'statement: $1Edited, $2');
    expect(edited).not.toBe(text);
    writeFileSync(file, edited);
    build(content, join(dir, 'warm'));

    rmSync(join(ROOT, 'node_modules/.astro'), { recursive: true, force: true });
    build(content, join(dir, 'cold'));

    const warm = digests(join(dir, 'warm'));
    const cold = digests(join(dir, 'cold'));
    // The edit is in the output (so the comparison is of the edited site), and nothing differs.
    expect(readFileSync(join(dir, 'cold/api/claims.json'), 'utf8')).toContain('Edited, ');
    expect(Object.keys(warm)).toEqual(Object.keys(cold));
    expect(Object.keys(cold).filter((f) => warm[f] !== cold[f])).toEqual([]);
  });
});
