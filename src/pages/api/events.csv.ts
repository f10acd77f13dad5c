import type { APIRoute } from 'astro';
import { getLedger } from '../../lib/ledger';
import { datasetCsv } from '../../lib/datasets';

/** /api/events.csv: columns and types in /api/datapackage.json (src/lib/datasets.ts). */
export const GET: APIRoute = async () => new Response(datasetCsv(getLedger(), 'events'), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
