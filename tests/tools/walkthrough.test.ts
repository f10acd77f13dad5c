import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { childEnv, ROOT, runScript } from './helpers';
import { searchBuiltSite } from './search';

// README "Adding a report", step by step, on a copy of the content: new:report on a text file,
// the frontmatter filled in and the page furniture removed, two claims pasted from what quote
// prints, new sources and a topic, validate, `npm run permalinks`, a build that dates the new claims
// in the feed, and a search of the
// built index that finds the new report. The text (tests/fixtures/walkthrough/) is a made-up test
// report, none of the real ones, so the steps are proved on a report the corpus has never seen.
const work = mkdtempSync(join(tmpdir(), 'claim-ledger-walkthrough-'));
const content = join(work, 'content');
const env = { CONTENT_DIR: content };
const TEXT = join(ROOT, 'tests/fixtures/walkthrough/quarrytown-recruitment-office.txt');
// new:report names the report after the text file.
const ID = 'quarrytown-recruitment-office';
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

test('from a text file to a built, permalinked and searchable report with two claims', async () => {
  const reportsBefore = readdirSync(join(content, 'articles')).length;

  // 1. Create the files; the text as received is kept unchanged.
  const created = runScript('new:report', [TEXT], env);
  expect(created.status, created.stderr).toBe(0);
  expect(readFileSync(join(content, 'received', `${ID}.txt`))).toEqual(readFileSync(TEXT));
  const articleFile = join(content, 'articles', `${ID}.md`);
  const [, skeleton, body] = readFileSync(articleFile, 'utf8').split(/^---$/m);
  expect(skeleton).toContain('TODO:');
  expect(skeleton).toContain('seed: "quarrytown-recruitment-office.txt"');

  // 2. Fill in the frontmatter and move the headline and page furniture out of the body, as
  // provenance.omitted records.
  const title = 'Quarrytown opens a recruitment office in its old library';
  const furniture = [title, '2 hours ago', 'By the Quarrytown Ledger staff', 'Read more'];
  const kept = body!.split('\n\n').filter((p) => p.trim() && !furniture.includes(p.trim()));
  expect(kept).toHaveLength(4);
  writeFileSync(
    articleFile,
    `---
title: "${title}"
outlet:
  id: quarrytown-ledger
  basis: stated
  note: "The text says “the Quarrytown Ledger reports”."
byline: "Quarrytown Ledger staff"
published:
  date: "2026"
  basis: inferred
  note: "The text says only “2 hours ago”; a test report, dated to the year it was written."
provenance:
  seed: "quarrytown-recruitment-office.txt"
  omitted:
    - "Headline (kept as the title)."
    - "Relative timestamp “2 hours ago”."
    - "Byline “By the Quarrytown Ledger staff” (kept as the byline)."
    - "Link text “Read more”."
  normalised: []
topics: [municipal-recruitment]
summary: "Quarrytown opened a recruitment office in its former library; the mayor gives the number of applicants."
---
${kept.join('\n\n').trimEnd()}
`,
  );
  writeFileSync(
    join(content, 'sources/quarrytown-ledger.yaml'),
    `name: "Quarrytown Ledger"\nkind: media outlet\ndescription: "Local newspaper of Quarrytown (a test report's outlet)."\nevidence:\n  - { article: ${ID}, quote: "the Quarrytown Ledger reports." }\n`,
  );
  writeFileSync(
    join(content, 'sources/lin-ostrava.yaml'),
    `name: "Lin Ostrava"\nkind: person\ndescription: "Mayor of Quarrytown (in a test report)."\nevidence:\n  - { article: ${ID}, quote: "Mayor Lin Ostrava" }\n`,
  );
  writeFileSync(
    join(content, 'topics/municipal-recruitment.yaml'),
    'name: "Municipal recruitment"\ndescription: "Recruitment offices run by towns and cities."\n',
  );

  const before = runScript('validate', [], env);
  expect(before.status).toBe(1);
  expect(before.stderr).toContain(`claims/${ID}.yaml: claims: add at least one claim`);
  expect(before.stderr).not.toContain('to fill in');

  // 3-4. Find the quotes and write the claims around them.
  const opened = quoteLines('library', 'Tuesday');
  const applicants = quoteLines('Ostrava', '340');
  expect(applicants).toBe(
    '    quote: >-\n      Mayor Lin Ostrava said 340 residents had applied for contracts in the first three days.',
  );
  writeFileSync(
    join(content, 'claims', `${ID}.yaml`),
    `article: ${ID}
claims:
  - id: quarrytown-office-opened
${opened}
    statement: Quarrytown opened a municipal recruitment office in its former public library on a Tuesday.
    kind: event
    claimant: quarrytown-ledger
    hedge: asserted
    topics: [municipal-recruitment]
  - id: quarrytown-340-applicants
${applicants}
    statement: The mayor says 340 residents applied for contracts in the office's first three days.
    kind: figure
    claimant: lin-ostrava
    hedge: asserted
    topics: [municipal-recruitment]
    figures:
      - { value: 340, unit: people, counts: "residents who applied for contracts in the first three days" }
`,
  );

  // 5. Validate.
  const valid = runScript('validate', [], env);
  expect(valid.stderr).toBe('');
  expect(valid.stdout).toMatch(new RegExp(`^content valid: ${reportsBefore + 1} reports, \\d+ claims`));
  expect(valid.status).toBe(0);

  // 6. Record the new claim URLs in permalinks.txt (from the validated content, no build needed).
  const listed = readFileSync(join(work, 'permalinks.txt'), 'utf8');
  const permalinks = runScript('permalinks', [], env);
  expect(permalinks.status, permalinks.stderr).toBe(0);
  const after = readFileSync(join(work, 'permalinks.txt'), 'utf8');
  expect(after.startsWith(listed)).toBe(true);
  const added = after.slice(listed.length).trim().split('\n');
  // Exactly the new report's URLs, each with the day it was recorded.
  expect(added.map((l) => l.split(' ')[0]).sort()).toEqual([
    '/articles/quarrytown-recruitment-office/#quarrytown-340-applicants',
    '/articles/quarrytown-recruitment-office/#quarrytown-office-opened',
    '/claims/quarrytown-340-applicants/',
    '/claims/quarrytown-office-opened/',
  ]);
  for (const l of added) expect(l).toMatch(/ \d{4}-\d{2}-\d{2}$/);
  expect(runScript('validate', [], env).status).toBe(0);

  // 7. Build (the site, then the search index, as `npm run build` does), and find the report and its claims.
  const out = join(work, 'dist');
  const build = spawnSync('npx', ['astro', 'build', '--outDir', out], {
    cwd: ROOT,
    env: childEnv(env),
    encoding: 'utf8',
    timeout: 300_000,
  });
  expect(build.status, `${build.stdout}\n${build.stderr}`.slice(-3000)).toBe(0);
  const index = spawnSync('npm', ['run', 'index', '--', out], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  expect(index.status, index.stderr).toBe(0);
  const page = readFileSync(join(out, 'articles', ID, 'index.html'), 'utf8');
  expect(page).toContain(title);
  for (const claim of ['quarrytown-office-opened', 'quarrytown-340-applicants']) {
    expect(page).toMatch(new RegExp(`id="${claim}"`));
    expect(existsSync(join(out, 'claims', claim, 'index.html'))).toBe(true);
  }
  expect(readFileSync(join(out, 'claims/quarrytown-340-applicants/index.html'), 'utf8')).toContain(
    'The mayor says 340 residents applied for contracts in the office&#39;s first three days.',
  );
  // The first build already dates the new claims in the feed, by the day permalinks recorded.
  const day = /^\/claims\/quarrytown-340-applicants\/ (\S+)$/m.exec(after)![1]!;
  const rss = readFileSync(join(out, 'rss.xml'), 'utf8');
  const item = rss.slice(rss.indexOf('/claims/quarrytown-340-applicants/</link>'));
  expect(item.slice(0, item.indexOf('</item>'))).toContain(
    `<pubDate>${new Date(`${day}T00:00:00Z`).toUTCString()}</pubDate>`,
  );

  // 8. A search of the built index finds the new report by a word only it has, and by its claim.
  const byPlace = await searchBuiltSite(out, 'Quarrytown');
  expect(byPlace).toContain(`/articles/${ID}/`);
  const byClaimant = await searchBuiltSite(out, 'Ostrava');
  expect(byClaimant).toEqual([`/articles/${ID}/`]);
  // And the search can fail: a word in no report finds nothing.
  expect(await searchBuiltSite(out, 'qqjjxxkk')).toEqual([]);
}, 600_000);
