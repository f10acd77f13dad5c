import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readCorpus } from '../../src/lib/content/read';
import { formatProblem, validateCorpus } from '../../src/lib/content/validate';
import { childEnv, ROOT, runScript, stopProcessGroup } from './helpers';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
// The tools' behaviour is tested on the fixture corpus (tests/fixtures/ledger), with expectations
// written for it; over the real content, only that it validates.
const FIXTURE = join(ROOT, 'tests/fixtures/ledger');
const FIXTURE_ENV = { CONTENT_DIR: join(FIXTURE, 'content') };

/** A copy of the fixture corpus in a temporary directory, with its permalinks.txt beside it. */
function contentCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'claim-ledger-cli-'));
  made.push(dir);
  cpSync(join(FIXTURE, 'content'), join(dir, 'content'), { recursive: true });
  cpSync(join(FIXTURE, 'permalinks.txt'), join(dir, 'permalinks.txt'));
  return join(dir, 'content');
}

describe('npm run validate', () => {
  test('passes the real content', () => {
    const r = runScript('validate', []);
    const reports = readdirSync(join(ROOT, 'content/articles')).length;
    expect(r.stdout).toMatch(
      new RegExp(`^content valid: ${reports} reports?, \\d+ claims?, \\d+ sources?, \\d+ topics?`),
    );
    expect(r.status).toBe(0);
  });

  test('prints the build’s lines and exits 1 on problems', () => {
    const dir = contentCopy();
    const file = join(dir, 'claims/r-autumn.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('claimant: boris-moss\n', 'claimant: boris-mos\n'));
    const r = runScript('validate', [dir]);
    expect(r.status).toBe(1);
    const expected = validateCorpus(readCorpus(dir, ROOT)).problems.map(formatProblem);
    expect(expected.some((l) => /\.claimant: unknown source "boris-mos" \(no sources\/boris-mos\.yaml\)/.test(l))).toBe(
      true,
    );
    expect(r.stderr.trim().split('\n')).toEqual([`${expected.length} content problem(s) in ${dir}:`, ...expected]);
  });

  test('--watch checks again on every save', async () => {
    const dir = contentCopy();
    const child = spawn('npm', ['run', '--silent', 'validate', '--', '--watch', dir], {
      cwd: ROOT,
      env: childEnv(),
      detached: true,
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    try {
      await expect.poll(() => out, { timeout: 20_000 }).toMatch(/watching/);
      const file = join(dir, 'topics/war-losses.yaml');
      const good = readFileSync(file, 'utf8');
      writeFileSync(file, `${good}colour: red\n`);
      await expect.poll(() => out, { timeout: 10_000 }).toMatch(/topics\/war-losses\.yaml: colour: unknown field/);
      writeFileSync(file, good);
      await expect.poll(() => out.split('colour: unknown field').at(-1), { timeout: 10_000 }).toMatch(/content valid/);
    } finally {
      await stopProcessGroup(child);
    }
  });
});

describe('npm run permalinks', () => {
  const today = (): string => new Date().toISOString().slice(0, 10);

  test('appends exactly the new claim’s URLs, dated today (UTC), from the content alone; a second run changes nothing', () => {
    const dir = contentCopy();
    const file = join(dir, '..', 'permalinks.txt');
    const before = readFileSync(file, 'utf8');
    // A new claim in an existing report, quoting words of its text (inside another claim's quote).
    const claims = join(dir, 'claims/r-harbour.yaml');
    writeFileSync(
      claims,
      `${readFileSync(claims, 'utf8').trimEnd()}
  - id: permalinks-test-new-claim
    quote: only reservists are called up
    statement: Only reservists are called up, Ivan Lake said.
    kind: event
    claimant: ivan-lake
    hedge: asserted
    topics: [decree]
`,
    );
    // The copy is valid before the script runs: the new claim is not listed yet, and that is no problem.
    expect(runScript('validate', [dir]).status).toBe(0);

    const start = today();
    const r = runScript('permalinks', [dir]);
    const end = today();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const after = readFileSync(file, 'utf8');
    // Every existing line byte for byte, then the two new URLs, sorted, with the day of the run.
    expect(after.startsWith(before)).toBe(true);
    const added = after.slice(before.length).trimEnd().split('\n');
    const day = added[0]!.split(' ')[1]!;
    expect([start, end]).toContain(day);
    expect(added).toEqual([
      `/articles/r-harbour/#permalinks-test-new-claim ${day}`,
      `/claims/permalinks-test-new-claim/ ${day}`,
    ]);
    expect(r.stdout).toMatch(/permalinks\.txt: \d+ listed, 2 added\n$/);

    const again = runScript('permalinks', [dir]);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/, 0 added\n$/);
    expect(readFileSync(file, 'utf8')).toBe(after);
  });

  test('creates a missing file with every URL the content publishes', () => {
    const dir = contentCopy();
    const file = join(dir, '..', 'permalinks.txt');
    const listed = readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.split(' ')[0]);
    rmSync(file);
    expect(runScript('validate', [dir]).stderr).toContain('permalinks.txt: (file): the file is missing:');
    const r = runScript('permalinks', [dir]);
    expect(r.status, r.stderr).toBe(0);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toMatch(/^# Every claim and event URL ever published/);
    // The fixture's list is every URL its content publishes, and the URLs of ids since retired.
    const retired = validateCorpus(readCorpus(dir, ROOT)).redirects.map((r) => r.from);
    const current = listed.filter((u) => !retired.some((id) => u === `/claims/${id}/` || u!.endsWith(`#${id}`)));
    expect(current.length).toBeLessThan(listed.length);
    expect(
      lines
        .slice(1)
        .map((l) => l.split(' ')[0])
        .sort(),
    ).toEqual(current.sort());
    // A recreated list dates every URL today, so the only problems left are corrections dated
    // before that: the file's history is lost, and the validator says so rather than guessing.
    const problems = runScript('validate', [dir])
      .stderr.split('\n')
      .filter((l) => l.includes(': '));
    for (const p of problems)
      expect(p).toMatch(/\.corrections\[\d+\]\.date: "[\d-]+" is before the claim was first published/);
  });

  test('on invalid content prints the problems and exits 1 without touching the file', () => {
    const dir = contentCopy();
    const file = join(dir, '..', 'permalinks.txt');
    const claims = join(dir, 'claims/r-autumn.yaml');
    writeFileSync(claims, readFileSync(claims, 'utf8').replace('claimant: boris-moss\n', 'claimant: boris-mos\n'));
    writeFileSync(file, `${readFileSync(file, 'utf8')}/claims/r-autumn-later/ 2026-13-45\n`);
    const before = readFileSync(file, 'utf8');
    const r = runScript('permalinks', [dir]);
    expect(r.status).toBe(1);
    const expected = validateCorpus(readCorpus(dir, ROOT)).problems.map(formatProblem);
    expect(expected.some((l) => l.includes('.claimant: unknown source "boris-mos" (no sources/boris-mos.yaml)'))).toBe(
      true,
    );
    expect(
      expected.some((l) =>
        /permalinks\.txt: line \d+ \(\/claims\/r-autumn-later\/\): "2026-13-45" has no month 13$/.test(l),
      ),
    ).toBe(true);
    expect(r.stderr.trim().split('\n')).toEqual([`${expected.length} content problem(s) in ${dir}:`, ...expected]);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});

describe('npm run quote', () => {
  test('prints each sentence with the words, ready to paste', () => {
    const r = runScript('quote', ['r-summit', 'statistics', 'office'], FIXTURE_ENV);
    expect(r.status).toBe(0);
    // The sentence of the first paragraph (line 2: the body starts with a blank line) with both words.
    expect(r.stdout).toBe(
      [
        '# 1 of 1: paragraph 1, line 2 of the body',
        '    quote: >-',
        '      The Ridge Institute said the statistics office hid deaths in June.',
        '',
        '',
      ].join('\n'),
    );
  });

  test('fails with the list of reports for an unknown one, and says so when nothing matches', () => {
    const unknown = runScript('quote', ['no-such-report', 'x'], FIXTURE_ENV);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('the reports are: r-autumn, r-harbour, r-summit, r-valley');
    const none = runScript('quote', ['r-summit', 'zeppelin'], FIXTURE_ENV);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain(
      'no paragraph of tests/fixtures/ledger/content/articles/r-summit.md contains all of: zeppelin',
    );
  });
});

describe('npm run new:report', () => {
  const text = 'First paragraph, with *stars* and "quotes".\r\nSecond paragraph.\n\n\nThird paragraph.\n';

  test('writes the text as the body, a skeleton that says what to fill in, and an empty claims file', () => {
    const dir = contentCopy();
    const input = join(dir, '..', 'sample.txt');
    writeFileSync(input, text);
    const r = runScript('new:report', [input, '--id', 'sample-report'], { CONTENT_DIR: dir });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`created ${join(dir, 'articles/sample-report.md')} (3 paragraphs)`);
    expect(r.stdout).toContain('npm run quote -- sample-report <words>');
    const article = readFileSync(join(dir, 'articles/sample-report.md'), 'utf8');
    expect(article.split('\n---\n')[1]).toBe(
      '\nFirst paragraph, with *stars* and "quotes".\n\nSecond paragraph.\n\nThird paragraph.\n',
    );
    expect(readFileSync(join(dir, 'claims/sample-report.yaml'), 'utf8')).toMatch(
      /\narticle: sample-report\nclaims: \[\]\n$/,
    );
    // The text as received, byte for byte: the body is checked against it.
    expect(readFileSync(join(dir, 'received/sample-report.txt'))).toEqual(readFileSync(input));
    expect(r.stdout).toContain(`created ${join(dir, 'received/sample-report.txt')}`);

    const v = runScript('validate', [dir]);
    expect(v.status).toBe(1);
    const lines = v.stderr.trim().split('\n').slice(1);
    for (const field of [
      'title',
      'outlet.id',
      'outlet.basis',
      'outlet.note',
      'published.date',
      'published.basis',
      'published.note',
      'topics[0]',
      'summary',
    ]) {
      expect(lines.some((l) => l.includes(`articles/sample-report.md: ${field}: to fill in: `))).toBe(true);
    }
    expect(
      lines.filter((l) => l.includes('articles/sample-report.md')).every((l) => l.includes(': to fill in: ')),
    ).toBe(true);
    expect(
      lines.some((l) =>
        l.endsWith(
          'claims/sample-report.yaml: claims: add at least one claim (`npm run quote -- <report> <words>` prints quotes ready to paste)',
        ),
      ),
    ).toBe(true);
  });

  test('refuses to overwrite', () => {
    const dir = contentCopy();
    const input = join(dir, '..', 'r-harbour.txt');
    writeFileSync(input, text);
    const before = readFileSync(join(dir, 'articles/r-harbour.md'), 'utf8');
    const r = runScript('new:report', [input], { CONTENT_DIR: dir });
    expect(r.status).toBe(1);
    const files = ['articles/r-harbour.md', 'claims/r-harbour.yaml', 'received/r-harbour.txt'].map((f) => join(dir, f));
    expect(r.stderr).toContain(`refusing to overwrite ${files.join(', ')}`);
    expect(readFileSync(join(dir, 'articles/r-harbour.md'), 'utf8')).toBe(before);
  });

  test('refuses an id that is not kebab-case', () => {
    const dir = contentCopy();
    const input = join(dir, '..', 'x.txt');
    writeFileSync(input, text);
    const r = runScript('new:report', [input, '--id', 'Bad_Id'], { CONTENT_DIR: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--id "Bad_Id": must be kebab-case');
    expect(existsSync(join(dir, 'articles/Bad_Id.md'))).toBe(false);
  });
});
