import type { CollectionEntry } from 'astro:content';
import type { ArticleData } from '../schemas/article';
import type { ClaimData, Figure } from '../schemas/claim';
import type { DateSpec } from '../schemas/common';
import type { EventData } from '../schemas/event';
import type { SourceData } from '../schemas/source';
import type { TopicData } from '../schemas/topic';
import { analyseMarkdown, locateQuotes, quoteContext, type QuoteContext } from './content/text';
import { relationLabel, RELATION_ORDER, type RelationType } from './relations';
import { computeClaimEvidence, originOf, type Evidence, type Origin } from './evidence';
import { buildEvents, type LedgerEvent } from './events';

/** A report with its claims in text order. */
export interface Article {
  id: string;
  data: ArticleData;
  entry: CollectionEntry<'articles'> | undefined;
  claims: Claim[];
  outlet: Source | undefined;
  topics: Topic[];
}
/** A claim with every reference resolved. */
export interface Claim {
  id: string;
  data: ClaimData & { article: string; context?: QuoteContext | undefined };
  /** 1-based position in its report. */
  n: number;
  article: Article;
  claimant: Source;
  via: Source[];
  topics: Topic[];
  /** Related claims, both directions, grouped under a heading such as "Denied by". */
  related: { label: string; items: { claim: Claim; note: string }[] }[];
  /** Claims in other reports about the same event. */
  sameEventElsewhere: Claim[];
  /** The paragraph the quote stands in, split around the quote. */
  context: QuoteContext | undefined;
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
}

/** Plain inputs, so the ledger can be built in tests without `astro:content`. */
export interface LedgerInput {
  articles: { id: string; data: ArticleData; body?: string | undefined; entry?: CollectionEntry<'articles'> | undefined }[];
  claims: { id: string; data: ClaimData & { article: string; context?: QuoteContext | undefined } }[];
  sources: { id: string; data: SourceData }[];
  topics: { id: string; data: TopicData }[];
  events?: { id: string; data: EventData }[] | undefined;
}

// Replaced for every claim by `computeClaimEvidence` before the ledger is returned.
const PENDING: Evidence = { label: 'single origin', origins: [], disputedBy: [], reasoning: '', filterValues: [] };

function must<T>(map: Map<string, T>, id: string, what: string): T {
  const v = map.get(id);
  // The validator has already refused dangling references; reaching this is a bug, not bad content.
  if (!v) throw new Error(`ledger: unknown ${what} "${id}"`);
  return v;
}

const byTitle = (a: { data: { name: string } }, b: { data: { name: string } }): number => a.data.name.localeCompare(b.data.name, 'en');

/**
 * Resolves every reference and derives every backlink in one pass over the claims, so the
 * cost grows linearly with the corpus. Articles are ordered newest first; claims keep the
 * order of their report's text.
 */
