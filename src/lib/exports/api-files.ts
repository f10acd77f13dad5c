import type { Ledger } from '../model/ledger';
import { API_NAMES, apiSchemaUrl, apiUrl, csvUrl, datapackageUrl, type ApiName } from '../urls';
import { apiJsonSchema } from './api-schemas';
import { articlesExport, claimsExport, eventsExport, sourcesExport, topicsExport } from './api';
import { dataPackage, datasetCsv } from './datasets';

/** One data file under `/api/`: where it is published, its media type, and its text. */
export interface ApiFile {
  /** The site path (base included), from src/lib/urls.ts. */
  readonly url: string;
  /** The `Content-Type` the dev server sends (a static host derives it from the name). */
  readonly type: string;
  /** The file's text, built from the ledger. */
  readonly text: (ledger: Ledger) => string;
}

const JSON_TYPE = 'application/json';
const CSV_TYPE = 'text/csv; charset=utf-8';
// One space of indentation: readable when opened, a fraction of the size of two.
const json = (value: unknown): string => JSON.stringify(value, null, 1);

const EXPORTS: Record<ApiName, (ledger: Ledger) => unknown> = {
  claims: claimsExport,
  articles: articlesExport,
  sources: sourcesExport,
  topics: topicsExport,
  events: eventsExport,
};

/**
 * Every file under `/api/`: the JSON exports with their JSON Schemas, the CSV datasets and their
 * data package. They are data, not pages: a build writes them after Astro's pages
 * (src/integrations/api-files.ts), the dev server serves them through one route
 * (src/integrations/api-files-route.ts), both from this list.
 */
export const API_FILES: readonly ApiFile[] = [
  ...API_NAMES.flatMap((name): ApiFile[] => [
    { url: apiUrl(name), type: JSON_TYPE, text: (ledger) => json(EXPORTS[name](ledger)) },
    { url: apiSchemaUrl(name), type: 'application/schema+json', text: () => json(apiJsonSchema(name)) },
  ]),
  ...(['claims', 'figures', 'events'] as const).map((name): ApiFile => ({
    url: csvUrl(name),
    type: CSV_TYPE,
    text: (ledger) => datasetCsv(ledger, name),
  })),
  { url: datapackageUrl(), type: JSON_TYPE, text: (ledger) => json(dataPackage(ledger.articles.length)) },
];
