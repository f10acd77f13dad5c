// permalinks.txt, the list of every claim and event URL ever published, as read and computed by both
// `npm run permalinks` (scripts/update-permalinks.mjs) and the durability test
// (tests/site/permalinks.test.ts), so those two cannot disagree about what a line is. The file has
// two other readers of its own: src/lib/permalinks.ts (the feed's first-published days) and the
// validator (src/lib/content/read.ts, checked in phases/permalinks.ts).

/** @typedef {import('astro/zod').z.infer<typeof import('../src/schemas/api').apiClaimsSchema>} ClaimsExport */
/** @typedef {import('astro/zod').z.infer<typeof import('../src/schemas/api').apiEventsSchema>} EventsExport */

/** The file, relative to the project root. */
export const PERMALINKS_FILE = 'permalinks.txt';

/** The header line the file starts with. */
export const PERMALINKS_HEADER =
  '# Every claim and event URL ever published, with the day (UTC) it was first published. Append-only: run `npm run permalinks` after adding claims or events.';

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
 * (`/claims/<id>/`) and its anchor in the report (`/articles/<report>/#<id>`); and, from its
 * `/api/events.json`, each event's page (`/events/<id>/`): an event id, once published, stays.
 * @param {Pick<ClaimsExport, 'claims'>} data
 * @param {Pick<EventsExport, 'events'>} [events]
 * @returns {string[]}
 */
export function publishedPermalinks(data, events) {
  const claims = data.claims.flatMap((c) => {
    const anchor = new URL(c.article.anchorUrl);
    return [new URL(c.url).pathname, anchor.pathname + anchor.hash];
  });
  return [...claims, ...(events?.events ?? []).map((e) => new URL(e.url).pathname)];
}
