import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { API_FILES } from '../../src/lib/exports/api-files';
import { childEnv, ROOT, stopProcessGroup } from './helpers';

// `astro dev` over a copy of the fixture corpus (tests/fixtures/ledger: its content/ and the
// permalinks.txt beside it), never the real content, whose files and words change as the ledger
// grows: an edit to any kind of content file shows on the next request; a broken reference replaces
// every page with the list of problems (and prints it in the terminal), and fixing the file brings
// the site back; redirects.yaml and permalinks.txt are live too, all without restarting the server.
const FIXTURE = join(ROOT, 'tests/fixtures/ledger');
const PORT = Number(process.env['DEV_TEST_PORT'] ?? 4443);
const BASE = `http://127.0.0.1:${PORT}`;
const PAGE = '/claims/ridge-deaths-hidden/';
const CLAIMS = 'claims/r-summit.yaml';
const REPORT = 'articles/r-summit.md';
const REPORT_PAGE = '/articles/r-summit/';
const OLD = 'statement: The Ridge Institute said the statistics office hid deaths in June.';
// The statement's new words are in no quote, so the page shows them only once the edit is read.
const EDITED = 'The Ridge Institute says June deaths went unreported (edited in a dev-server test).';
const NEW = `statement: ${EDITED}`;
// The last line of the report's body, in its received text too; the tests add paragraphs after it.
const LAST = 'soldiers lost.\n';
// How long an edit takes to show is measured, not asserted here (a test must not pass or fail by
// the machine's load): each edit's time is printed, and docs/dev-loop.md keeps the measurements.

let dir = '';
let server: ChildProcess | undefined;
let output = '';

type Page = { status: number; text: string; location: string | null; type?: string | null };

async function get(path: string): Promise<Page> {
  try {
    const r = await fetch(BASE + path, { signal: AbortSignal.timeout(10_000), redirect: 'manual' });
    return {
      status: r.status,
      text: await r.text(),
      location: r.headers.get('location'),
      type: r.headers.get('content-type'),
    };
  } catch {
    return { status: 0, text: '', location: null };
  }
}

/** Polls a page until `ok` holds for it, or fails after `ms` with what the page last said; returns how long it took. */
async function pollPage(ok: (r: Page) => boolean, ms: number, path: string = PAGE): Promise<number> {
  const start = Date.now();
  let last: Page = { status: 0, text: '', location: null };
  while (Date.now() - start < ms && server?.exitCode === null) {
    last = await get(path);
    if (ok(last)) return Date.now() - start;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(
    `${path} never reached the expected state (server exit code ${server?.exitCode}, waited up to ${ms} ms); last status ${last.status}, server output:\n${output.slice(-2000)}`,
  );
}

/** Replaces `from` with `to` in a file of the content copy (`../permalinks.txt` is beside it). */
function edit(from: string, to: string, file: string = CLAIMS): void {
  const path = join(dir, 'content', file);
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

/** Whether a page is served and shows `text`. */
const shows =
  (text: string) =>
  (r: Page): boolean =>
    r.status === 200 && r.text.includes(text);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'claim-ledger-dev-'));
  cpSync(join(FIXTURE, 'content'), join(dir, 'content'), { recursive: true });
  cpSync(join(FIXTURE, 'permalinks.txt'), join(dir, 'permalinks.txt'));
  // The paragraphs the tests add to the report are in its text as received too (each report is its
  // received text, checked line by line), listed as left out while the body does not have them.
  const added = [
    'Timed paragraph 1.',
    'Timed paragraph 2.',
    'Timed paragraph 3.',
    'A paragraph added in a dev-server test.',
  ];
  edit(LAST, `${LAST}${added.join('\n')}\n`, 'received/r-summit.txt');
  edit('omitted: [', `omitted: ["Lines added by the dev-server test: ${added.join(' ')}", `, REPORT);
  server = spawn('npx', ['astro', 'dev', '--host', '127.0.0.1', '--port', String(PORT)], {
    cwd: ROOT,
    env: childEnv({ CONTENT_DIR: join(dir, 'content') }),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  server.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  await pollPage(shows('The Ridge Institute said the statistics office hid deaths in June.'), 240_000);
}, 270_000);

