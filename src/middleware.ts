import { defineMiddleware } from 'astro:middleware';
import { currentSearchIndex, indexPage } from './lib/search-index';

/**
 * During a production build, passes each rendered HTML page to the search index as it is made
 * (see `lib/search-index.ts`). In `astro dev` and `astro preview` there is no index and the
 * response goes out untouched.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const session = currentSearchIndex();
  if (!session || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await response.text();
  indexPage(session, context.url.pathname, html);
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
