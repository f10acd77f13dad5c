import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { childEnv, ROOT, runScript } from './helpers';

// README "Adding a report", step by step, on a copy of the content: new:report on a text file,
// the frontmatter filled in and the page furniture removed, two claims pasted from what quote
// prints, validate, permalinks, and a build that shows the new report and its claims, dated in the feed. The sample is the text
// behind content/articles/hidden-war-deaths.md, and the frontmatter and claim fields are that
// report's own, so nothing here is invented.
const work = mkdtempSync(join(tmpdir(), 'claim-ledger-walkthrough-'));
const content = join(work, 'content');
const env = { CONTENT_DIR: content };
const ID = 'walkthrough-report';
afterAll(() => rmSync(work, { recursive: true, force: true }));
cpSync(join(ROOT, 'content'), content, { recursive: true });
cpSync(join(ROOT, 'permalinks.txt'), join(work, 'permalinks.txt'));

/** The quote lines `npm run quote` prints for the words: exactly one passage expected. */
function quoteLines(...words: string[]): string {
  const r = runScript('quote', [ID, ...words], env);
  expect(r.status, r.stderr).toBe(0);
  const blocks = r.stdout.trim().split('\n\n');
  expect(blocks).toHaveLength(1);
  return blocks[0]!.split('\n').slice(1).join('\n');
}

test('from a text file to a built report with two claims', () => {
  // 1. Create the files.
  const created = runScript('new:report', [join(ROOT, 'tests/fixtures/walkthrough/001_0f0e800cdcf7c1d7.txt'), '--id', ID], env);
  expect(created.status, created.stderr).toBe(0);
  const articleFile = join(content, 'articles', `${ID}.md`);
  const [, skeleton, body] = readFileSync(articleFile, 'utf8').split(/^---$/m);
  expect(skeleton).toContain('TODO:');

  // 2. Fill in the frontmatter (the existing analysis of the same text) and move the headline and
  // page furniture out of the body, as provenance.omitted records.
  const [, frontmatter, realBody] = readFileSync(join(content, 'articles/hidden-war-deaths.md'), 'utf8').split(/^---$/m);
  const furniture = ['Putin desperate for more troops as Ukraine war deaths ‘hidden’', '4 hours ago 1', 'Read Entire Article', '<'];
  const kept = body!.split('\n\n').filter((p) => !furniture.includes(p.trim()));
  const edited = `${kept.join('\n\n').trimEnd()}\n`;
  writeFileSync(articleFile, `---${frontmatter}---${edited}`);
  // Nothing but the furniture was taken out: the body is word for word the published report's.
  expect(edited).toBe(realBody);

  const before = runScript('validate', [], env);
  expect(before.status).toBe(1);
  expect(before.stderr).toContain(`claims/${ID}.yaml: claims: add at least one claim`);
  expect(before.stderr).not.toContain('to fill in');

  // 3-4. Find the quotes and write the claims around them.
  const meduza = quoteLines('Meduza', 'July');
  const csis = quoteLines('CSIS', '60,000');
  expect(meduza).toBe(
    '    quote: >-\n      Officials did not report demographic data in its January to May 2025 “Socioeconomic Situation in Russia” report, Russian opposition outlet Meduza reported on July 5.',
  );
  writeFileSync(
    join(content, 'claims', `${ID}.yaml`),
    `article: ${ID}
claims:
  - id: walkthrough-meduza-no-demographic-data
${meduza}
    statement: Meduza reported on 5 July 2025 that Rosstat's January–May 2025 report left out demographic data.
    kind: event
    claimant: meduza
    hedge: asserted
    stated: { date: "2025-07-05", basis: inferred, note: "“on July 5”; the year follows from the January to May 2025 report it describes." }
    topics: [demographic-data]
  - id: walkthrough-csis-ukrainian-fatalities
${csis}
    statement: CSIS estimates 60,000 to 100,000 Ukrainian soldiers killed and 400,000 casualties.
    kind: figure
    claimant: csis
    hedge: asserted
    topics: [war-losses]
    figures:
      - { value: 60000, upper: 100000, unit: people, counts: "Ukrainian soldiers killed (per CSIS)" }
      - { value: 400000, unit: people, counts: "Ukrainian casualties (per CSIS)" }
`,
  );

  // 5. Validate. The text is word for word a report the ledger already has, which the validator
  // refuses (one report published under two ids); this walkthrough then keeps the aggregator's
  // "Read Entire Article" line so that, here only, the two texts differ.
  const duplicate = runScript('validate', [], env);
  expect(duplicate.status).toBe(1);
  expect(duplicate.stderr).toMatch(/content\/articles\/walkthrough-report\.md: body: has the same text as \S*content\/articles\/hidden-war-deaths\.md/);
  writeFileSync(articleFile, `---${frontmatter}---${edited}\nRead Entire Article\n`);
  const valid = runScript('validate', [], env);
  expect(valid.stderr).toBe('');
  expect(valid.stdout).toMatch(/^content valid: 6 reports, \d+ claims/);
  expect(valid.status).toBe(0);

  // 6. Record the new URLs (from the content, no build), then build.
  const listed = readFileSync(join(work, 'permalinks.txt'), 'utf8');
  const permalinks = runScript('permalinks', [], env);
  expect(permalinks.status, permalinks.stderr).toBe(0);
  const added = readFileSync(join(work, 'permalinks.txt'), 'utf8').slice(listed.length);
  for (const claim of ['walkthrough-meduza-no-demographic-data', 'walkthrough-csis-ukrainian-fatalities']) {
    expect(added).toMatch(new RegExp(`^/claims/${claim}/ \\d{4}-\\d{2}-\\d{2}$`, 'm'));
  }

  const out = join(work, 'out');
  const build = spawnSync('npx', ['astro', 'build', '--outDir', out], { cwd: ROOT, env: childEnv(env), encoding: 'utf8', timeout: 300_000 });
  expect(build.status, `${build.stdout}\n${build.stderr}`.slice(-3000)).toBe(0);
  const page = readFileSync(join(out, 'articles', ID, 'index.html'), 'utf8');
  expect(page).toContain('Putin desperate for more troops as Ukraine war deaths ‘hidden’');
  for (const claim of ['walkthrough-meduza-no-demographic-data', 'walkthrough-csis-ukrainian-fatalities']) {
    expect(page).toMatch(new RegExp(`id="${claim}"`));
    expect(existsSync(join(out, 'claims', claim, 'index.html'))).toBe(true);
  }
  // The first build dates the new claims in the feed.
  const day = /^\/claims\/walkthrough-csis-ukrainian-fatalities\/ (\S+)$/m.exec(added)![1]!;
  const rss = readFileSync(join(out, 'rss.xml'), 'utf8');
  const item = rss.slice(rss.indexOf('/claims/walkthrough-csis-ukrainian-fatalities/</link>'));
  expect(item.slice(0, item.indexOf('</item>'))).toContain(`<pubDate>${new Date(`${day}T00:00:00Z`).toUTCString()}</pubDate>`);
  expect(readFileSync(join(out, 'claims/walkthrough-csis-ukrainian-fatalities/index.html'), 'utf8')).toContain(
    'CSIS estimates 60,000 to 100,000 Ukrainian soldiers killed and 400,000 casualties.',
  );
}, 420_000);
