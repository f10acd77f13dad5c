import type { z } from 'astro/zod';
import {
  API_VERSION,
  type apiArticlesSchema,
  type apiClaimsSchema,
  type apiEventsSchema,
  type apiSourcesSchema,
  type apiTopicsSchema,
} from '../../schemas/api';
import { earliestDay, latestDay, type DateSpec } from '../../schemas/common';
import type { Claim, Ledger, Source, Topic } from '../model/ledger';
import { dateSpecPrecision, rangeOf } from '../model/dates';
import { SITE_NAME } from '../site';
import { absolute, apiSchemaUrl, articleUrl, claimUrl, eventUrl, sourceUrl, topicUrl } from '../urls';
import { attributionChain, type Evidence, type Origin } from '../model/evidence';
import type { LedgerEvent } from '../model/events';
import { claimLabels } from '../views/event-graph';

function dateOut(d: DateSpec | undefined) {
  if (!d) return null;
  const r = rangeOf(d.date);
  return {
    date: d.date,
    kind: r.kind,
    precision: dateSpecPrecision(d.date),
    earliest: r.start === null ? null : earliestDay(d.date),
    latest: r.end === null ? null : latestDay(d.date),
    basis: d.basis,
    ...(d.note ? { note: d.note } : {}),
  };
}
const sourceRef = (s: Source) => ({ id: s.id, name: s.data.name, url: absolute(sourceUrl(s.id)) });
const topicRef = (t: Topic) => ({ id: t.id, name: t.data.name, url: absolute(topicUrl(t.id)) });
const eventRef = (e: LedgerEvent) => ({ id: e.id, name: e.data.name, url: absolute(eventUrl(e.id)) });
const originOut = (o: Origin) => ({
  key: o.key,
  kind: o.kind,
  name: o.name,
  label: o.label,
  inferred: o.inferred,
  identified: o.identified,
  url: absolute(o.url),
});
const evidenceOut = (e: Evidence) => ({
  label: e.label,
  reasoning: e.reasoning,
  independent: e.independent,
  origins: e.origins.map((g) => ({ origin: originOut(g.origin), claims: g.claims.map((c) => c.id) })),
  disputed: e.disputedBy.length > 0,
  disputedBy: e.disputedBy.map((d) => ({
    claim: d.claim.id,
    target: d.target.id,
    type: d.type,
    origin: originOut(d.origin),
  })),
});

/** One claim as exported: every reference resolved, every URL absolute. */
export function exportClaim(c: Claim): z.infer<typeof apiClaimsSchema>['claims'][number] {
  const d = c.data;
  return {
    id: c.id,
    url: absolute(claimUrl(c.id)),
    article: {
      id: c.article.id,
      title: c.article.data.title,
      url: absolute(articleUrl(c.article.id)),
      anchorUrl: absolute(articleUrl(c.article.id, c.id)),
    },
    quote: d.quote,
    statement: d.statement,
    kind: d.kind,
    hedge: d.hedge,
    claimant: sourceRef(c.claimant),
    via: attributionChain(c).map((l) => ({ ...sourceRef(l.source), inferred: l.inferred })),
    stated: dateOut(d.stated),
    about: dateOut(d.about),
    topics: c.topics.map(topicRef),
    figures: d.figures.map((f) => ({
      value: f.value,
      upper: f.upper ?? null,
      approx: f.approx,
      unit: f.unit,
      counts: f.counts,
      asOf: dateOut(f.asOf),
    })),
    relations: d.relations.map((r) => ({
      claim: r.claim,
      url: absolute(claimUrl(r.claim)),
      type: r.type,
      note: r.note,
    })),
    corrections: d.corrections.map((c) => ({ date: c.date, note: c.note })),
    note: d.note ?? null,
    events: c.events.map(eventRef),
    origin: originOut(c.origin),
    evidence: evidenceOut(c.evidence),
  };
}

