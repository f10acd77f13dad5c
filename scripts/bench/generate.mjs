// Writes a synthetic corpus that passes the real validator: N reports of about 800 words, each
// with 10 claims anchored in its text, sources and topics that are all used, relations
// across reports, and an event per 5 reports told by two claims of each (with a measure that
// compares two reports' figures). Deterministic: the same N always gives the same files.
// Usage: node scripts/bench/generate.mjs <dir> <reports>
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

// A vocabulary of a few thousand made-up words drawn with a skewed (roughly Zipfian) frequency,
// so that, as in real reports, common words are everywhere and most words are rare. A tiny
// vocabulary would put every word on every page and make every search match the whole site.
const SYLLABLES = 'ka lo mi ne ru sa to vi de ba po ri mu le zo ga fi tu ne ko'.split(' ');
const VOCABULARY = Array.from({ length: 4000 }, (_, i) => {
  let w = '';
  for (let n = i + 7; n > 0; n = Math.floor(n / SYLLABLES.length)) w += SYLLABLES[n % SYLLABLES.length];
  return w;
});
/** A word of rank about `r^3 * size`: low ranks (common words) far more often than high ones. */
const wordAt = (/** @type {number} */ r) => /** @type {string} */ (VOCABULARY[Math.floor(r ** 3 * VOCABULARY.length)]);
/** Words of middling frequency, good test queries: each appears on some pages, not all. */
export const QUERY_WORDS = [300, 450, 600, 800, 1000].map((i) => VOCABULARY[i]);
const CLAIMS = 10;
/** Reports per event: each event is told by claims 0 and 1 of this many consecutive reports. */
const EVENT_SPAN = 5;