export function buildLedger(input: LedgerInput): Ledger {
  const sourceById = new Map<string, Source>(
    input.sources.map((s) => [s.id, { id: s.id, data: s.data, affiliation: undefined, members: [], made: [], relayed: [], articles: [] }]),
  );
  for (const s of sourceById.values()) {
    if (s.data.affiliation) {
      s.affiliation = must(sourceById, s.data.affiliation, 'source');
      s.affiliation.members.push(s);
    }
  }
  const topicById = new Map<string, Topic>(input.topics.map((t) => [t.id, { id: t.id, data: t.data, claims: [], articles: [] }]));
  const articleById = new Map<string, Article>();
  for (const a of input.articles) {
    const article: Article = {
      id: a.id,
      data: a.data,
      entry: a.entry,
      claims: [],
      outlet: a.data.outlet.id ? must(sourceById, a.data.outlet.id, 'source') : undefined,
      topics: a.data.topics.map((t) => must(topicById, t, 'topic')),
    };
    articleById.set(a.id, article);
    for (const t of article.topics) t.articles.push(article);
    if (article.outlet) article.outlet.articles.push(article);
  }

  const claimById = new Map<string, Claim>();
  const sourceArticles = new Map<Source, Set<Article>>();
  for (const a of articleById.values()) {
    if (a.outlet) sourceArticles.set(a.outlet, (sourceArticles.get(a.outlet) ?? new Set<Article>()).add(a));
  }
  const claims: Claim[] = [];
  for (const c of input.claims) {
    const article = must(articleById, c.data.article, 'article');
    const claimant = must(sourceById, c.data.claimant, 'source');
    const claim: Claim = {
      id: c.id,
      data: c.data,
      n: article.claims.length + 1,
      article,
      claimant,
      via: c.data.via.map((v) => must(sourceById, v, 'source')),
      topics: c.data.topics.map((t) => must(topicById, t, 'topic')),
      related: [],
      sameEventElsewhere: [],
      context: undefined,
      events: [],
      origin: originOf(claimant, article),
      evidence: PENDING,
    };
    article.claims.push(claim);
    claimById.set(claim.id, claim);
    claims.push(claim);
    claim.claimant.made.push(claim);
    for (const v of claim.via) v.relayed.push(claim);
    for (const s of [claim.claimant, ...claim.via]) {
      // A set per source keeps this constant-time however many reports cite the source.
      const seen = sourceArticles.get(s) ?? new Set<Article>();
      sourceArticles.set(s, seen);
      if (!seen.has(article)) {
        seen.add(article);
        s.articles.push(article);
      }
    }
    for (const t of claim.topics) t.claims.push(claim);
  }

  // Claims are put in text order and numbered, matching the numbers on the anchors in the text.
  // The validator has already located every quote (`data.context`); a report is parsed here only
  // when a claim arrives without it (plain inputs in tests).
  for (const a of input.articles) {
    const article = articleById.get(a.id)!;
    if (article.claims.length === 0) continue;
    const unlocated = article.claims.filter((c) => !c.data.context);
    if (unlocated.length && a.body !== undefined) {
      const blocks = analyseMarkdown(a.body).blocks.map((b) => b.text);
      const queries = unlocated.map((c) => ({ id: c.id, quote: c.data.quote, occurrence: c.data.occurrence }));
      locateQuotes(blocks, queries).forEach((r, i) => {
        if (r.ok) unlocated[i]!.data.context = quoteContext(blocks[r.location.block]!, r.location);
      });
    }
    for (const c of article.claims) c.context = c.data.context;
    const at = (c: Claim): number => (c.context ? c.context.block * 1e6 + c.context.start : Number.MAX_SAFE_INTEGER);
    article.claims.sort((x, y) => at(x) - at(y));
    article.claims.forEach((c, i) => (c.n = i + 1));
  }

  // Relations are stored once, on one claim; both ends see them here.
  const groups = new Map<Claim, Map<string, { claim: Claim; note: string }[]>>();
  const add = (owner: Claim, label: string, other: Claim, note: string): void => {
    const g = groups.get(owner) ?? new Map<string, { claim: Claim; note: string }[]>();
    groups.set(owner, g);
    const list = g.get(label) ?? [];
    if (!list.some((x) => x.claim === other)) list.push({ claim: other, note });
    g.set(label, list);
  };
  for (const claim of claims) {
    for (const r of claim.data.relations) {
      const other = must(claimById, r.claim, 'claim');
      const type = r.type as RelationType;
      add(claim, relationLabel(type, 'out'), other, r.note);
      add(other, relationLabel(type, 'in'), claim, r.note);
      if (type === 'same-event' && other.article !== claim.article) {
        if (!claim.sameEventElsewhere.includes(other)) claim.sameEventElsewhere.push(other);
        if (!other.sameEventElsewhere.includes(claim)) other.sameEventElsewhere.push(claim);
      }
    }
  }
  for (const [claim, g] of groups) {
    claim.related = [...g].sort(([a], [b]) => RELATION_ORDER.indexOf(a) - RELATION_ORDER.indexOf(b)).map(([label, items]) => ({ label, items }));
  }

  const articles = [...articleById.values()].sort((a, b) => b.data.published.date.localeCompare(a.data.published.date) || a.id.localeCompare(b.id));
  const timeline: TimelineItem[] = [];
  const figures: FigureItem[] = [];
  // In report order (newest report first), each report's claims in text order.
  for (const claim of articles.flatMap((a) => a.claims)) {
    if (claim.data.about) timeline.push({ date: claim.data.about, role: 'about', claim });
    else if (claim.data.stated) timeline.push({ date: claim.data.stated, role: 'stated', claim });
    for (const figure of claim.data.figures) figures.push({ figure, claim });
  }
  timeline.sort((a, b) => a.date.date.localeCompare(b.date.date) || a.claim.id.localeCompare(b.claim.id));

  computeClaimEvidence(claims, claimById);
  // Oldest report first, so an event's tellings read in the order the reports appeared.
  const events = buildEvents(
    input.events ?? [],
    articles.flatMap((a) => a.claims),
    [...articles].reverse(),
  );

  return {
    articles,
    claims,
    sources: [...sourceById.values()].sort(byTitle),
    topics: [...topicById.values()].sort(byTitle),
    articleById,
    claimById,
    sourceById,
    topicById,
    timeline,
    figures,
    events,
    eventById: new Map(events.map((e) => [e.id, e])),
  };
}
