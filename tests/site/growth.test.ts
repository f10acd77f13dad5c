import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { apiClaimsSchema, apiEventsSchema } from '../../src/schemas/api';
import { addGeneratedReports, type GeneratedReport } from '../generated-report';
import { searchBuiltSite } from '../tools/search';
import { buildSite, copyContent, ROOT, tempFolder } from './build-site';
import { shellEnv } from '../shell-env';

// The ledger grows: a copy of the content with generated reports added (each: claims of several
// kinds, two new sources, a new topic, a relation to an existing claim and a telling of an
// existing event, picked from the copied data) validates, builds, and passes the checks the site
// suite makes of the real build, run again here over the grown build. No test names a count, an
// id or an order of the real reports, so none needs editing when one is added. Two sizes: one
// report more, and as many as make sixty (at least thirty more: one event then has more tellings
// than the alphabet has letters, one claim dozens of claims relating to it).

/** The built-site checks that read only the build and the content it came from. */
const SITE_CHECKS = ['links', 'metadata', 'search-index', 'datapackage', 'dates'];

/** A copy of the content grown by `count` generated reports, built with its search index into `<dir>/dist`. */
function grow(
  label: string,
  count: (existing: number) => number,
): { out: string; content: string; reports: GeneratedReport[] } {
  const dir = tempFolder(label);
  const content = copyContent(dir);
  // permalinks.txt beside the copy, as in the project: the real claims have their first-published days, the new ones none yet.
  cpSync(join(ROOT, 'permalinks.txt'), join(dir, 'permalinks.txt'));
  const existing = readdirSync(join(content, 'articles')).length;
  // Each throws, with every problem, if the extended corpus does not validate.
  const reports = addGeneratedReports(content, count(existing));
  const out = join(dir, 'dist');
  const r = buildSite(out, content);
  expect(r.status, r.output.slice(-3000)).toBe(0);
  const index = spawnSync('npm', ['run', 'index', '--', out], { cwd: ROOT, encoding: 'utf8' });
  expect(index.status, index.stderr).toBe(0);
  return { out, content, reports };
}

/** Runs the named site checks over the build in `out` of `content`; they must all pass. */
function siteChecks(out: string, content: string, checks: string[]): void {
  const files = checks.map((f) => `tests/site/${f}.test.ts`);
  const r = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.site.config.ts', ...files], {
    cwd: ROOT,
    // Without this run's own vitest variables, which would make the inner run a worker of this one.
    env: shellEnv({ SITE_DIST: out, CONTENT_DIR: content, FORCE_COLOR: '0' }),
    encoding: 'utf8',
    timeout: 400_000,
  });
  expect(r.status, `${r.stdout}\n${r.stderr}`.slice(-4000)).toBe(0);
  // The checks ran, every file of them.
  expect(r.stdout.replace(/\x1b\[[0-9;]*m/g, '')).toMatch(new RegExp(`Test Files +${files.length} passed`));
}

describe('a corpus with a generated report added', () => {
  let out: string;
  let content: string;
  let report: GeneratedReport;
  beforeAll(() => {
    let reports: GeneratedReport[];
    ({ out, content, reports } = grow('growth', () => 1));
    report = reports[0]!;
  }, 400_000);

  test("the new report, its claims, sources, topic and the event it tells are built, and the related claim's page links back", () => {
    for (const page of [
      `articles/${report.id}`,
      ...report.claims.map((c) => `claims/${c}`),
      ...report.sources.map((s) => `sources/${s}`),
      `topics/${report.topic}`,
      `topics/${report.topic}/reports`,
    ]) {
      expect(existsSync(join(out, page, 'index.html')), page).toBe(true);
    }
    expect(readFileSync(join(out, 'events', report.toldEvent, 'index.html'), 'utf8')).toContain(
      `/claims/${report.figureClaim}/`,
    );
    expect(readFileSync(join(out, 'claims', report.relatedClaim, 'index.html'), 'utf8')).toContain(
      `/claims/${report.claims.at(-1)}/`,
    );
  });

  test('the exports carry the new claims, the figure with its number', () => {
    const { claims } = apiClaimsSchema.parse(JSON.parse(readFileSync(join(out, 'api/claims.json'), 'utf8')));
    const mine = claims.filter((c) => c.article.id === report.id);
    expect(mine.map((c) => c.id).sort()).toEqual([...report.claims].sort());
    expect(mine.find((c) => c.id === report.figureClaim)?.figures.map((f) => f.value)).toEqual([1250]);
  });

  test('a search of the built index finds the new report', async () => {
    expect(await searchBuiltSite(out, report.searchWord)).toEqual([`/articles/${report.id}/`]);
  });

  test('the site checks pass over the grown build', () => siteChecks(out, content, SITE_CHECKS), 420_000);
});

