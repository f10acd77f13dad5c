import type { APIRoute, GetStaticPaths } from 'astro';
import { API_FILES } from '../lib/exports/api-files';
import { getLedger } from '../lib/model/ledger';

// The dev server's route for `/api/<name>.<extension>` (injected by src/integrations/api-files.ts in
// dev only, once per extension): the same files, from the same list, as a build writes.

const fileName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);
const byName = new Map(API_FILES.map((f) => [fileName(f.url), f]));

/**
 * The files whose name ends in the route's extension (`/api/[name].json` → `.json`): a pattern
 * that ends in a literal extension is served, like an endpoint file named with one, without a
 * trailing slash.
 */
export const getStaticPaths = (({ routePattern }) => {
  const ext = routePattern.slice(routePattern.lastIndexOf('.'));
  return [...byName.keys()]
    .filter((name) => name.endsWith(ext))
    .map((name) => ({ params: { name: name.slice(0, -ext.length) } }));
}) satisfies GetStaticPaths;

/** The file's text, built from the ledger as it is now. */
export const GET: APIRoute = ({ url }) => {
  const file = byName.get(fileName(url.pathname));
  if (!file) return new Response(null, { status: 404 });
  return new Response(file.text(getLedger()), { headers: { 'Content-Type': file.type } });
};
