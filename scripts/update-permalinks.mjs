// Appends every claim and event URL the built site publishes to permalinks.txt, the list of every
// claim and event URL ever published, each with the day (UTC) it was first listed: the RSS feed dates a claim by it,
// so the date is written once here and builds stay reproducible. Lines are only ever added, never
// removed or re-dated: a URL that disappears must get a redirect (content/redirects.yaml), and the
// durability test enforces it.
// Usage: npm run build && npm run permalinks
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { parsePermalinks, PERMALINKS_FILE, PERMALINKS_HEADER, publishedPermalinks } from './permalinks-list.mjs';

const text = existsSync(PERMALINKS_FILE) ? readFileSync(PERMALINKS_FILE, 'utf8') : '';
// Existing lines are kept as they are, dates included: a URL is dated once, when first listed.
const existing = text.split('\n').filter((l) => l && !l.startsWith('#'));
const known = new Set(parsePermalinks(text));
const today = new Date().toISOString().slice(0, 10);
const read = (/** @type {string} */ file) => JSON.parse(readFileSync(file, 'utf8'));
const fresh = publishedPermalinks(read('dist/api/claims.json'), read('dist/api/events.json'))
  .filter((u) => !known.has(u))
  .sort()
  .map((u) => `${u} ${today}`);
writeFileSync(PERMALINKS_FILE, `${PERMALINKS_HEADER}\n${[...existing, ...fresh].join('\n')}\n`);
console.log(`${PERMALINKS_FILE}: ${existing.length} kept, ${fresh.length} added`);
