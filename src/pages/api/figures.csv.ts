import type { APIRoute } from 'astro';
import { getLedger } from '../../lib/model/ledger';
import { datasetCsv } from '../../lib/exports/datasets';

/** /api/figures.csv: columns and types in /api/datapackage.json (src/lib/exports/datasets.ts). */
export const GET: APIRoute = async () =>
  new Response(datasetCsv(getLedger(), 'figures'), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