/** /api/claims.json */
export function claimsExport(ledger: Ledger): z.infer<typeof apiClaimsSchema> {
  return {
    $schema: absolute(apiSchemaUrl('claims')),
    version: API_VERSION,
    generator: SITE_NAME,
    count: ledger.claims.length,
    claims: ledger.claims.map(exportClaim),
  };
}

/** /api/articles.json */
export function articlesExport(ledger: Ledger): z.infer<typeof apiArticlesSchema> {
  return {
    $schema: absolute(apiSchemaUrl('articles')),
    version: API_VERSION,
    count: ledger.articles.length,
    articles: ledger.articles.map((a) => ({
      id: a.id,
      url: absolute(articleUrl(a.id)),
      title: a.data.title,
      outlet: {
        id: a.outlet?.id ?? null,
        name: a.outlet?.data.name ?? null,
        basis: a.data.outlet.basis,
        note: a.data.outlet.note,
      },
      byline: a.data.byline ?? null,
      published: dateOut(a.data.published)!,
      summary: a.data.summary,
      topics: a.topics.map(topicRef),
      provenance: a.data.provenance,
      licence: a.data.licence ?? null,
      originalUrl: a.data.url ?? null,
      accessed: a.data.accessed ?? null,
      incomplete: a.data.incomplete ?? null,
      claims: a.claims.map((c) => ({ id: c.id, url: absolute(claimUrl(c.id)) })),
    })),
  };
}

/** /api/sources.json */
export function sourcesExport(ledger: Ledger): z.infer<typeof apiSourcesSchema> {
  return {
    $schema: absolute(apiSchemaUrl('sources')),
    version: API_VERSION,
    count: ledger.sources.length,
    sources: ledger.sources.map((s) => ({
      id: s.id,
      url: absolute(sourceUrl(s.id)),
      name: s.data.name,
      kind: s.data.kind,
      description: s.data.description,
      aliases: s.data.aliases,
      affiliation: s.affiliation ? sourceRef(s.affiliation) : null,
      claimsMade: s.made.map((c) => c.id),
      claimsRelayed: s.relayed.map((c) => c.id),
    })),
  };
}

/** /api/topics.json */
export function topicsExport(ledger: Ledger): z.infer<typeof apiTopicsSchema> {
  return {
    $schema: absolute(apiSchemaUrl('topics')),
    version: API_VERSION,
    count: ledger.topics.length,
    topics: ledger.topics.map((t) => ({
      id: t.id,
      url: absolute(topicUrl(t.id)),
      name: t.data.name,
      description: t.data.description,
      claims: t.claims.map((c) => c.id),
      articles: t.articles.map((a) => a.id),
    })),
  };
}

/** /api/events.json */
export function eventsExport(ledger: Ledger): z.infer<typeof apiEventsSchema> {
  return {
    $schema: absolute(apiSchemaUrl('events')),
    version: API_VERSION,
    count: ledger.events.length,
    events: ledger.events.map((e) => {
      const labels = claimLabels(e);
      return {
        id: e.id,
        url: absolute(eventUrl(e.id)),
        name: e.data.name,
        summary: e.data.summary,
        date: dateOut(e.data.date)!,
        topics: e.data.topics.map((t) => topicRef(ledger.topicById.get(t)!)),
        note: e.data.note ?? null,
        tellings: e.tellings.map((t) => ({
          letter: t.letter,
          article: { id: t.article.id, title: t.article.data.title, url: absolute(articleUrl(t.article.id)) },
          claims: t.claims.map((c) => ({ id: c.id, label: labels.get(c)!, url: absolute(claimUrl(c.id)) })),
        })),
        differences: e.differences.map((d) => ({
          kind: d.kind,
          label: d.label,
          sides: d.sides.map((x) => ({ claim: x.claim.id, value: x.value })),
        })),
        relations: e.relations.map((r) => ({ from: r.from.id, to: r.to.id, type: r.type, note: r.note })),
        evidence: evidenceOut(e.evidence),
        previous: e.previous?.id ?? null,
        next: e.next?.id ?? null,
      };
    }),
  };
}
