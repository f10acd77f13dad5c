import { loadValidatedCorpus } from '../content/corpus';
import type { ValidatedCorpus } from '../content/validate';
import { relationGroup, relationLabel, type RelationType } from './relations';
import { sortKey } from './dates';
import { computeClaimEvidence, originOf } from './evidence';
import { buildEvents } from './events';
import { firstPublishedByClaim } from '../permalinks';
import type { Article, Claim, Evidence, FigureItem, Ledger, Source, TimelineItem, Topic } from './types';
import { compareText } from '../order';

export type { Article, Claim, FigureItem, Ledger, Source, TimelineItem, Topic } from './types';

// The ledger: every report, claim, source, topic and event of the validated corpus with its references
// resolved and its backlinks derived, once, in maps. Pages and build hooks alike call
// `getLedger()`; tests build one from a corpus of their own with `buildLedger`.

// Replaced for every claim by `computeClaimEvidence` before the ledger is returned.
const PENDING: Evidence = {
  label: 'single origin',
  independent: 0,
  origins: [],
  disputedBy: [],
  reasoning: '',
  basis: '',
  filterValues: [],
};

function must<T>(map: Map<string, T>, id: string, what: string): T {
  const v = map.get(id);
  // The validator has already refused dangling references; reaching this is a bug, not bad content.
  if (!v) throw new Error(`ledger: unknown ${what} "${id}"`);
  return v;
}

const byTitle = (a: { data: { name: string } }, b: { data: { name: string } }): number =>
  compareText(a.data.name, b.data.name);

/**
 * Resolves every reference and derives every backlink in one pass over the claims, so the
 * cost grows linearly with the corpus. Articles are ordered newest first; claims keep the
 * order of their report's text. The corpus must have passed validation (no problems).
 */
export function buildLedger(input: ValidatedCorpus): Ledger {
  const sourceById = new Map<string, Source>(
    input.sources.map((s) => [
      s.id,
      { id: s.id, data: s.data, affiliation: undefined, members: [], made: [], relayed: [], articles: [] },
    ]),
  );
  for (const s of sourceById.values()) {
    if (s.data.affiliation) {
      s.affiliation = must(sourceById, s.data.affiliation, 'source');
      s.affiliation.members.push(s);
    }
  }
  const topicById = new Map<string, Topic>(
    input.topics.map((t) => [t.id, { id: t.id, data: t.data, claims: [], articles: [] }]),
  );
  const articleById = new Map<string, Article>();
  for (const a of input.articles) {
    const article: Article = {
      id: a.id,
      data: a.data,
      claims: [],
      outlet: a.data.outlet.id ? must(sourceById, a.data.outlet.id, 'source') : undefined,
      relay: a.data.relay.chain.map((s) => must(sourceById, s, 'source')),
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
  // In id order: a claim's place in lists and exports does not change when it moves between files.
  const byId = [...input.claims].sort((x, y) => (x.data.id < y.data.id ? -1 : x.data.id > y.data.id ? 1 : 0));
  for (const c of byId) {
    const article = must(articleById, c.article, 'article');
    // The validator has located every quote of a valid corpus; a claim without one is a bug.
    if (!c.context) throw new Error(`ledger: claim "${c.data.id}" has no located quote`);
    const claimant = must(sourceById, c.data.claimant, 'source');
    const claim: Claim = {
      id: c.data.id,
      data: c.data,
      number: c.number,
      article,
      claimant,
      via: c.data.via.map((v) => must(sourceById, v, 'source')),
      topics: c.data.topics.map((t) => must(topicById, t, 'topic')),
      related: [],
      sameEventElsewhere: [],
      context: c.context,
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

  // In text order: the order validation numbered them in.
  for (const a of articleById.values()) a.claims.sort((x, y) => x.number - y.number);

  // Relations are stored once, on one claim; both ends see them here, grouped by type and direction.
  const groups = new Map<Claim, Map<number, { label: string; items: { claim: Claim; note: string }[] }>>();
  const add = (owner: Claim, type: RelationType, direction: 'out' | 'in', other: Claim, note: string): void => {
    const g = groups.get(owner) ?? new Map<number, { label: string; items: { claim: Claim; note: string }[] }>();
    groups.set(owner, g);
    const key = relationGroup(type, direction);
    const group = g.get(key) ?? { label: relationLabel(type, direction), items: [] };
    if (!group.items.some((x) => x.claim === other)) group.items.push({ claim: other, note });
    g.set(key, group);
  };
  for (const claim of claims) {
    for (const r of claim.data.relations) {
      const other = must(claimById, r.claim, 'claim');
      add(claim, r.type, 'out', other, r.note);
      add(other, r.type, 'in', claim, r.note);
      if (r.type === 'same-event' && other.article !== claim.article) {
        if (!claim.sameEventElsewhere.includes(other)) claim.sameEventElsewhere.push(other);
        if (!other.sameEventElsewhere.includes(claim)) other.sameEventElsewhere.push(claim);
      }
    }
  }
  for (const [claim, g] of groups) claim.related = [...g].sort(([a], [b]) => a - b).map(([, group]) => group);

  const articles = [...articleById.values()].sort(
    (a, b) => compareText(sortKey(b.data.published.date), sortKey(a.data.published.date)) || compareText(a.id, b.id),
  );
  const timeline: TimelineItem[] = [];
  const figures: FigureItem[] = [];
  // In report order (newest report first), each report's claims in text order.
  for (const claim of articles.flatMap((a) => a.claims)) {
    if (claim.data.about) timeline.push({ date: claim.data.about, role: 'about', claim });
    else if (claim.data.stated) timeline.push({ date: claim.data.stated, role: 'stated', claim });
    for (const figure of claim.data.figures) figures.push({ figure, claim });
  }
  timeline.sort(
    (a, b) => compareText(sortKey(a.date.date), sortKey(b.date.date)) || compareText(a.claim.id, b.claim.id),
  );

  computeClaimEvidence(claims, claimById);
  // Oldest report first, so an event's tellings read in the order the reports appeared.
  const events = buildEvents(
    input.events,
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
    firstPublished: firstPublishedByClaim(input.permalinks),
  };
}

const KEY = Symbol.for('claim-ledger.ledger');
type Holder = { [KEY]?: { corpus: ValidatedCorpus; ledger: Ledger } };

/**
 * The ledger of the site's validated corpus, built once per corpus and shared by every page and
 * build hook. Kept on `globalThis` because the pages run from Astro's build bundle, a module
 * instance of their own, in the same process as the integrations.
 */
export function getLedger(): Ledger {
  const corpus = loadValidatedCorpus();
  const holder = globalThis as Holder;
  if (holder[KEY]?.corpus !== corpus) holder[KEY] = { corpus, ledger: buildLedger(corpus) };
  return holder[KEY].ledger;
}
