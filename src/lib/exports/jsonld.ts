import type { Article, Claim, Source, Topic } from '../model/ledger';
import type { LedgerEvent } from '../model/events';
import type { DateSpec } from '../../schemas/common';
import { isPoint } from '../model/dates';
import { SITE_NAME } from '../site';
import { absolute, articleUrl, claimUrl, eventUrl, homeUrl, sourceUrl, topicUrl } from '../urls';
import { claimAuthor, knownPublisher } from '../model/outlet';

// schema.org objects for the page types that describe a thing, and the home page. Only what the reports
// say goes in: an outlet that is inferred is not published as the publisher.

/** schema.org type for a source: people are `Person`, everything else `Organization`. */
export const sourceType = (s: Source): 'Person' | 'Organization' =>
  s.data.kind === 'person' ? 'Person' : 'Organization';

/**
 * A date for schema.org's `datePublished`, or nothing. schema.org reads `datePublished` as a fact,
 * so only a stated point goes there: an inferred date, an interval or a bound is left out (the
 * page's text gives it with its precision and how it was inferred).
 */
export function schemaDate(spec: DateSpec | undefined): { datePublished: string } | Record<string, never> {
  return spec && spec.basis === 'stated' && isPoint(spec.date) ? { datePublished: spec.date } : {};
}

/** The site as schema.org's `WebSite`, as other objects name it (`isPartOf`). */
const website = () => ({ '@type': 'WebSite', name: SITE_NAME, url: absolute(homeUrl()) });

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
    // The report's own address where the frontmatter gives it; else its page here.
    url: a.data.url ?? absolute(articleUrl(a.id)),
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
    isPartOf: website(),
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
    ...(s.affiliation
      ? { [s.data.kind === 'person' ? 'affiliation' : 'parentOrganization']: sourceRef(s.affiliation) }
      : {}),
  };
}

/** JSON-LD for the home page: the site itself. */
export function homeJsonLd(description: string) {
  return { '@context': 'https://schema.org', ...website(), description, inLanguage: 'en' };
}

/**
 * JSON-LD for a topic page (page `page` of it): a `CollectionPage` about the topic. Its claims are
 * not listed here: a topic may hold thousands, and the page's links already name them.
 */
export function topicJsonLd(t: Pick<Topic, 'id' | 'data'>, page = 1) {
  return {
    '@context': 'https://schema.org',
    '@type': 'CollectionPage',
    name: page > 1 ? `${t.data.name}, page ${page}` : t.data.name,
    description: t.data.description,
    url: absolute(topicUrl(t.id, page)),
    about: { '@type': 'Thing', name: t.data.name },
    isPartOf: website(),
  };
}

/**
 * JSON-LD for an event page: a schema.org `Event`, its date only when a report states it as a day,
 * month or year (`startDate`; an inferred date, an interval or a bound is left to the page's text),
 * and the reports that tell it (`subjectOf`).
 */
export function eventJsonLd(e: LedgerEvent) {
  const d = e.data.date;
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: e.data.name,
    description: e.data.summary,
    url: absolute(eventUrl(e.id)),
    ...(d.basis === 'stated' && isPoint(d.date) ? { startDate: d.date } : {}),
    subjectOf: e.tellings.map((t) => articleRef(t.article)),
  };
}
