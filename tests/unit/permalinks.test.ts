import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  appendPermalinks,
  parsePermalinks,
  permalinksFile,
  PERMALINKS_HEADER,
  permalinkTarget,
} from '../../src/lib/permalinks';

// The parts of src/lib/permalinks.ts that no fixture reaches: what a line may look like, and how
// `npm run permalinks` appends. The validator's refusals are bad-content cases (permalinks-*).

describe('parsePermalinks', () => {
  test('reads url and day per line, skipping comments and blank lines, tolerating spaces and Windows line ends', () => {
    const text =
      '# header\r\n\r\n/claims/a/ 2026-11-24\r\n  /articles/r/#a   2026-11-25  \n# /claims/old/ 2026-11-24\n/events/e/ 2026-11-26';
    expect(parsePermalinks(text, '2026-12-01')).toEqual({
      entries: [
        { line: 3, url: '/claims/a/', firstPublished: '2026-11-24' },
        { line: 4, url: '/articles/r/#a', firstPublished: '2026-11-25' },
        { line: 6, url: '/events/e/', firstPublished: '2026-11-26' },
      ],
      problems: [],
    });
  });

  test('today is allowed, tomorrow is not', () => {
    expect(parsePermalinks('/claims/a/ 2026-12-01\n', '2026-12-01').problems).toEqual([]);
    expect(parsePermalinks('/claims/a/ 2026-12-02\n', '2026-12-01').problems).toEqual([
      {
        field: 'line 1 (/claims/a/)',
        reason: '"2026-12-02" is in the future: a URL is dated the day (UTC) it was first published',
      },
    ]);
  });

  test('a line that is not a URL at all is named as a malformed line', () => {
    expect(parsePermalinks('claims-a\n', '2026-12-01').problems).toEqual([
      { field: 'line 1', reason: 'expected "<url> <YYYY-MM-DD>", e.g. "/claims/<id>/ 2026-11-24", got "claims-a"' },
    ]);
  });

  test('ids in a URL are ids: kebab-case only', () => {
    expect(permalinkTarget('/claims/a-b/')).toEqual({ kind: 'claim', id: 'a-b' });
    expect(permalinkTarget('/articles/r/#a-b')).toEqual({ kind: 'anchor', article: 'r', id: 'a-b' });
    expect(permalinkTarget('/events/e/')).toEqual({ kind: 'event', id: 'e' });
    for (const url of ['/claims/A/', '/claims/a', '/claims/a/b/', '/articles/r/', '/events//'])
      expect(permalinkTarget(url), url).toBeUndefined();
  });
});

describe('appendPermalinks', () => {
  test('a new file starts with the header and lists the URLs sorted, dated today', () => {
    expect(appendPermalinks(undefined, ['/claims/b/', '/articles/r/#b', '/claims/b/'], '2026-12-01')).toEqual({
      text: `${PERMALINKS_HEADER}\n/articles/r/#b 2026-12-01\n/claims/b/ 2026-12-01\n`,
      added: 2,
    });
  });

  test('keeps the existing text byte for byte, even without a final line end, and adds only what is new', () => {
    const text = '# mine\r\n/claims/a/ 2026-11-24';
    expect(appendPermalinks(text, ['/claims/a/', '/claims/c/'], '2026-12-01')).toEqual({
      text: `${text}\n/claims/c/ 2026-12-01\n`,
      added: 1,
    });
    expect(appendPermalinks(text, ['/claims/a/'], '2026-12-01')).toEqual({ text, added: 0 });
  });
});

test('permalinks.txt is beside the content folder', () => {
  // PERMALINKS_FILE is unset in the test run.
  expect(permalinksFile('/x/site/content')).toBe(join('/x/site/permalinks.txt'));
});
