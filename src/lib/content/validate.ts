import type { ArticleData } from '../../schemas/article';
import type { ClaimData } from '../../schemas/claim';
import type { EventData } from '../../schemas/event';
import type { Redirect } from '../../schemas/redirect';
import type { SourceData } from '../../schemas/source';
import type { TopicData } from '../../schemas/topic';
import { checkBodies } from './phases/bodies';
import { checkCoherence } from './phases/coherence';
import { checkEvents } from './phases/events';
import { readEntries } from './phases/entries';
import { checkPermalinks, checkRedirects } from './phases/permalinks';
import { locateClaimQuotes } from './phases/quotes';
import { checkReceived } from './phases/received';
import { checkReferences } from './phases/references';
import { checkUsage } from './phases/usage';
import { lintCorpus } from './lints';
import { Problems, type Problem } from './problems';
import { numberClaims } from './number-claims';
import type { RawCorpus } from './read';
import type { MarkdownAnalysis, QuoteContext, QuoteLocation, TextBlock } from './text';

export { formatProblem, type Problem } from './problems';

/** A validated report. */
export interface ArticleEntry {
  id: string;
  file: string;
  data: ArticleData;
  body: string;
  blocks: TextBlock[];
}
/** A validated claim, with the article it belongs to and where its quote is. */
export interface ClaimEntry {
  article: string;
  file: string;
  data: ClaimData;
  location: QuoteLocation | undefined;
  /** The paragraph around the quote, split at the quote. */
  context: QuoteContext | undefined;
  /** 1-based position in its report's text, set by `numberClaims`. */
  number: number;
}
/** A validated source or topic. */
export interface DataEntry<T> {
  id: string;
  file: string;
  data: T;
}

/** The corpus after validation; only complete when `problems` is empty. */
export interface ValidatedCorpus {
  problems: Problem[];
  articles: ArticleEntry[];
  claims: ClaimEntry[];
  sources: DataEntry<SourceData>[];
  topics: DataEntry<TopicData>[];
  /** Events the claims tell (validated in ./phases/events.ts). */
  events: DataEntry<EventData>[];
  /** Retired claim URLs and where they lead. */
  redirects: Redirect[];
}

/**
 * What the phases share: the raw files, the one problem collector, the entries validated so far
 * and the id sets every reference check looks up (so the whole run stays linear in the corpus).
 */
export interface ValidationContext extends Omit<ValidatedCorpus, 'problems'> {
  raw: RawCorpus;
  problems: Problems;
  /** Each valid report's parsed body. */
  analysis: Map<string, MarkdownAnalysis>;
  articleById: Map<string, ArticleEntry>;
  sourceById: Map<string, DataEntry<SourceData>>;
  /** Ids that exist as files (or claims) even if their entry failed validation: no cascade of "unknown" lines. */
  known: { articles: Set<string>; sources: Set<string>; topics: Set<string>; claims: Set<string>; events: Set<string> };
}

/** One validation phase: reads the context, adds problems and, for the first, entries. */
export type Phase = (ctx: ValidationContext) => void;

/** The editorial lints (lints.ts) as a phase: they read the validated entries only. */
function lintEditorial(ctx: ValidationContext): void {
  const { articles, claims, sources, known } = ctx;
  for (const p of lintCorpus({ articles, claims, sources, sourceIds: known.sources, articleIds: known.articles })) ctx.problems.add(p.file, p.field, p.reason);
}

/**
 * The phases, in order. Each later phase relies on the entries and maps of the earlier ones;
 * a further check (editorial lints, say) is one more entry here.
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
  checkPermalinks, // every published claim URL still has a claim or a redirect
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
    analysis: new Map(),
    articleById: new Map(),
    sourceById: new Map(),
    known: { articles: new Set(), sources: new Set(), topics: new Set(), claims: new Set(), events: new Set() },
  };
  for (const phase of phases) phase(ctx);
  // Numbered once, here: the anchors in the report and every page read the same number.
  numberClaims(ctx.claims);
  const { problems, articles, claims, sources, topics, events, redirects } = ctx;
  return { problems: problems.list, articles, claims, sources, topics, events, redirects };
}
