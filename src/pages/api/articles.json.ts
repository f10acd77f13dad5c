import type { APIRoute } from 'astro';
import { getLedger } from '../../lib/model/ledger';
import { articlesExport } from '../../lib/exports/api';

/** /api/articles.json: see src/schemas/api.ts for its shape. */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify(articlesExport(getLedger()), null, 1), {
    headers: { 'Content-Type': 'application/json' },
  });
