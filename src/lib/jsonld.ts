import type { Article, Claim, Source } from './ledger';
import type { DateSpec } from '../schemas/common';
import { isPoint } from './dates';
import { SITE_NAME } from './site';
import { absolute, articleUrl, claimUrl, homeUrl, sourceUrl } from './urls';
import { claimAuthor, knownPublisher } from './outlet';

// schema.org objects for the three page types that describe a thing. Only what the reports
// say goes in: an outlet that is inferred is not published as the publisher.

/** schema.org type for a source: people are `Person`, everything else `Organization`. */
export const sourceType = (s: Source): 'Person' | 'Organization' => (s.data.kind === 'person' ? 'Person' : 'Organization');

/**
 * A date for schema.org's `datePublished`, or nothing. schema.org reads `datePublished` as a fact,
 * so only a stated point goes there: an inferred date, an interval or a bound is left out (the
 * page's text gives it with its precision and how it was inferred).
 */
export function schemaDate(spec: DateSpec | undefined): { datePublished: string } | Record<string, never> {
  return spec && spec.basis === 'stated' && isPoint(spec.date) ? { datePublished: spec.date } : {};
}

function sourceRef(s: Source) {
  return { '@type': sourceType(s), name: s.data.name, url: absolute(sourceUrl(s.id)) };
}

/**
 * A report's publisher, where the report names its outlet; an inferred or unknown outlet is not
 * asserted (the page says what is inferred). The one rule for every `publisher` of the site.
 */
export function publisher(a: Article): { publisher: ReturnType<typeof sourceRef> } | Record<string, never> {
  const outlet = knownPublisher(a);
  return outlet ? { publisher: sourceRef(outlet) } : {};
}

/** A claim's `author`: its claimant, or for the report's own voice its byline or stated outlet, or none. */
function author(c: Claim): { author: object } | Record<string, never> {
  const a = claimAuthor(c);
  if (!a) return {};
  return { author: a.kind === 'byline' ? { '@type': 'Person', name: a.name } : sourceRef(a.source) };
}

function articleRef(a: Article) {
  const isEncyclopedia = a.data.licence !== undefined;
  return {
    '@type': isEncyclopedia ? 'Article' : 'NewsArticle',
    headline: a.data.title,
    url: absolute(articleUrl(a.id)),
    ...schemaDate(a.data.published),
    ...publisher(a),
    ...(a.data.byline ? { author: { '@type': 'Person', name: a.data.byline } } : {}),
    ...(a.data.licence ? { license: a.data.licence.url } : {}),
  };
}

/** JSON-LD for a report page. */
export function articleJsonLd(a: Article) {
  return {
    '@context': 'https://schema.org',
    ...articleRef(a),
    description: a.data.summary,
    about: a.topics.map((t) => t.data.name),
    isPartOf: { '@type': 'WebSite', name: SITE_NAME, url: absolute(homeUrl()) },
  };
}

/** JSON-LD for a claim page: a schema.org `Claim` with its claimant and where it appeared. */
export function claimJsonLd(c: Claim) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Claim',
    '@id': absolute(claimUrl(c.id)),
    url: absolute(claimUrl(c.id)),
    text: c.data.quote,
    abstract: c.data.statement,
    ...author(c),
    // When the claimant said it, as the text states it; else when its report was published.
    ...schemaDate(c.data.stated ?? c.article.data.published),
    appearance: articleRef(c.article),
    keywords: c.topics.map((t) => t.data.name),
  };
}

/** JSON-LD for a source page. */
export function sourceJsonLd(s: Source) {
  return {
    '@context': 'https://schema.org',
    ...sourceRef(s),
    description: s.data.description,
    ...(s.data.aliases.length ? { alternateName: s.data.aliases } : {}),
    ...(s.affiliation ? { [s.data.kind === 'person' ? 'affiliation' : 'parentOrganization']: sourceRef(s.affiliation) } : {}),
  };
}
