import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCorpus } from '../src/lib/content/read';
import { formatProblem, validateCorpus } from '../src/lib/content/validate';

// A report that is none of the real ones, added to a copy of a corpus to prove that the tests and
// the build take one more report without an edit. It is test text (a made-up municipal office, no
// real outlet, person or number): it never goes into the project's content. What it links to in
// the corpus (a claim it qualifies, an event it tells) is picked from that corpus's own data.

/** What `addGeneratedReport` wrote, for a test to look for in the build. */
export interface GeneratedReport {
  /** The report id (its file names and URL). */
  id: string;
  title: string;
  /** The new claims' ids, in text order. */
  claims: string[];
  /** The id of the claim with a figure. */
  figureClaim: string;
  /** The new sources' ids: the outlet, then a person. */
  sources: [string, string];
  /** The new topic's id. */
  topic: string;
  /** The existing claim the report's last claim qualifies. */
  relatedClaim: string;
  /** The existing event one claim tells. */
  toldEvent: string;
  /** A word found in the report's text and nowhere in the real reports, to search for. */
  searchWord: string;
}

/**
 * Writes a valid new report into the content directory `dir` (which must hold a valid corpus with
 * at least one claim and one event): its text as received, the report, its claims (an event, a
 * figure, a forecast, a quote, an assessment that qualifies an existing claim, and a claim telling
 * an existing event), two new sources and a new topic. `n` tells several generated reports apart.
 * Throws if the corpus does not validate afterwards, with every problem.
 */
