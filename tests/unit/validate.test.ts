import { cpSync, existsSync, readdirSync, readFileSync, rmSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { tempFolder } from './helpers';
import { readCorpus } from '../../src/lib/content/read';
import { formatProblem, validateCorpus } from '../../src/lib/content/validate';

const FIXTURES = join(import.meta.dirname, '../fixtures');
const BAD = join(FIXTURES, 'bad-content');

/**
 * A copy of the good fixture corpus at `<tmp>/content`, with a case's files laid over it; the
 * fixtures' `permalinks.txt` (no URL listed) or a case's own goes beside the content folder, where
 * the project keeps it. A case's `absent.txt` lists files it removes (paths from `<tmp>`).
 */
function corpusWith(overlay?: string): string {
  const root = tempFolder('validate');
  cpSync(join(FIXTURES, 'content-base'), join(root, 'content'), { recursive: true });
  cpSync(join(FIXTURES, 'permalinks.txt'), join(root, 'permalinks.txt'));
  if (overlay) {
    const extra = (src: string): boolean => /(expected|permalinks|absent)\.txt$/.test(src);
    cpSync(overlay, join(root, 'content'), { recursive: true, filter: (src) => !extra(src) });
    if (existsSync(join(overlay, 'permalinks.txt')))
      cpSync(join(overlay, 'permalinks.txt'), join(root, 'permalinks.txt'));
    if (existsSync(join(overlay, 'absent.txt'))) {
      for (const f of readFileSync(join(overlay, 'absent.txt'), 'utf8').split('\n').filter(Boolean))
        rmSync(join(root, f));
    }
  }
  return root;
}
const problemsIn = (root: string): string[] =>
  validateCorpus(readCorpus(join(root, 'content'), root)).problems.map(formatProblem);

describe('content validation', () => {
  test('the good fixture corpus has no problems', () => {
    expect(problemsIn(corpusWith())).toEqual([]);
  });

  test('the real corpus has no problems', () => {
    const corpus = validateCorpus(readCorpus(join(import.meta.dirname, '../../content')));
    expect(corpus.problems.map(formatProblem)).toEqual([]);
    expect(corpus.articles.length).toBeGreaterThan(0);
    // Every report has claims, and every claim belongs to a report.
    for (const a of corpus.articles)
      expect(
        corpus.claims.some((c) => c.article === a.id),
        a.id,
      ).toBe(true);
  });

  const cases = readdirSync(BAD).sort();
  test('there is a bad-content case for every rule', () => {
    expect(cases.length).toBeGreaterThanOrEqual(80);
  });

  // expected.txt is the whole problem list, checked by hand: the rule's line and nothing else,
  // so a mistake in one file cannot also produce false problems in others.
  test.each(cases)('bad content "%s" fails with file, field and reason, and only that', (name) => {
    const expected = readFileSync(join(BAD, name, 'expected.txt'), 'utf8')
      .trim()
      .split('\n');
    const problems = problemsIn(corpusWith(join(BAD, name)));
    expect(problems).toEqual(expected);
    // Every line names a file, a field and a reason.
    for (const p of problems) expect(p).toMatch(/^(content\/\S.*|permalinks\.txt): \S.*: \S/);
  });

  // Cases a committed fixture cannot hold: a byte-order mark (editors strip or add it silently)
  // and a symbolic link in place of a whole folder.
  test('a UTF-8 byte-order mark at the start of a file is dropped, not reported', () => {
    const root = corpusWith();
    const file = join(root, 'content/sources/alpha.yaml');
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(file)]));
    const corpus = validateCorpus(readCorpus(join(root, 'content'), root));
    expect(corpus.problems).toEqual([]);
    expect(corpus.sources.find((s) => s.id === 'alpha')?.data.name).toBe('Alpha');
  });

  test('a collection folder that is a symbolic link is refused in one line, naming it', () => {
    const root = corpusWith();
    renameSync(join(root, 'content/events'), join(root, 'elsewhere'));
    symlinkSync(join(root, 'elsewhere'), join(root, 'content/events'));
    expect(problemsIn(root)).toEqual([
      'content/events: (file): is a symbolic link, which is not read: content files must be real files inside the content folder (copy the file here instead)',
    ]);
  });
});
