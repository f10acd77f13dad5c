import { stringify } from 'csv-stringify/sync';
import type { DateSpec } from '../../schemas/common';
import type { Claim, FigureItem, Ledger } from '../model/ledger';
import { dateSpecPrecision } from '../model/dates';
import { attributionChain } from '../model/evidence';
import type { LedgerEvent } from '../model/events';
import { SITE_NAME, SITE_SUBJECT } from '../site';
import { plural } from '../plural';
import { absolute, claimUrl, eventUrl, homeUrl } from '../urls';

// The CSV exports and their Frictionless Data descriptor are generated from one list of columns,
// so the files and `datapackage.json` cannot disagree about names, order or types.

/** A Frictionless Table Schema field type used here. */
export type FieldType = 'string' | 'integer' | 'number' | 'boolean';
type Cell = string | number | boolean | null;

/** One column: its name, type, meaning and how to read it from a row. */
interface Column<T> {
  name: string;
  type: FieldType;
  description: string;
  /** A regular expression every non-empty value matches (for dates of varying precision). */
  pattern?: string;
  required?: boolean;
  get: (row: T) => Cell;
}
/** One CSV file: its rows and columns, and how it links to the others. */
interface Dataset<T> {
  name: string;
  title: string;
  rows: (ledger: Ledger) => T[];
  columns: Column<T>[];
  primaryKey: string[];
  foreignKeys?: { fields: string; reference: { resource: string; fields: string } }[];
}

/**
 * A date as the content gives it (src/lib/model/dates.ts): a point of any precision ("2022", "2022-09",
 * "2022-09-21"), an interval ("2022-06/2022-07") or a bound open at one end ("2024-05-31/..", "../2023-05").
 */
const DATE_PATTERN =
  '^([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?|\\.\\./[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?|[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?/([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?|\\.\\.))$';
const LIST = '; ';
const dateColumns = <T>(prefix: string, what: string, pick: (row: T) => DateSpec | undefined): Column<T>[] => [
  {
    name: prefix === 'date' ? 'date' : `${prefix}_date`,
    type: 'string',
    pattern: DATE_PATTERN,
    description: `${what}, at the precision the text supports: a point (YYYY, YYYY-MM or YYYY-MM-DD), an interval (2022-06/2022-07) or a bound open at one end (2024-05-31/.. no earlier than, ../2023-05 no later than); empty when not given`,
    get: (r) => pick(r)?.date ?? null,
  },
  {
    name: `${prefix}_precision`,
    type: 'string',
    description: `Precision of ${prefix}_date: year, month or day (of an interval or bound, that of its first given end)`,
    // As the JSON exports give it: one rule for both (dateSpecPrecision).
    get: (r) => (pick(r) ? dateSpecPrecision(pick(r)!.date) : null),
  },
  {
    name: `${prefix}_basis`,
    type: 'string',
    description: `stated (the text gives it) or inferred (worked out; see the claim page)`,
    get: (r) => pick(r)?.basis ?? null,
  },
];

