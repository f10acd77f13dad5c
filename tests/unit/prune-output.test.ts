import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { pruneOlderThan, writeIfChanged } from '../../src/integrations/prune-output';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'claim-ledger-prune-'));
  made.push(dir);
  return dir;
}
/** Writes a file and dates it `ageMs` in the past. */
function file(path: string, ageMs: number, text = 'x'): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  const when = new Date(Date.now() - ageMs);
  utimesSync(path, when, when);
  return path;
}

describe('pruneOlderThan', () => {
  test('removes old files and the folders they leave empty, keeps new, listed and .git files', () => {
    const dir = folder();
    const since = Date.now() - 60_000;
    const oldPage = file(join(dir, 'claims/gone/index.html'), 3_600_000);
    const oldAsset = file(join(dir, '_astro/old.js'), 3_600_000);
    const fresh = file(join(dir, 'claims/kept/index.html'), 0);
    const listed = file(join(dir, 'claims/kept/cite.bib'), 3_600_000);
    const git = file(join(dir, '.git/HEAD'), 3_600_000);
    const deep = file(join(dir, 'events/gone/deeper/index.html'), 3_600_000);

    expect(pruneOlderThan(dir, since, new Set([listed]))).toBe(3);
    expect([oldPage, oldAsset, deep].map(existsSync)).toEqual([false, false, false]);
    expect(existsSync(join(dir, 'claims/gone'))).toBe(false);
    // Emptied from the bottom up: a folder whose only content was an emptied folder goes too.
    expect(existsSync(join(dir, 'events'))).toBe(false);
    expect(existsSync(join(dir, 'claims'))).toBe(true);
    expect([fresh, listed, git].map(existsSync)).toEqual([true, true, true]);
  });
});

describe('writeIfChanged', () => {
  test('leaves a file with the same bytes untouched, rewrites one that differs, creates a missing one', () => {
    const dir = folder();
    const same = file(join(dir, 'same.bib'), 3_600_000, 'text');
    const other = file(join(dir, 'other.bib'), 3_600_000, 'old');
    const before = statSync(same).mtimeMs;

    writeIfChanged(same, 'text');
    writeIfChanged(other, 'new');
    writeIfChanged(join(dir, 'missing.bib'), 'created');

    expect(statSync(same).mtimeMs).toBe(before);
    expect(readFileSync(other, 'utf8')).toBe('new');
    expect(readFileSync(join(dir, 'missing.bib'), 'utf8')).toBe('created');
  });
});
