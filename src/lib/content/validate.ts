import { checkBodies } from './phases/bodies';
import { checkCoherence } from './phases/coherence';
import { checkCorrections } from './phases/corrections';
import { checkEvents } from './phases/events';
import { readEntries } from './phases/entries';
import { checkPublishedUrls, checkRedirects } from './phases/permalinks';
import { locateClaimQuotes } from './phases/quotes';
import { checkReceived } from './phases/received';
import { checkReferences } from './phases/references';
import { checkUsage } from './phases/usage';
import { lintCorpus } from './lints';
import { Problems } from './problems';
import { numberClaims } from './number-claims';
import type { RawCorpus } from './read';
import type { Phase, ValidatedCorpus, ValidationContext } from './types';

export { formatProblem, type Problem } from './problems';
export type { ArticleEntry, ClaimEntry, DataEntry, Phase, ValidatedCorpus, ValidationContext } from './types';

/** The editorial lints (lints.ts) as a phase: they read the validated entries only. */
function lintEditorial(ctx: ValidationContext): void {
  const { articles, claims, sources, known } = ctx;
  for (const p of lintCorpus({ articles, claims, sources, sourceIds: known.sources, articleIds: known.articles })) ctx.problems.add(p.file, p.field, p.reason);
}

/**
 * The phases, in order. Each later phase relies on the entries and maps of the earlier ones;
 * a further check is one more entry here (the phase files number themselves in this order).
 */
export const PHASES: readonly Phase[] = [
  readEntries, // files, schemas, ids, file names
  checkBodies, // report bodies: raw HTML, unsafe links, empty text
  checkReceived, // each body word for word its text as received (received/<id>.txt)
  checkReferences, // every id named resolves; dates against the report
  locateClaimQuotes, // each quote found in its report, quotes nested or separate per report
  checkCoherence, // chains, duplicate topics, contradictory relations, affiliation cycles
  checkEvents, // events/*.yaml and each claim's events: schema, topics, tellers, measures
  checkRedirects, // content/redirects.yaml
  checkPublishedUrls, // permalinks.txt: each line well formed, each URL still has its claim, a redirect or its event
  checkCorrections, // corrections dated after the claim was first published
  checkUsage, // every source and topic used
  lintEditorial, // editorial lints: hedges, distancing words, chains, relations, dates (lints.ts)
];

/**
 * Validates a whole corpus: each file against its schema, then everything that crosses files.
 * Collects every problem rather than stopping at the first, so one build shows all that is wrong.
 */
export function validateCorpus(raw: RawCorpus, phases: readonly Phase[] = PHASES): ValidatedCorpus {
  const ctx: ValidationContext = {
    raw,
    problems: new Problems(),
    articles: [],
    claims: [],
    sources: [],
    topics: [],
    events: [],
    redirects: [],
    permalinks: [],
    analysis: new Map(),
    articleById: new Map(),
    sourceById: new Map(),
    known: { articles: new Set(), sources: new Set(), topics: new Set(), claims: new Set(), events: new Set() },
  };
  for (const phase of phases) phase(ctx);
  // Numbered once, here: the anchors in the report and every page read the same number.
  numberClaims(ctx.claims);
  const { problems, articles, claims, sources, topics, events, redirects, permalinks } = ctx;
  return { problems: problems.list, articles, claims, sources, topics, events, redirects, permalinks };
}