export function addGeneratedReport(dir: string, n = 1): GeneratedReport {
  const before = validateCorpus(readCorpus(dir));
  if (before.problems.length)
    throw new Error(`the corpus to extend is not valid:\n${before.problems.map(formatProblem).join('\n')}`);
  // The first in id order: any claim and any event would do; the order only keeps the choice stable.
  const relatedClaim = before.claims.map((c) => c.data.id).sort()[0];
  const event = [...before.events].sort((a, b) => a.id.localeCompare(b.id))[0];
  if (!relatedClaim || !event) throw new Error('the corpus to extend needs at least one claim and one event');

  const { id, outlet, person, topic } = generatedIds(n);
  const title = `Testville recruitment office opens, report ${n}`;
  // A made-up place name, different for each n (n written in base 26 with the letters a to z), so
  // one generated report is found and not another, and no two of sixty have the same text.
  const searchWord = `Zorblax${[...n.toString(26)].map((d) => 'abcdefghijklmnopqrstuvwxyz'[parseInt(d, 26)]).join('')}ville`;
  const lines = [
    title,
    '3 minutes ago',
    `The Generated Gazette reports that a municipal recruitment office opened in ${searchWord} on Monday.`,
    'Officials said 1,250 people signed contracts in the first week.',
    '“We expect the queue to keep growing,” said Pat Example, the office’s director.',
    'Pat Example also said the number would probably double by spring.',
    'The office says its figures show that earlier accounts of recruitment were incomplete.',
    'Share this article',
  ];
  const claimIds = [
    `${id}-office-opened`,
    `${id}-contracts-signed`,
    `${id}-queue-quote`,
    `${id}-double-by-spring`,
    `${id}-earlier-accounts`,
  ];
  const q = (s: string): string => JSON.stringify(s);
  for (const sub of ['articles', 'claims', 'sources', 'topics', 'received'])
    mkdirSync(join(dir, sub), { recursive: true });
  for (const file of generatedFiles(n)) {
    if (existsSync(join(dir, file))) throw new Error(`${file} exists already: choose another n`);
  }

  writeFileSync(join(dir, 'received', `${id}.txt`), `${lines.join('\n')}\n`);
  writeFileSync(
    join(dir, 'articles', `${id}.md`),
    `---
title: ${q(title)}
outlet:
  id: ${outlet}
  basis: stated
  note: "The text names the Generated Gazette as its publisher."
published:
  date: "2026-01-15"
  basis: stated
provenance:
  seed: "generated-report-${n}.txt"
  omitted:
    - "Headline (kept as the title)."
    - "Relative timestamp “3 minutes ago”."
    - "Link text “Share this article”."
  normalised: []
topics: [${topic}]
summary: "A generated test report on a municipal recruitment office and the contracts signed there."
---

${lines.slice(2, -1).join('\n\n')}
`,
  );
  writeFileSync(
    join(dir, 'sources', `${outlet}.yaml`),
    `name: "Generated Gazette ${n}"
kind: media outlet
description: "The outlet of a generated test report."
evidence:
  - { article: ${id}, quote: "The Generated Gazette reports" }
`,
  );
  writeFileSync(
    join(dir, 'sources', `${person}.yaml`),
    `name: "Pat Example ${n}"
kind: person
description: "Director of the recruitment office in a generated test report."
evidence:
  - { article: ${id}, quote: "Pat Example, the office’s director" }
`,
  );
  writeFileSync(
    join(dir, 'topics', `${topic}.yaml`),
    `name: "Generated topic ${n}"\ndescription: "Claims of a generated test report."\n`,
  );
  writeFileSync(
    join(dir, 'claims', `${id}.yaml`),
    `article: ${id}
claims:
  - id: ${claimIds[0]}
    quote: ${q(lines[2]!.replace(/^The Generated Gazette reports that /, ''))}
    statement: A municipal recruitment office opened on a Monday.
    kind: event
    claimant: ${outlet}
    hedge: asserted
    topics: [${topic}]
  - id: ${claimIds[1]}
    events: [${event.id}]
    quote: ${q(lines[3]!)}
    statement: Officials said 1,250 people signed contracts in the office's first week.
    kind: figure
    claimant: ${outlet}
    hedge: asserted
    topics: [${topic}, ${event.data.topics[0]}]
    figures:
      - { value: 1250, unit: people, counts: "contracts signed in the first week" }
  - id: ${claimIds[2]}
    quote: ${q(lines[4]!.replace(/ said Pat Example.*$/, ''))}
    statement: The office's director expects the queue to keep growing.
    kind: quote
    claimant: ${person}
    hedge: opinion
    topics: [${topic}]
  - id: ${claimIds[3]}
    quote: ${q(lines[5]!)}
    statement: The office's director said the number would probably double by spring.
    kind: forecast
    claimant: ${person}
    hedge: likely
    topics: [${topic}]
  - id: ${claimIds[4]}
    quote: ${q(lines[6]!)}
    statement: The office says its figures show that earlier accounts of recruitment were incomplete.
    kind: assessment
    claimant: ${outlet}
    hedge: asserted
    topics: [${topic}]
    relations:
      - { claim: ${relatedClaim}, type: qualifies, note: "A generated test claim that qualifies an earlier one." }
`,
  );
  const after = validateCorpus(readCorpus(dir));
  if (after.problems.length)
    throw new Error(`the generated report does not validate:\n${after.problems.map(formatProblem).join('\n')}`);
  return {
    id,
    title,
    claims: claimIds,
    figureClaim: claimIds[1]!,
    sources: [outlet, person],
    topic,
    relatedClaim,
    toldEvent: event.id,
    searchWord,
  };
}

/**
 * Adds `count` generated reports to `dir` (see `addGeneratedReport`), each with the first `n` none
 * of whose files exist yet, so a corpus that already holds generated reports can grow further.
 */
export function addGeneratedReports(dir: string, count: number): GeneratedReport[] {
  const reports: GeneratedReport[] = [];
  for (let n = 1; reports.length < count; n++) {
    if (generatedFiles(n).some((f) => existsSync(join(dir, f)))) continue;
    reports.push(addGeneratedReport(dir, n));
  }
  return reports;
}

/** The ids of generated report `n`: the report, its outlet, the person it quotes, its topic. */
function generatedIds(n: number): { id: string; outlet: string; person: string; topic: string } {
  return {
    id: `generated-report-${n}`,
    outlet: `generated-gazette-${n}`,
    person: `pat-example-${n}`,
    topic: `generated-topic-${n}`,
  };
}

/** The files `addGeneratedReport(dir, n)` writes, relative to `dir`: it refuses to overwrite any. */
function generatedFiles(n: number): string[] {
  const { id, outlet, person, topic } = generatedIds(n);
  return [
    `articles/${id}.md`,
    `claims/${id}.yaml`,
    `received/${id}.txt`,
    `sources/${outlet}.yaml`,
    `sources/${person}.yaml`,
    `topics/${topic}.yaml`,
  ];
}