/** A small deterministic generator (mulberry32), so runs are comparable. */
function rng(/** @type {number} */ seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (/** @type {number} */ n, w = 5) => String(n).padStart(w, '0');
const dateOf = (/** @type {number} */ i) =>
  new Date(Date.UTC(2020, 0, 1) + (i % 1500) * 86400000).toISOString().slice(0, 10);

/**
 * Writes a synthetic corpus of `reports` reports into `dir` (emptied first: by `discard`, which
 * deletes it unless the caller moves it aside, as the benchmark does, ./set-aside.mjs).
 * @param {string} dir
 * @param {number} reports
 * @param {(dir: string) => void} [discard]
 */
export function generate(dir, reports, discard = (d) => rmSync(d, { recursive: true, force: true })) {
  // Small corpora get smaller pools, so that every source and topic is used (the validator insists).
  const SOURCES = Math.min(200, reports * CLAIMS);
  const TOPICS = Math.min(12, reports + CLAIMS - 1);
  discard(dir);
  for (const d of ['articles', 'claims', 'sources', 'topics', 'events', 'received'])
    mkdirSync(join(dir, d), { recursive: true });
  for (let t = 0; t < TOPICS; t++)
    writeFileSync(join(dir, 'topics', `topic-${t}.yaml`), `name: "Topic ${t}"\ndescription: "Synthetic topic ${t}."\n`);
  for (let s = 0; s < SOURCES; s++)
    writeFileSync(
      join(dir, 'sources', `source-${pad(s, 3)}.yaml`),
      // Every source records a sentence of a report (an editorial check); the first report's first quote begins so.
      `name: "Source ${s}"\nkind: ${s % 3 ? 'person' : 'organization'}\ndescription: "Synthetic source ${s}."\nevidence:\n  - { article: report-${pad(0)}, quote: "Officials in district 0-0 said" }\n`,
    );
  for (let k = 0; k * EVENT_SPAN < reports; k++) {
    const first = k * EVENT_SPAN;
    // Claim 0 of each report is a figure: the first two reports' figures count the same thing.
    const measures =
      first + 1 < reports
        ? `measures:\n  - label: "synthetic count"\n    figures:\n      - { claim: r${pad(first)}-c0 }\n      - { claim: r${pad(first + 1)}-c0 }\n`
        : '';
    writeFileSync(
      join(dir, 'events', `event-${pad(k)}.yaml`),
      `name: "Synthetic event ${k}"\nsummary: "Told by reports ${first} to ${Math.min(reports, first + EVENT_SPAN) - 1}."\ndate: { date: "${dateOf(first)}", basis: stated }\ntopics: [topic-${k % TOPICS}]\n${measures}`,
    );
  }
  for (let i = 0; i < reports; i++) {
    const rand = rng(i + 1);
    const sentence = (/** @type {number} */ n) => {
      const w = Array.from({ length: n }, () => wordAt(rand()));
      const first = /** @type {string} */ (w[0]);
      return `${first.charAt(0).toUpperCase()}${first.slice(1)} ${w.slice(1).join(' ')}.`;
    };
    const id = `report-${pad(i)}`;
    const date = dateOf(i);
    const paragraphs = [];
    const claims = [];
    for (let c = 0; c < CLAIMS; c++) {
      const count = Math.floor(rand() * 90000) + 1000;
      const quote = `Officials in district ${i}-${c} said ${count} people were counted in the ${wordAt(rand())} records.`;
      // Every number in a quote is a figure or marked as not one (an editorial check).
      const notFigures = [...new Set([i, c, count].map(String))]
        .map((n) => `{ number: "${n}", reason: "synthetic" }`)
        .join(', ');
      paragraphs.push([sentence(14), quote, sentence(16), sentence(18), sentence(12)].join(' '));
      const topic = `topic-${(i + c) % TOPICS}`;
      const claimant = `source-${pad((i * CLAIMS + c) % SOURCES, 3)}`;
      // A chain never names the claimant itself (the validator refuses it).
      const relay = `source-${pad((i + c + 7) % SOURCES, 3)}`;
      const via = c % 2 && relay !== claimant ? `\n    via: [${relay}]` : '';
      const relation =
        i > 0 && c < 3
          ? `\n    relations:\n      - { claim: r${pad(i - 1)}-c${c}, type: corroborates, note: "Synthetic relation to the previous report." }`
          : '';
      const events = c < 2 ? `\n    events: [event-${pad(Math.floor(i / EVENT_SPAN))}]` : '';
      claims.push(
        `  - id: r${pad(i)}-c${c}${events}\n    quote: >-\n      ${quote}\n    statement: "Synthetic claim ${c} of report ${i}."\n    kind: ${c % 4 ? 'event' : 'figure'}\n    claimant: ${claimant}${via}\n    hedge: asserted\n    stated: { date: "${date}", basis: stated }\n    topics: [${topic}]\n    notFigures: [${notFigures}]` +
          (c % 4
            ? ''
            : `\n    figures:\n      - { value: ${1000 + c}, unit: people, counts: "synthetic count", asOf: { date: "${date}", basis: stated } }`) +
          relation,
      );
    }
    const topics = [...new Set(Array.from({ length: CLAIMS }, (_, c) => `topic-${(i + c) % TOPICS}`))];
    writeFileSync(
      join(dir, 'articles', `${id}.md`),
      `---\ntitle: "Synthetic report ${i}"\noutlet:\n  id: null\n  basis: unknown\n  note: "Synthetic."\npublished:\n  date: "${date}"\n  basis: stated\nprovenance:\n  seed: "synthetic_${pad(i)}.txt"\n  omitted: []\n  normalised: []\ntopics: [${topics.join(', ')}]\nsummary: "Synthetic report ${i} for the benchmark."\n---\n\n${paragraphs.join('\n\n')}\n`,
    );
    writeFileSync(join(dir, 'claims', `${id}.yaml`), `article: ${id}\nclaims:\n${claims.join('\n')}\n`);
    // The text as received, which the validator checks each body against: the body's lines.
    writeFileSync(
      join(dir, 'received', `${id}.txt`),
      `${paragraphs.map((p) => p.replace(/^#{1,6}\s+/, '')).join('\n')}\n`,
    );
  }
}

/**
 * Writes a `permalinks.txt` that lists nothing beside a generated content folder, unless one is
 * there: the validator refuses a corpus without one, and a synthetic corpus was never published.
 * @param {string} dir the content folder
 */
export function writeUnpublishedPermalinks(dir) {
  const file = join(dirname(dir), 'permalinks.txt');
  if (!existsSync(file))
    writeFileSync(file, '# Every claim and event URL ever published: none, for a synthetic corpus.\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, n] = process.argv.slice(2);
  if (!dir || !n) throw new Error('usage: node scripts/bench/generate.mjs <folder> <number of reports>');
  generate(dir, Number(n));
  writeUnpublishedPermalinks(dir);
  console.log(`wrote ${n} reports to ${dir}`);
}
