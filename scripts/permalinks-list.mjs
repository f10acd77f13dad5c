// permalinks.txt, the list of every claim URL ever published, as read and computed by both
// `npm run permalinks` (scripts/update-permalinks.mjs) and the durability test
// (tests/site/permalinks.test.ts), so the two cannot disagree about what a line is.

/** @typedef {import('astro/zod').z.infer<typeof import('../src/schemas/api').apiClaimsSchema>} ClaimsExport */

/** The file, relative to the project root. */
export const PERMALINKS_FILE = 'permalinks.txt';

/** The header line the file starts with. */
export const PERMALINKS_HEADER =
  '# Every claim URL ever published, with the day (UTC) it was first published. Append-only: run `npm run permalinks` after adding claims.';

/**
 * The URLs listed in the file's text: one `<url> <first-published day>` a line; blank lines and
 * `#` comments skipped. The build reads the days (src/lib/permalinks.ts) to date the feed.
 * @param {string} text
 * @returns {string[]}
 */
export function parsePermalinks(text) {
  return text
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split(' ')[0] ?? l);
}

/**
 * The site paths a build publishes for each claim, from its `/api/claims.json`: the claim page
 * (`/claims/<id>/`) and its anchor in the report (`/articles/<report>/#<id>`).
 * @param {Pick<ClaimsExport, 'claims'>} data
 * @returns {string[]}
 */
export function publishedPermalinks(data) {
  return data.claims.flatMap((c) => {
    const anchor = new URL(c.article.anchorUrl);
    return [new URL(c.url).pathname, anchor.pathname + anchor.hash];
  });
}
