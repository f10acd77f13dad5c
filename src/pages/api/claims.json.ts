import type { APIRoute } from 'astro';
import { getLedger } from '../../lib/model/ledger';
import { claimsExport } from '../../lib/exports/api';

/** /api/claims.json: see src/schemas/api.ts for its shape. */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify(claimsExport(getLedger()), null, 1), { headers: { 'Content-Type': 'application/json' } });
