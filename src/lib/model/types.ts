import type { ArticleData } from '../../schemas/article';
import type { ClaimData, Figure } from '../../schemas/claim';
import type { DateSpec } from '../../schemas/common';
import type { EventData } from '../../schemas/event';
import type { SourceData } from '../../schemas/source';
import type { TopicData } from '../../schemas/topic';
import type { QuoteContext } from '../content/text';
import type { RelationType } from './relations';

// The resolved model's shapes, in one module: a claim points to its events and its evidence, an
// event and an evidence back to claims, so these types refer to one another. Kept together, the
// modules that build them (ledger.ts, evidence.ts, events.ts) import them without a circle.

/** A report with its claims in text order. */
export interface Article {
  id: string;
  data: ArticleData;
  claims: Claim[];
  outlet: Source | undefined;
  /** The report's relay chain (outlet first), resolved: every claim's chain starts with it. */
  relay: Source[];
  topics: Topic[];
}
/** A claim with every reference resolved. */
export interface Claim {
  id: string;
  data: ClaimData;
  /** 1-based position in its report's text, as numbered in validation. */
  number: number;
  article: Article;
  claimant: Source;
  via: Source[];
  topics: Topic[];
  /** Related claims, both directions, grouped under a heading such as "Denied by". */
  related: { label: string; items: { claim: Claim; note: string }[] }[];
  /** Claims in other reports about the same event. */
  sameEventElsewhere: Claim[];
  /** The paragraph the quote stands in, split around the quote. */
  context: QuoteContext;
  /** The events this claim tells. */
  events: LedgerEvent[];
  /** Where its attribution chain ends (see ./evidence.ts). */
  origin: Origin;
  /** Its independent origins and who disputes it, computed once. */
  evidence: Evidence;
}
/** A source with its backlinks. */
export interface Source {
  id: string;
  data: SourceData;
  affiliation: Source | undefined;
  members: Source[];
  made: Claim[];
  relayed: Claim[];
  articles: Article[];
}
/** A topic with its claims grouped by report. */
export interface Topic {
  id: string;
  data: TopicData;
  claims: Claim[];
  articles: Article[];
}
/** One dated item on the timeline. */
export interface TimelineItem {
  date: DateSpec;
  /** Whether the date is when the event happened or when the claim was made. */
  role: 'about' | 'stated';
  claim: Claim;
}
/** One number with its claim. */
export interface FigureItem {
  figure: Figure;
  claim: Claim;
}

/** The cross-linked corpus. */
export interface Ledger {
  articles: Article[];
  claims: Claim[];
  sources: Source[];
  topics: Topic[];
  articleById: Map<string, Article>;
  claimById: Map<string, Claim>;
  sourceById: Map<string, Source>;
  topicById: Map<string, Topic>;
  timeline: TimelineItem[];
  figures: FigureItem[];
  /** Events in timeline order. */
  events: LedgerEvent[];
  eventById: Map<string, LedgerEvent>;
  /** The day (UTC) each claim was first published here, by claim id, from `permalinks.txt`. */
  firstPublished: Map<string, string>;
}

/**
 * Where an attribution chain ends: a source the text credits, the source a report relays as a
 * whole (for the report's own voice), or the report itself when its voice is credited to no one.
 */
export interface Origin {
  /** `source:<id>`, `source:<id>@<report>` (an unnamed group, per report) or `report:<id>`: equal keys are one origin. */
  key: string;
  /** The source's or report's name, without any mark. */
  name: string;
  /** The name as readers see it: with "(inferred)" when the text does not name it. */
  label: string;
  url: string;
  /**
   * `source`: a source the text credits for the claim; `relay`: the report's own voice, traced to
   * the source the report relays as a whole; `report`: the report's own voice, credited to no one.
   */
  kind: 'source' | 'relay' | 'report';
  /** Whether the source is inferred (from a report's form or page furniture), not named by the text. */
  inferred: boolean;
  /**
   * Whether the origin can count towards independent corroboration: a named source the text credits
   * for the claim. An unnamed group, a report's own voice and an inferred outlet cannot be shown
   * independent of the other origins, so they are listed but never counted.
   */
  identified: boolean;
  /** The source, when the origin is one (for affiliations). */
  source?: Source | undefined;
}

/** One link of a claim's attribution chain, with whether the text names it. */
export interface ChainLink {
  source: Source;
  inferred: boolean;
  /** The name as readers see it: with "(inferred)" when inferred. */
  label: string;
}

/** A dispute of a claim: who disputes it, with which claim, how, and which claim it targets. */
export interface Dispute {
  /** The disputing claim. */
  claim: Claim;
  /** The claim disputed. */
  target: Claim;
  type: 'denied' | 'contradicted' | 'doubted';
  /** The disputing claim's origin. */
  origin: Origin;
}

/** How a claim or event stands: how many independent origins stand behind it, and who disputes it. */
export interface Evidence {
  /**
   * One origin shown independent (or none), or two or more independent ones backing a claim. An
   * event told from two or more independent origins has `several origins`: telling one event is
   * not corroborating one another, since the tellings may disagree on its details.
   */
  label: 'single origin' | 'independent origins' | 'several origins';
  /** How many origins are shown to be independent of one another (at least 1 when there are any). */
  independent: number;
  /** Each origin with the claims (this one and those that corroborate it) that trace to it. */
  origins: { origin: Origin; claims: Claim[] }[];
  /** The claims that dispute it, each naming who disputes what. */
  disputedBy: Dispute[];
  /** The label with its reasoning, in words, the disputes included. */
  reasoning: string;
  /** The reasoning without the disputes, which a page lists on their own. */
  basis: string;
  /** The values of the search page's evidence filter. */
  filterValues: string[];
}

/** One report's telling of an event: its claims on it, in text order. */
export interface Telling {
  article: Article;
  /** A, B, C…: how the page and the graph refer to the report. */
  letter: string;
  claims: Claim[];
}
/** A computed difference between the reports' tellings. */
export interface Difference {
  /** `relay` is report-level: one side per telling, its first claim standing for the report. */
  kind: 'hedge' | 'claimant' | 'origin' | 'chain' | 'relay' | 'about' | 'stated' | 'figure';
  /** What differs, e.g. "Hedge", or "Number: people the decree allows to be called up". */
  label: string;
  /** Each side: the claim and its value for what differs. */
  sides: { claim: Claim; value: string }[];
}
/** A relation between two claims of the same event. */
export interface EventRelation {
  from: Claim;
  to: Claim;
  type: RelationType;
  note: string;
}
/** An event with its tellings, differences, relations, evidence and place on the timeline. */
export interface LedgerEvent {
  id: string;
  data: EventData;
  claims: Claim[];
  tellings: Telling[];
  relations: EventRelation[];
  differences: Difference[];
  /** `<claim id>:<field>` for each field of a claim that a difference names, to mark it. */
  differing: Set<string>;
  evidence: Evidence;
  /** Figures the event compares, by what they count. */
  measures: { label: string; figures: { claim: Claim; figure: Figure }[] }[];
  previous: LedgerEvent | undefined;
  next: LedgerEvent | undefined;
}
