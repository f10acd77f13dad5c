import type { z } from 'astro/zod';
import { articleSchema, type ArticleData } from '../../schemas/article';
import { claimFileSchema, claimSchema, type ClaimData } from '../../schemas/claim';
import { earliestDay, latestDay } from '../../schemas/common';
import { redirectsFileSchema, type Redirect } from '../../schemas/redirect';
import { sourceSchema, type SourceData } from '../../schemas/source';
import { topicSchema, type TopicData } from '../../schemas/topic';
import type { EventData } from '../../schemas/event';
import { validateEvents } from './events';
import type { RawCorpus, RawFile } from './read';
import { analyseMarkdown, crossingQuotes, locateQuotes, quoteContext, type QuoteContext, type QuoteLocation, type TextBlock } from './text';

/** One thing wrong with the content: which file, which field, and why. */
export interface Problem {
  file: string;
  field: string;
  reason: string;
}

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
  /** Events the claims tell (validated in ./events.ts). */
  events: DataEntry<EventData>[];
  /** Retired claim URLs and where they lead. */
  redirects: Redirect[];
}

/** Formats a problem as the one line the build prints for it. */
export function formatProblem(p: Problem): string {
  return `${p.file}: ${p.field}: ${p.reason}`;
}

function pathToField(prefix: string, path: readonly PropertyKey[]): string {
  const parts = path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('');
  const joined = `${prefix}${parts}`.replace(/^\./, '');
  return joined || '(root)';
}

function check<S extends z.ZodType>(schema: S, raw: unknown, file: string, prefix: string, problems: Problem[]): z.infer<S> | undefined {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const field = pathToField(prefix, issue.path);
    // zod reports an unknown key on the parent object; name the key itself.
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.push({ file, field: pathToField(prefix, [...issue.path, key]), reason: 'unknown field' });
    } else {
      problems.push({ file, field, reason: issue.message });
    }
  }
  return undefined;
}

function parsed(f: RawFile, problems: Problem[]): boolean {
  if (f.parseError) problems.push({ file: f.file, field: '(file)', reason: f.parseError });
  return !f.parseError;
}

/**
 * Validates a whole corpus: each file against its schema, then everything that crosses files
 * (references, unique ids, quotes in their article, relations, dates against their report,
 * unused sources and topics, raw HTML). Collects every problem rather than stopping at the first,
 * so one build shows all that is wrong. Linear in the corpus: lookups go through maps.
 */
