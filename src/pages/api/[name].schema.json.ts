import type { APIRoute } from 'astro';
import { apiJsonSchema } from '../../lib/exports/api-schemas';
import { API_NAMES, type ApiName } from '../../lib/urls';

/** /api/<name>.schema.json: the JSON Schema of each JSON export, written beside it. */
export function getStaticPaths() {
  return API_NAMES.map((name) => ({ params: { name } }));
}

export const GET: APIRoute = async ({ params }) =>
  new Response(JSON.stringify(apiJsonSchema(params['name'] as ApiName), null, 1), {
    headers: { 'Content-Type': 'application/schema+json' },
  });
