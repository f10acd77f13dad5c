import { stringify } from 'csv-stringify/sync';
import type { Ledger } from '../../model/ledger';
import { plural } from '../../plural';
import { SITE_NAME, SITE_SUBJECT } from '../../site';
import { absolute, homeUrl } from '../../urls';
import { claims } from './claims';
import type { Cell, Dataset, FieldType } from './columns';
import { events } from './events';
import { figures } from './figures';

// The CSV exports and their Frictionless Data descriptor are generated from one list of columns
// per dataset (./claims.ts, ./figures.ts, ./events.ts), so the files and `datapackage.json` cannot
// disagree about names, order or types.

export type { FieldType } from './columns';

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
