import type { APIRoute } from 'astro';
import { getLedger } from '../../lib/model/ledger';
import { sourcesExport } from '../../lib/exports/api';

/** /api/sources.json: see src/schemas/api.ts for its shape. */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify(sourcesExport(getLedger()), null, 1), {
    headers: { 'Content-Type': 'application/json' },
  });
