import type { APIRoute } from 'astro';
import { getLedger } from '../../lib/model/ledger';
import { topicsExport } from '../../lib/exports/api';

/** /api/topics.json: see src/schemas/api.ts for its shape. */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify(topicsExport(getLedger()), null, 1), { headers: { 'Content-Type': 'application/json' } });
