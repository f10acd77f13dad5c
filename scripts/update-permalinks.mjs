// Appends every claim URL the built site publishes to permalinks.txt, the list of every claim URL
// ever published. Lines are only ever added, never removed: a URL that disappears must get a
// redirect (content/redirects.yaml), and the durability test enforces it.
// Usage: npm run build && npm run permalinks
import { readFileSync, writeFileSync, existsSync } from 'node:fs';

const FILE = 'permalinks.txt';
const { claims } = JSON.parse(readFileSync('dist/api/claims.json', 'utf8'));
// Event pages are permanent too: an event id, once published, stays (or is redirected).
const { events } = JSON.parse(readFileSync('dist/api/events.json', 'utf8'));
const existing = existsSync(FILE)
  ? readFileSync(FILE, 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
  : [];
const known = new Set(existing);
const fresh = claims
  .flatMap((c) => [new URL(c.url).pathname, new URL(c.article.anchorUrl).pathname + new URL(c.article.anchorUrl).hash])
  .concat(events.map((e) => new URL(e.url).pathname))
  .filter((u) => !known.has(u))
  .sort();
const header = '# Every claim and event URL ever published. Append-only: run `npm run permalinks` after adding claims or events.\n';
writeFileSync(FILE, header + [...existing, ...fresh].join('\n') + '\n');
console.log(`permalinks.txt: ${existing.length} kept, ${fresh.length} added`);
