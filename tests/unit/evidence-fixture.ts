import type { ArticleData } from '../../src/schemas/article';
import type { ClaimData } from '../../src/schemas/claim';
import type { EventData } from '../../src/schemas/event';
import type { SourceData } from '../../src/schemas/source';
import { buildLedger, type Ledger } from '../../src/lib/model/ledger';
import type { ValidatedCorpus } from '../../src/lib/content/validate';

// A small corpus of plain objects, for the rules of ./evidence.test.ts: each test says only what
// its case needs (outlets, relay chains, claimants, relations, dates), the rest is filled in here.

/** A report: its outlet (id and basis) and relay chain. */
export interface FixtureArticle {
  id: string;
  outlet?: { id: string | null; basis: 'stated' | 'inferred' | 'unknown' };
  relay?: string[];
  published?: string;
}
/** A source: its kind and affiliation. */
export interface FixtureSource {
  id: string;
  kind?: SourceData['kind'];
  affiliation?: string;
}
/** A claim, with the report it is in. */
export type FixtureClaim = Partial<ClaimData> & { id: string; article: string };

const DAY = '2025-07-07';

/** Builds a ledger from the fixture, the way the site does after validation. */
export function fixtureLedger(input: {
  articles: FixtureArticle[];
  sources: FixtureSource[];
  claims: FixtureClaim[];
  events?: { id: string; data?: Partial<EventData> }[];
}): Ledger {
  const articles = input.articles.map((a) => {
    const data: ArticleData = {
      title: `Report ${a.id}`,
      outlet: { id: null, basis: 'unknown', note: 'fixture', ...a.outlet },
      published: { date: a.published ?? DAY, basis: 'stated' },
      relay: { chain: a.relay ?? [], note: 'fixture' },
      provenance: { seed: 'x.txt', omitted: [], normalised: [] },
      topics: ['t'],
      summary: 'fixture',
    };
    return { id: a.id, file: `articles/${a.id}.md`, data, body: '', blocks: [] };
  });
  const sources = [{ id: 'the-report', kind: 'media outlet' as const }, ...input.sources].map((s) => ({
    id: s.id,
    file: `sources/${s.id}.yaml`,
    data: {
      name: s.id === 'the-report' ? 'The report itself' : s.id.toUpperCase(),
      kind: s.kind ?? 'person',
      description: 'd',
      aliases: [],
      evidence: [],
      ...(s.affiliation ? { affiliation: s.affiliation } : {}),
    },
  }));
  const claims = input.claims.map((c, i) => {
    const { article, ...rest } = c;
    const data: ClaimData = {
      events: [],
      quote: `quote ${c.id}`,
      statement: `Statement ${c.id}.`,
      kind: 'assessment',
      claimant: 'the-report',
      via: [],
      hedge: 'asserted',
      topics: ['t'],
      figures: [],
      relations: [],
      notFigures: [],
      exemptions: [],
      corrections: [],
      ...rest,
    };
    return {
      article,
      file: `claims/${article}.yaml`,
      data,
      location: undefined,
      context: { before: '', after: '', block: 0, start: 0 },
      number: i + 1,
    };
  });
  const events = (input.events ?? []).map((e) => ({
    id: e.id,
    file: `events/${e.id}.yaml`,
    data: {
      name: e.id,
      summary: 's',
      date: { date: '2025', basis: 'stated' as const },
      topics: ['t'],
      measures: [],
      ...e.data,
    } as EventData,
  }));
  const corpus: ValidatedCorpus = {
    problems: [],
    articles,
    claims,
    sources,
    topics: [{ id: 't', file: 'topics/t.yaml', data: { name: 'T', description: 'd' } as never }],
    events,
    redirects: [],
    permalinks: [],
  };
  return buildLedger(corpus);
}
