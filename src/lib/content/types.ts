import type { Permalink } from '../permalinks';
import type { ArticleData } from '../../schemas/article';
import type { ClaimData } from '../../schemas/claim';
import type { EventData } from '../../schemas/event';
import type { Redirect } from '../../schemas/redirect';
import type { SourceData } from '../../schemas/source';
import type { TopicData } from '../../schemas/topic';
import type { Problem, Problems } from './problems';
import type { RawCorpus } from './read';
import type { MarkdownAnalysis, QuoteContext, QuoteLocation, TextBlock } from './text';

// The validator's shapes, apart from validate.ts: the phases and lints it runs read them, and
// would otherwise import the module that imports them.

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
  /** The valid lines of `permalinks.txt`: every URL ever published and the day it first was. */
  permalinks: Permalink[];
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