afterAll(async () => {
  await stopProcessGroup(server);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('an edited claim shows on the next request', async () => {
  // The first edit also pays one-time costs (the Markdown renderer is created, code compiled).
  edit(OLD, NEW);
  const ms = await pollPage(shows(EDITED), 60_000);
  console.log(`first edit visible after ${ms} ms`);
});

test('three claim edits and three edits to a report text in a row each show, one save at a time', async () => {
  // Both paths an edit takes: a claim page reads the ledger, a report's text comes from Astro's
  // content store once the report is re-rendered.
  const claim: number[] = [];
  const report: number[] = [];
  let statement = EDITED;
  let paragraph = LAST;
  // Each edit waits for the server to finish handling the one before (its "pages updated" line),
  // so that one save at a time is timed.
  const updates = (): number => output.split('pages updated').length;
  const settled = async (before: number): Promise<void> => {
    await expect.poll(updates, { timeout: 30_000 }).toBeGreaterThan(before);
  };
  // The previous test's edit may still be being handled.
  await new Promise((r) => setTimeout(r, 1_500));
  for (const n of [1, 2, 3]) {
    const next = `The Ridge Institute says June deaths went unreported (timed edit ${n}).`;
    let before = updates();
    edit(statement, next);
    claim.push(await pollPage(shows(next), 60_000));
    statement = next;
    await settled(before);
    const added = `${LAST}\nTimed paragraph ${n}.\n`;
    before = updates();
    edit(paragraph, added, REPORT);
    report.push(await pollPage(shows(`Timed paragraph ${n}.`), 60_000, REPORT_PAGE));
    paragraph = added;
    await settled(before);
  }
  const before = updates();
  edit(statement, EDITED);
  edit(paragraph, LAST, REPORT);
  await settled(before);
  console.log(`edits visible after: claim ${claim.join(', ')} ms; report ${report.join(', ')} ms`);
  expect(claim).toHaveLength(3);
  expect(report).toHaveLength(3);
});

test('an edit to a report, a source, a topic or an event shows on the next request', async () => {
  const cases: [file: string, from: string, to: string, page: string][] = [
    [REPORT, LAST, `${LAST}\nA paragraph added in a dev-server test.\n`, REPORT_PAGE],
    [
      'sources/ridge-institute.yaml',
      'A fixture think tank."',
      'A fixture think tank (edited in a dev-server test)."',
      '/sources/ridge-institute/',
    ],
    ['topics/statistics.yaml', 'Fixture data."', 'Fixture data (edited in a dev-server test)."', '/topics/statistics/'],
    [
      'events/data-halt.yaml',
      'on data kept back."',
      'on data kept back (edited in a dev-server test)."',
      '/events/data-halt/',
    ],
  ];
  for (const [file, from, to, page] of cases) {
    edit(from, to, file);
    const ms = await pollPage(
      shows(to.includes('paragraph') ? 'A paragraph added in a dev-server test.' : '(edited in a dev-server test)'),
      60_000,
      page,
    );
    console.log(`${file}: edit visible after ${ms} ms`);
  }
});

test('a broken reference replaces the page with the problem, in the browser and the terminal', async () => {
  edit('claimant: ridge-institute\n', 'claimant: ridge-institute-typo\n');
  const line =
    /claims\/r-summit\.yaml: claims \([a-z0-9-]+\)\.claimant: unknown source &#34;ridge-institute-typo&#34; \(no sources\/ridge-institute-typo\.yaml\)/;
  await pollPage((r) => r.status === 500 && line.test(r.text), 60_000);
  await expect
    .poll(() => output, { timeout: 10_000 })
    .toMatch(/claims\/r-summit\.yaml: claims \([a-z0-9-]+\)\.claimant: unknown source "ridge-institute-typo"/);
});

test('fixing the file brings the site back by itself', async () => {
  edit('claimant: ridge-institute-typo\n', 'claimant: ridge-institute\n');
  await pollPage(shows(EDITED), 60_000);
  await expect.poll(() => output, { timeout: 10_000 }).toMatch(/content valid again/);
});

test('permalinks.txt and redirects.yaml are live: a published URL with no claim is a problem, a redirect fixes it', async () => {
  const retired = 'ridge-hid-deaths';
  const published = `/claims/${retired}/ 2026-11-24\n`;
  const permalinks = join(dir, 'permalinks.txt');
  writeFileSync(permalinks, readFileSync(permalinks, 'utf8') + published);
  await pollPage(
    (r) => r.status === 500 && r.text.includes(`published claim &#34;${retired}&#34; no longer exists`),
    60_000,
  );

  // Added to the fixture's own redirects (its retired URLs are in permalinks.txt too).
  const redirects = join(dir, 'content', 'redirects.yaml');
  const ownRedirects = readFileSync(redirects, 'utf8');
  const added = `  - { from: ${retired}, to: ridge-deaths-hidden, note: "Renamed in a dev-server test." }\n`;
  writeFileSync(redirects, ownRedirects + added);
  await pollPage(shows(EDITED), 60_000);
  await pollPage((r) => r.status === 301 && r.location === PAGE, 60_000, `/claims/${retired}/`);

  // A changed redirect takes effect without a restart too.
  edit(`from: ${retired}, to: ridge-deaths-hidden`, `from: ${retired}, article: r-summit`, 'redirects.yaml');
  await pollPage((r) => r.status === 301 && r.location === REPORT_PAGE, 60_000, `/claims/${retired}/`);

  // And so does a removed one: the URL is no longer redirected (nor published, once permalinks.txt forgets it).
  writeFileSync(permalinks, readFileSync(permalinks, 'utf8').replace(published, ''));
  writeFileSync(redirects, ownRedirects);
  await pollPage((r) => r.status === 404, 60_000, `/claims/${retired}/`);
  await pollPage(shows(EDITED), 60_000);
});

test('a page URL without its trailing slash redirects to the page, keeping the query; a data file does not', async () => {
  const page = await get(`${PAGE.slice(0, -1)}?from=feed`);
  expect(page.status).toBe(301);
  expect(page.location).toBe(`${PAGE}?from=feed`);
  const data = await get('/api/claims.json');
  expect(data.status).toBe(200);
});

// A build writes these after the pages (src/integrations/api-files.ts); the dev server has a route for them.
test('every file under /api/ is served with its media type, from the same list a build writes', async () => {
  expect(API_FILES.length).toBeGreaterThan(0);
  for (const file of API_FILES) {
    const r = await get(file.url);
    expect(r.status, file.url).toBe(200);
    expect(r.type, file.url).toBe(file.type);
    if (file.url.endsWith('.json')) expect(() => JSON.parse(r.text), file.url).not.toThrow();
    else expect(r.text.split('\r\n')[0], file.url).toMatch(/^[a-z_]+(,[a-z_]+)+$/);
  }
  expect((await get('/api/nothing.json')).status).toBe(404);
});
