import type { Claim } from '../../model/ledger';
import { attributionChain } from '../../model/evidence';
import { absolute, claimUrl } from '../../urls';
import { dateColumns, LIST, type Dataset } from './columns';

/** The claims dataset (claims.csv): one row per claim. */
export const claims: Dataset<Claim> = {
  name: 'claims',
  title: 'Claims',
  rows: (l) => l.claims,
  primaryKey: ['id'],
  columns: [
    { name: 'id', type: 'string', required: true, description: 'Permanent claim id (kebab-case)', get: (c) => c.id },
    {
      name: 'url',
      type: 'string',
      required: true,
      description: "The claim's page",
      get: (c) => absolute(claimUrl(c.id)),
    },
    {
      name: 'article_id',
      type: 'string',
      required: true,
      description: 'Id of the report the claim is from',
      get: (c) => c.article.id,
    },
    {
      name: 'position',
      type: 'integer',
      required: true,
      description: "1-based position of the claim in its report's text",
      get: (c) => c.number,
    },
    {
      name: 'quote',
      type: 'string',
      required: true,
      description: 'The exact words of the report',
      get: (c) => c.data.quote,
    },
    {
      name: 'statement',
      type: 'string',
      required: true,
      description: 'Neutral one-sentence paraphrase',
      get: (c) => c.data.statement,
    },
    {
      name: 'kind',
      type: 'string',
      required: true,
      description: 'event, figure, assessment, forecast, denial, quote or description',
      get: (c) => c.data.kind,
    },
    {
      name: 'hedge',
      type: 'string',
      required: true,
      description: 'How the claim is hedged, as worded',
      get: (c) => c.data.hedge,
    },
    {
      name: 'claimant_id',
      type: 'string',
      required: true,
      description: 'Source id of who asserts it (the-report: the report in its own voice)',
      get: (c) => c.claimant.id,
    },
    {
      name: 'claimant_name',
      type: 'string',
      required: true,
      description: 'Name of the claimant',
      get: (c) => c.claimant.data.name,
    },
    {
      name: 'via',
      type: 'string',
      description: `Attribution chain from the report to the claimant, source ids separated by "${LIST}"`,
      get: (c) => c.via.map((s) => s.id).join(LIST),
    },
    {
      name: 'via_inferred',
      type: 'string',
      description: `Ids in the chain that the text does not name (an outlet inferred from the report's form or page furniture), separated by "${LIST}"`,
      get: (c) =>
        attributionChain(c)
          .filter((l) => l.inferred)
          .map((l) => l.source.id)
          .join(LIST),
    },
    ...dateColumns<Claim>('stated', 'When it was said', (c) => c.data.stated),
    ...dateColumns<Claim>('about', 'When the event it describes happened', (c) => c.data.about),
    {
      name: 'topics',
      type: 'string',
      description: `Topic ids separated by "${LIST}"`,
      get: (c) => c.topics.map((t) => t.id).join(LIST),
    },
    {
      name: 'events',
      type: 'string',
      description: `Ids of the events it tells, separated by "${LIST}"`,
      get: (c) => c.events.map((e) => e.id).join(LIST),
    },
    {
      name: 'origin',
      type: 'string',
      required: true,
      description:
        "Where its attribution chain ends: source:<id> (an unnamed group: source:<id>@<report>), or report:<id> for a report's own voice credited to no one",
      get: (c) => c.origin.key,
    },
    {
      name: 'origin_inferred',
      type: 'boolean',
      required: true,
      description: 'Whether the origin is inferred (an outlet the text does not name)',
      get: (c) => c.origin.inferred,
    },
    {
      name: 'evidence',
      type: 'string',
      required: true,
      description: 'single origin, or independent origins (with the claims that corroborate it)',
      get: (c) => c.evidence.label,
    },
    {
      name: 'origin_count',
      type: 'integer',
      required: true,
      description:
        'Origins shown independent of one another behind it and its corroborating claims (named sources the texts credit, not affiliated)',
      get: (c) => c.evidence.independent,
    },
    {
      name: 'disputed',
      type: 'boolean',
      required: true,
      description: 'Whether another claim denies or contradicts it',
      get: (c) => c.evidence.disputedBy.length > 0,
    },
    {
      name: 'disputed_by',
      type: 'string',
      description: `Ids of the claims that deny, doubt or contradict it, separated by "${LIST}"`,
      get: (c) => c.evidence.disputedBy.map((d) => d.claim.id).join(LIST),
    },
    { name: 'note', type: 'string', description: 'Editorial note', get: (c) => c.data.note ?? null },
  ],
};
