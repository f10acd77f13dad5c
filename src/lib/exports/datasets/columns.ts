import type { DateSpec } from '../../../schemas/common';
import { dateSpecPrecision } from '../../model/dates';
import type { Ledger } from '../../model/ledger';

// What a CSV dataset is made of: its columns, each with a name, a type, a meaning and how to read
// it from a row. The files and `datapackage.json` are both made from these lists
// (./index.ts), so they cannot disagree about names, order or types.

/** A Frictionless Table Schema field type used here. */
export type FieldType = 'string' | 'integer' | 'number' | 'boolean';
export type Cell = string | number | boolean | null;

/** One column: its name, type, meaning and how to read it from a row. */
export interface Column<T> {
  name: string;
  type: FieldType;
  description: string;
  /** A regular expression every non-empty value matches (for dates of varying precision). */
  pattern?: string;
  required?: boolean;
  get: (row: T) => Cell;
}
/** One CSV file: its rows and columns, and how it links to the others. */
export interface Dataset<T> {
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
export const DATE_PATTERN =
  '^([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?|\\.\\./[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?|[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?/([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?|\\.\\.))$';
/** How a cell joins a list of values. */
export const LIST = '; ';
/** The three columns of a date: the date as the content gives it, its precision and its basis. */
export const dateColumns = <T>(prefix: string, what: string, pick: (row: T) => DateSpec | undefined): Column<T>[] => [
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