export function validateCorpus(raw: RawCorpus): ValidatedCorpus {
  const problems: Problem[] = [];
  const articles: ArticleEntry[] = [];
  const sources: DataEntry<SourceData>[] = [];
  const topics: DataEntry<TopicData>[] = [];
  const claims: ClaimEntry[] = [];

  for (const f of raw.sources) {
    if (!parsed(f, problems)) continue;
    const data = check(sourceSchema, f.data, f.file, '', problems);
    if (data) sources.push({ id: f.id, file: f.file, data });
  }
  for (const f of raw.topics) {
    if (!parsed(f, problems)) continue;
    const data = check(topicSchema, f.data, f.file, '', problems);
    if (data) topics.push({ id: f.id, file: f.file, data });
  }
  for (const f of raw.articles) {
    if (!parsed(f, problems)) continue;
    const data = check(articleSchema, f.data, f.file, '', problems);
    const { blocks, html } = analyseMarkdown(f.body ?? '');
    for (const h of html) {
      problems.push({ file: f.file, field: 'body', reason: `raw HTML is not allowed in a report (body line ${h.line}: ${h.value.slice(0, 40)})` });
    }
    if (data) articles.push({ id: f.id, file: f.file, data, body: f.body ?? '', blocks });
  }

  const sourceIds = new Set(sources.map((s) => s.id));
  const topicIds = new Set(topics.map((t) => t.id));
  const articleById = new Map(articles.map((a) => [a.id, a]));
  // Ids of files that exist but failed validation still count as existing, so one bad file
  // does not cascade into a "missing reference" line for every claim that names it.
  for (const f of raw.sources) sourceIds.add(f.id);
  for (const f of raw.topics) topicIds.add(f.id);
  const articleFileIds = new Set(raw.articles.map((f) => f.id));

  const usedSources = new Set<string>();
  const usedTopics = new Set<string>();
  const refSource = (id: string | null | undefined, file: string, field: string): void => {
    if (id == null) return;
    usedSources.add(id);
    if (!sourceIds.has(id)) problems.push({ file, field, reason: `unknown source "${id}" (no sources/${id}.yaml)` });
  };
  const refTopics = (ids: readonly string[], file: string, field: string): void => {
    ids.forEach((id, i) => {
      usedTopics.add(id);
      if (!topicIds.has(id)) problems.push({ file, field: `${field}[${i}]`, reason: `unknown topic "${id}" (no topics/${id}.yaml)` });
    });
  };

  for (const s of sources) refSource(s.data.affiliation, s.file, 'affiliation');
  for (const a of articles) {
    refSource(a.data.outlet.id, a.file, 'outlet.id');
    refTopics(a.data.topics, a.file, 'topics');
  }

  const claimIdFirstSeen = new Map<string, string>();
  for (const f of raw.claims) {
    if (!parsed(f, problems)) continue;
    const fileData = check(claimFileSchema, f.data, f.file, '', problems);
    if (!fileData) continue;
    const article = articleById.get(fileData.article);
    if (!articleFileIds.has(fileData.article)) {
      problems.push({ file: f.file, field: 'article', reason: `unknown article "${fileData.article}" (no articles/${fileData.article}.md)` });
    }
    const fileClaims: ClaimEntry[] = [];
    fileData.claims.forEach((rawClaim, i) => {
      const id = typeof rawClaim === 'object' && rawClaim && 'id' in rawClaim ? String(rawClaim.id) : `#${i}`;
      const prefix = `claims[${i}] (${id})`;
      const data = check(claimSchema, rawClaim, f.file, prefix, problems);
      if (!data) return;
      const seen = claimIdFirstSeen.get(data.id);
      if (seen) problems.push({ file: f.file, field: `${prefix}.id`, reason: `duplicate claim id, already used in ${seen}` });
      else claimIdFirstSeen.set(data.id, f.file);
      fileClaims.push({ article: fileData.article, file: f.file, data, location: undefined, context: undefined });
    });
    if (article) {
      const results = locateQuotes(
        article.blocks.map((b) => b.text),
        fileClaims.map((c) => ({ id: c.data.id, quote: c.data.quote, occurrence: c.data.occurrence })),
      );
      results.forEach((r, i) => {
        const claim = fileClaims[i]!;
        if (r.ok) {
          claim.location = r.location;
          claim.context = quoteContext(article.blocks[r.location.block]!.text, r.location);
        }
        else problems.push({ file: f.file, field: `claims[${i}] (${claim.data.id}).quote`, reason: `${r.reason} (${article.file})` });
      });
      for (const [a, b] of crossingQuotes(fileClaims.flatMap((c) => (c.location ? [c.location] : [])))) {
        problems.push({ file: f.file, field: `${b.id}.quote`, reason: `partially overlaps the quote of "${a.id}"; quotes must be nested or separate` });
      }
    }
    claims.push(...fileClaims);
  }

  const claimIds = new Set(claimIdFirstSeen.keys());
  for (const c of claims) {
    const prefix = `claims (${c.data.id})`;
    refSource(c.data.claimant, c.file, `${prefix}.claimant`);
    c.data.via.forEach((v, i) => refSource(v, c.file, `${prefix}.via[${i}]`));
    refTopics(c.data.topics, c.file, `${prefix}.topics`);
    c.data.relations.forEach((r, i) => {
      const field = `${prefix}.relations[${i}].claim`;
      if (r.claim === c.data.id) problems.push({ file: c.file, field, reason: 'a claim cannot relate to itself' });
      else if (!claimIds.has(r.claim)) problems.push({ file: c.file, field, reason: `unknown claim "${r.claim}"` });
    });
    const published = articleById.get(c.article)?.data.published.date;
    if (published) {
      const limit = latestDay(published);
      if (c.data.stated && earliestDay(c.data.stated.date) > limit) {
        problems.push({ file: c.file, field: `${prefix}.stated.date`, reason: `"${c.data.stated.date}" is after the report's publication date "${published}"` });
      }
      if (c.data.about && c.data.kind !== 'forecast' && earliestDay(c.data.about.date) > limit) {
        problems.push({ file: c.file, field: `${prefix}.about.date`, reason: `"${c.data.about.date}" is after the report's publication date "${published}" (only a forecast may be about a later date)` });
      }
    }
  }

  const redirects: Redirect[] = [];
  if (raw.redirects && parsed(raw.redirects, problems)) {
    const file = raw.redirects.file;
    const seen = new Set<string>();
    check(redirectsFileSchema, raw.redirects.data, file, '', problems)?.redirects.forEach((r, i) => {
      const field = `redirects[${i}] (${r.from})`;
      if (claimIds.has(r.from)) problems.push({ file, field: `${field}.from`, reason: `"${r.from}" is still a published claim; a redirect is only for a retired id` });
      if (seen.has(r.from)) problems.push({ file, field: `${field}.from`, reason: 'duplicate redirect' });
      seen.add(r.from);
      if (r.to !== undefined && !claimIds.has(r.to)) problems.push({ file, field: `${field}.to`, reason: `unknown claim "${r.to}"` });
      if (r.article !== undefined && !articleFileIds.has(r.article)) problems.push({ file, field: `${field}.article`, reason: `unknown article "${r.article}"` });
      redirects.push(r);
    });
  }

  const { events, topicsUsed } = validateEvents(raw.events, claims, topicIds, check, problems);
  for (const t of topicsUsed) usedTopics.add(t);

  for (const s of sources) if (!usedSources.has(s.id)) problems.push({ file: s.file, field: '(entry)', reason: 'source is never used by any claim, article or other source' });
  for (const t of topics) if (!usedTopics.has(t.id)) problems.push({ file: t.file, field: '(entry)', reason: 'topic is never used by any claim or article' });

  return { problems, articles, claims, sources, topics, events, redirects };
}
