// Appends every claim URL the built site publishes to permalinks.txt, the list of every claim URL
// ever published. Lines are only ever added, never removed: a URL that disappears must get a
// redirect (content/redirects.yaml), and the durability test enforces it.
// Usage: npm run build && npm run permalinks
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { parsePermalinks, PERMALINKS_FILE, PERMALINKS_HEADER, publishedPermalinks } from './permalinks-list.mjs';

const existing = existsSync(PERMALINKS_FILE) ? parsePermalinks(readFileSync(PERMALINKS_FILE, 'utf8')) : [];
const known = new Set(existing);
const fresh = publishedPermalinks(JSON.parse(readFileSync('dist/api/claims.json', 'utf8')))
  .filter((u) => !known.has(u))
  .sort();
writeFileSync(PERMALINKS_FILE, `${PERMALINKS_HEADER}\n${[...existing, ...fresh].join('\n')}\n`);
console.log(`${PERMALINKS_FILE}: ${existing.length} kept, ${fresh.length} added`);
