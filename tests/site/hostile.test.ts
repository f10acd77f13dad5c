import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { idProblems, scriptProblems } from './page-checks';
import { decodeRecord } from '../../src/lib/client/search-record';
import { shellEnv } from '../shell-env';

// The real build over the fixture corpus with hostile text laid over it: a report title, a quote
// and a statement that try to close the JSON-LD script and open one of their own, and claims
// named like the page's own elements ("main", "site-q", "link-main"). It must build, and every
// such text must come out as text.
const ROOT = join(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'tests/fixtures');
const BREAKOUT = '</script><script>alert(1)</script>';
let dir = '';
let out = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'claim-ledger-hostile-'));
  cpSync(join(FIXTURES, 'content-base'), join(dir, 'content'), { recursive: true });
  cpSync(join(FIXTURES, 'hostile-content'), join(dir, 'content'), { recursive: true });
  cpSync(join(FIXTURES, 'permalinks.txt'), join(dir, 'permalinks.txt'));
  out = join(dir, 'out');
  const r = spawnSync('npx', ['astro', 'build', '--outDir', out], {
    cwd: ROOT,
    env: shellEnv({ CONTENT_DIR: join(dir, 'content') }),
    encoding: 'utf8',
    timeout: 240_000,
  });
  expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
}, 260_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const page = (path: string) => fromHtml(readFileSync(join(out, path), 'utf8'));
const jsonLd = (path: string): Record<string, unknown> =>
  JSON.parse(toString(select('script[type="application/ld+json"]', page(path))!)) as Record<string, unknown>;

describe('hostile content', () => {
  test('every page has only the site’s own scripts and JSON-LD blocks that parse as JSON', () => {
    expect(scriptProblems(out)).toEqual([]);
  });

  test('a script breakout in a title, quote and statement is shown as text and kept in the data', () => {
    const report = page('/articles/a-one/index.html');
    expect(toString(select('h1', report)!)).toBe(`First fixture report ${BREAKOUT}`);
    expect(toString(select('mark[id="main"]', report)!)).toBe(BREAKOUT);
    expect(jsonLd('/articles/a-one/index.html')['headline']).toBe(`First fixture report ${BREAKOUT}`);
    const claim = page('/claims/main/index.html');
    const statement = 'A user posted </script><script>alert(2)</script> & <!-- in the chat \u2028.';
    expect(toString(select('h1', claim)!)).toContain('</script><script>alert(2)</script> & <!--');
    expect(jsonLd('/claims/main/index.html')['text']).toBe(BREAKOUT);
    expect(jsonLd('/claims/main/index.html')['abstract']).toBe(statement);
    const rss = new XMLParser().parse(readFileSync(join(out, 'rss.xml'), 'utf8')) as {
      rss: { channel: { item: { title: string }[] } };
    };
    expect(rss.rss.channel.item.map((i) => i.title)).toContain(`Report: First fixture report ${BREAKOUT}`);
  });

  test('the search record a report carries for its claims holds hostile text as inert text, and gives it back intact', () => {
    const html = readFileSync(join(out, 'articles/a-one/index.html'), 'utf8');
    // The record is the text of one element: nothing in it can close that element or open another.
    const raw = /<span data-pagefind-meta="claims">([^<]*)<\/span>/.exec(html);
    expect(raw).not.toBeNull();
    expect(raw![1]).not.toMatch(/[<>]/);
    const span = select('[data-pagefind-meta="claims"]', page('/articles/a-one/index.html'))!;
    const { claims } = decodeRecord(toString(span), 'First fixture report');
    expect(claims.find((c) => c.id === 'main')?.statement).toBe(
      'A user posted </script><script>alert(2)</script> & <!-- in the chat \u2028.',
    );
  });

  test('claims named like the page’s own elements keep their anchors; the page’s ids give way', () => {
    const report = page('/articles/a-one/index.html');
    expect(select('main', report)!.properties['id']).toBe('p_main');
    for (const id of ['main', 'site-q', 'link-main'])
      expect(selectAll(`[id="${id}"]`, report).map((e) => e.tagName)).toEqual(['mark']);
    const { claims } = JSON.parse(readFileSync(join(out, 'api/claims.json'), 'utf8')) as { claims: { id: string }[] };
    expect(claims.map((c) => c.id)).toContain('main');
    expect(idProblems(out, new Set(claims.map((c) => c.id)))).toEqual([]);
  });

  // Round three: a source file saved with a byte-order mark, a name whose emoji fall where the
  // event graph cuts its labels, and an event only one report tells.
  test('a byte-order mark at the start of a file is dropped, not published', () => {
    const name = `Alpha ${'😀'.repeat(24)}`;
    expect(toString(select('h1', page('/sources/alpha/index.html'))!)).toBe(name);
    const { sources } = JSON.parse(readFileSync(join(out, 'api/sources.json'), 'utf8')) as {
      sources: { id: string; name: string }[];
    };
    expect(sources.find((x) => x.id === 'alpha')?.name).toBe(name);
  });

  test('the event graph cuts a long name between whole characters, never inside an emoji', () => {
    const html = readFileSync(join(out, 'events/e-fixture/index.html'), 'utf8');
    expect(html).not.toContain('\uFFFD');
    const labels = selectAll('svg text', page('/events/e-fixture/index.html')).map((t) => toString(t));
    expect(labels).toContain(`B1 · Alpha ${'😀'.repeat(15)}…`);
  });
});
