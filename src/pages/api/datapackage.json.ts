import type { APIRoute } from 'astro';
import { dataPackage } from '../../lib/exports/datasets';
import { getLedger } from '../../lib/model/ledger';

/** /api/datapackage.json: the Frictionless Data Package describing the CSV exports. */
export const GET: APIRoute = () =>
  new Response(JSON.stringify(dataPackage(getLedger().articles.length), null, 1), {
    headers: { 'Content-Type': 'application/json' },
  });
