// Appends every claim URL the built site publishes to permalinks.txt, the list of every claim URL
// ever published, each with the day (UTC) it was first listed: the RSS feed dates a claim by it,
// so the date is written once here and builds stay reproducible. Lines are only ever added, never
// removed or re-dated: a URL that disappears must get a redirect (content/redirects.yaml), and the
// durability test enforces it.
// Usage: npm run build && npm run permalinks
import { readFileSync, writeFileSync, existsSync } from 'node:fs';

const FILE = 'permalinks.txt';
const { claims } = JSON.parse(readFileSync('dist/api/claims.json', 'utf8'));
const existing = existsSync(FILE)
  ? readFileSync(FILE, 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
  : [];
const known = new Set(existing.map((l) => l.split(' ')[0]));
const today = new Date().toISOString().slice(0, 10);
const fresh = claims
  .flatMap((c) => [new URL(c.url).pathname, new URL(c.article.anchorUrl).pathname + new URL(c.article.anchorUrl).hash])
  .filter((u) => !known.has(u))
  .sort()
  .map((u) => `${u} ${today}`);
const header = '# Every claim URL ever published, with the day (UTC) it was first published. Append-only: run `npm run permalinks` after adding claims.\n';
writeFileSync(FILE, header + [...existing, ...fresh].join('\n') + '\n');
console.log(`permalinks.txt: ${existing.length} kept, ${fresh.length} added`);