const claims: Dataset<Claim> = {
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

type FigureRow = FigureItem & { index: number };
const figures: Dataset<FigureRow> = {
  name: 'figures',
  title: 'Figures',
  rows: (l) => l.claims.flatMap((claim) => claim.data.figures.map((figure, i) => ({ figure, claim, index: i + 1 }))),
  primaryKey: ['claim_id', 'figure'],
  foreignKeys: [{ fields: 'claim_id', reference: { resource: 'claims', fields: 'id' } }],
  columns: [
    {
      name: 'claim_id',
      type: 'string',
      required: true,
      description: 'The claim that gives the number',
      get: (r) => r.claim.id,
    },
    {
      name: 'figure',
      type: 'integer',
      required: true,
      description: "1-based position among the claim's figures",
      get: (r) => r.index,
    },
    {
      name: 'value',
      type: 'number',
      required: true,
      description: 'The number (the lower bound of a range)',
      get: (r) => r.figure.value,
    },
    {
      name: 'upper',
      type: 'number',
      description: 'Upper bound of a range; empty for a single number',
      get: (r) => r.figure.upper ?? null,
    },
    {
      name: 'approx',
      type: 'string',
      required: true,
      description: 'exact, about, at least, more than or up to',
      get: (r) => r.figure.approx,
    },
    {
      name: 'unit',
      type: 'string',
      required: true,
      description: 'Unit, as the text gives it',
      get: (r) => r.figure.unit,
    },
    { name: 'counts', type: 'string', required: true, description: 'What is counted', get: (r) => r.figure.counts },
    ...dateColumns<FigureRow>('as_of', 'The date the number is as of', (r) => r.figure.asOf),
    {
      name: 'claimant_id',
      type: 'string',
      required: true,
      description: 'Source id of who gives the number',
      get: (r) => r.claim.claimant.id,
    },
  ],
};

const events: Dataset<LedgerEvent> = {
  name: 'events',
  title: 'Events',
  rows: (l) => l.events,
  primaryKey: ['id'],
  columns: [
    { name: 'id', type: 'string', required: true, description: 'Permanent event id (kebab-case)', get: (e) => e.id },
    {
      name: 'url',
      type: 'string',
      required: true,
      description: "The event's page",
      get: (e) => absolute(eventUrl(e.id)),
    },
    { name: 'name', type: 'string', required: true, description: 'Name', get: (e) => e.data.name },
    { name: 'summary', type: 'string', required: true, description: 'One-line summary', get: (e) => e.data.summary },
    ...dateColumns<LedgerEvent>('date', 'When the event happened', (e) => e.data.date),
    {
      name: 'topics',
      type: 'string',
      description: `Topic ids separated by "${LIST}"`,
      get: (e) => e.data.topics.join(LIST),
    },
    {
      name: 'claims',
      type: 'string',
      required: true,
      description: `Ids of the claims that tell it, separated by "${LIST}"`,
      get: (e) => e.claims.map((c) => c.id).join(LIST),
    },
    {
      name: 'report_count',
      type: 'integer',
      required: true,
      description: 'Reports that tell it',
      get: (e) => e.tellings.length,
    },
    {
      name: 'origins',
      type: 'string',
      required: true,
      description: `Origins of its claims (source:<id> or report:<id>), separated by "${LIST}"`,
      get: (e) => e.evidence.origins.map((o) => o.origin.key).join(LIST),
    },
    {
      name: 'origin_count',
      type: 'integer',
      required: true,
      description: 'Origins its claims trace to that are shown independent (telling one event is not corroboration)',
      get: (e) => e.evidence.independent,
    },
    {
      name: 'disputed',
      type: 'boolean',
      required: true,
      description: 'Whether any of its claims is denied or contradicted',
      get: (e) => e.evidence.disputedBy.length > 0,
    },
    {
      name: 'difference_count',
      type: 'integer',
      required: true,
      description: "Computed differences between the reports' tellings",
      get: (e) => e.differences.length,
    },
  ],
};

/** The CSV datasets, by file name. */
export const DATASETS = { claims, figures, events } as const;
/** A dataset's name. */
export type DatasetName = keyof typeof DATASETS;

// A cell a spreadsheet would run as a formula is made inert with a leading apostrophe, the
// usual defence (OWASP "CSV injection"); text fields only, so numbers stay numbers.
const FORMULA = /^[=+\-@\t\r]/;
const inert = (v: Cell, type: FieldType): string => {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const s = String(v);
  return type === 'string' && FORMULA.test(s) ? `'${s}` : s;
};

/** A dataset as CSV (RFC 4180, UTF-8, a header row, `\r\n` line ends). */
export function datasetCsv(ledger: Ledger, name: DatasetName): string {
  const d = DATASETS[name] as Dataset<unknown>;
  const rows = d.rows(ledger).map((r) => d.columns.map((c) => inert(c.get(r), c.type)));
  return stringify([d.columns.map((c) => c.name), ...rows], { record_delimiter: 'windows' });
}

/** The data licence offered with the exports (see `datapackage.json`). */
export const DATA_LICENCE = {
  name: 'CC-BY-SA-4.0',
  path: 'https://creativecommons.org/licenses/by-sa/4.0/',
  title: 'Creative Commons Attribution-ShareAlike 4.0',
};

/** The Frictionless Data Package descriptor of the CSV exports. */
export function dataPackage(reports: number) {
  return {
    profile: 'tabular-data-package',
    name: 'claim-ledger',
    title: `${SITE_NAME}: claims, figures and events`,
    // Nothing here names a report: a report's own licence, and whether its source is inferred,
    // is on its page and in articles.json.
    description: `Claims extracted from ${plural(reports, 'news report')} on ${SITE_SUBJECT}, the figures they give and the events they tell, with computed origins and evidence. Quotes are short excerpts, each linked to its report; a report that carries a licence of its own says so on its page and in articles.json, with whether its source is inferred. The package is offered under CC BY-SA 4.0. A text cell that would start a spreadsheet formula is prefixed with an apostrophe.`,
    homepage: absolute(homeUrl()),
    licenses: [DATA_LICENCE],
    resources: Object.values(DATASETS).map((d) => {
      const ds = d as Dataset<unknown>;
      return {
        profile: 'tabular-data-resource',
        name: ds.name,
        title: ds.title,
        path: `${ds.name}.csv`,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
        schema: {
          fields: ds.columns.map((c) => ({
            name: c.name,
            type: c.type,
            description: c.description,
            ...(c.type === 'boolean' ? { trueValues: ['true'], falseValues: ['false'] } : {}),
            ...(c.required || c.pattern
              ? {
                  constraints: {
                    ...(c.required ? { required: true } : {}),
                    ...(c.pattern ? { pattern: c.pattern } : {}),
                  },
                }
              : {}),
          })),
          missingValues: [''],
          primaryKey: ds.primaryKey,
          ...(ds.foreignKeys ? { foreignKeys: ds.foreignKeys } : {}),
        },
      };
    }),
  };
}
