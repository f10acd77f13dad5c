import type { APIRoute } from 'astro';
import { getLedger } from '../../lib/model/ledger';
import { eventsExport } from '../../lib/exports/api';

/** /api/events.json: see src/schemas/api.ts for its shape. */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify(eventsExport(getLedger()), null, 1), { headers: { 'Content-Type': 'application/json' } });
