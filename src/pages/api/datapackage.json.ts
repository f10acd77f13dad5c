import type { APIRoute } from 'astro';
import { dataPackage } from '../../lib/exports/datasets';

/** /api/datapackage.json: the Frictionless Data Package describing the CSV exports. */
export const GET: APIRoute = () => new Response(JSON.stringify(dataPackage(), null, 1), { headers: { 'Content-Type': 'application/json' } });