describe('a corpus grown to sixty reports', () => {
  let out: string;
  let content: string;
  let reports: GeneratedReport[];
  beforeAll(() => {
    ({ out, content, reports } = grow('growth-60', (existing) => Math.max(30, 60 - existing)));
  }, 600_000);

  test('an event they tell lists every telling, each under a letter of its own', () => {
    const { events } = apiEventsSchema.parse(JSON.parse(readFileSync(join(out, 'api/events.json'), 'utf8')));
    const told = events.find((e) => e.id === reports[0]!.toldEvent)!;
    expect(told.tellings.length).toBeGreaterThan(26);
    const letters = told.tellings.map((t) => t.letter);
    expect(new Set(letters).size).toBe(letters.length);
    const page = readFileSync(join(out, 'events', told.id, 'index.html'), 'utf8');
    expect(page.match(/<section class="telling"/g)?.length).toBe(told.tellings.length);
    for (const r of reports.filter((x) => x.toldEvent === told.id)) expect(page, r.id).toContain(`/articles/${r.id}/`);
  });

  test('each claim they qualify links back to the claims that qualify it', () => {
    for (const r of reports) {
      const page = readFileSync(join(out, 'claims', r.relatedClaim, 'index.html'), 'utf8');
      expect(page, r.id).toContain(`/claims/${r.claims.at(-1)}/`);
    }
  });

  test('the lists of claims and of reports are in pages: each claim and report on one page, the pages linked in order', () => {
    const { claims } = apiClaimsSchema.parse(JSON.parse(readFileSync(join(out, 'api/claims.json'), 'utf8')));
    const reports = readdirSync(join(content, 'articles')).map((f) => f.replace(/\.md$/, ''));
    for (const [list, ids, kind] of [
      ['claims', claims.map((c) => c.id), 'claims'],
      ['articles', reports, 'articles'],
    ] as const) {
      // The first page at the list's address, the others under page/N/, as long as there are files.
      const pages = [readFileSync(join(out, list, 'index.html'), 'utf8')];
      for (let n = 2; existsSync(join(out, list, 'page', String(n), 'index.html')); n++)
        pages.push(readFileSync(join(out, list, 'page', String(n), 'index.html'), 'utf8'));
      // Sixty reports and their 400 claims do not fit on one page of either list.
      expect(pages.length, list).toBeGreaterThan(1);
      const linked = pages.flatMap((html) =>
        [...new Set([...html.matchAll(new RegExp(`href="/${kind}/([a-z0-9-]+)/"`, 'g'))].map((m) => m[1]!))].filter(
          (id) => id !== 'page',
        ),
      );
      expect([...linked].sort(), list).toEqual([...ids].sort());
      pages.forEach((html, i) => {
        const next = html.match(/<a href="([^"]+)" rel="next">/)?.[1];
        expect(next, `${list} page ${i + 1}`).toBe(i + 1 < pages.length ? `/${list}/page/${i + 2}/` : undefined);
        const prev = html.match(/<a href="([^"]+)" rel="prev">/)?.[1];
        expect(prev, `${list} page ${i + 1}`).toBe(i === 0 ? undefined : i === 1 ? `/${list}/` : `/${list}/page/${i}/`);
      });
    }
  });

  test(
    'the site checks and html-validate pass over the grown build',
    () => siteChecks(out, content, [...SITE_CHECKS, 'html', 'budgets']),
    420_000,
  );
});
