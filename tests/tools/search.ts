import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';

interface PagefindModule {
  options(o: { basePath: string }): Promise<void>;
  search(q: string): Promise<{ results: { data(): Promise<{ url: string }> }[] } | null>;
  destroy(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

/**
 * Runs a query through a built site's pagefind index the way the search page does: pagefind's own
 * client (`<dist>/pagefind/pagefind.js`), its index files fetched over HTTP from a throwaway local
 * server. Returns the paths of the pages found, best first.
 */
export async function searchBuiltSite(dist: string, query: string): Promise<string[]> {
  const root = join(dist, 'pagefind');
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^\/+/, '');
    readFile(join(dist, path)).then(
      (body) => res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    // A fresh module instance per call (the query string), so one site's index never answers for another's.
    const pagefind = (await import(
      `${pathToFileURL(join(root, 'pagefind.js')).href}?${Date.now()}-${Math.random()}`
    )) as PagefindModule;
    await pagefind.options({ basePath: `http://127.0.0.1:${port}/pagefind/` });
    const found = await pagefind.search(query);
    const urls = await Promise.all(
      (found?.results ?? []).map(async (r) => new URL((await r.data()).url, `http://127.0.0.1:${port}/`).pathname),
    );
    await pagefind.destroy();
    return urls;
  } finally {
    server.close();
  }
}
