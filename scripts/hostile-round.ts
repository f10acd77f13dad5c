// `node --import ./scripts/ts-hooks.mjs scripts/hostile-round.ts [--build] [case…]`: a round of
// hostile edits to the real content, each applied to a copy, validated and (with --build, for the
// edits that validate) built in one batch, then tallied: caught well (one line naming the file, the
// field and the reason), caught poorly (refused, but not in one clear line), slipped (published),
// built correct (rendered inert and shown honestly). A tool for finding gaps, not a test: the
// fixtures under tests/fixtures/bad-content pin down each rule it found.
import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCorpus } from '../src/lib/content/read';
import { formatProblem, validateCorpus } from '../src/lib/content/validate';

const ROOT = join(import.meta.dirname, '..');
const C = (root: string, ...p: string[]): string => join(root, 'content', ...p);

/** One hostile edit: what it does to a copy of the content, and how its outcome is judged. */
interface Case {
  name: string;
  /** The field or output it aims at. */
  target: string;
  apply: (root: string) => void;
  /** A refusal is "well" when it is one line matching this. */
  well: RegExp;
  /** How many lines a good refusal has (default 1). */
  lines?: number;
  /** Given the built site's text files, whether what was published is wrong (default: `marker` appears). */
  published?: (files: Map<string, string>) => boolean;
  /** Text whose presence in any output means the hostile edit was published. */
  marker?: string;
}

function edit(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`edit did not apply to ${file}: ${String(from)}`);
  writeFileSync(file, next);
}
const long = (n: number): string =>
  'Long text. '
    .repeat(Math.ceil(n / 11))
    .slice(0, n)
    .trim();
const anyHas = (files: Map<string, string>, s: string): boolean => [...files.values()].some((t) => t.includes(s));

const HWD = (r: string): string => C(r, 'claims', 'hidden-war-deaths.yaml');
const FIRST_STATEMENT = /statement: Experts say Putin/;
const cases: Case[] = [
  // Invisible and control characters, in every kind of typed field.
  {
    name: 'rlo-in-source-name',
    target: 'sources name',
    apply: (r) => edit(C(r, 'sources', 'meduza.yaml'), 'name: "Meduza"', 'name: "Me\u202Eduza"'),
    well: /meduza\.yaml: name: .*U\+202E/,
    marker: 'Me\u202Eduza',
  },
  {
    name: 'rlo-in-statement',
    target: 'claim statement',
    apply: (r) => edit(HWD(r), FIRST_STATEMENT, 'statement: Experts \u202Esay Putin'),
    well: /statement: .*U\+202E/,
    marker: '\u202Esay Putin',
  },
  {
    name: 'lri-in-topic-description',
    target: 'topic description',
    apply: (r) => edit(C(r, 'topics', 'war-losses.yaml'), 'Estimates of', 'Estimates\u2066 of'),
    well: /war-losses\.yaml: description: .*U\+2066/,
    marker: '\u2066',
  },
  {
    name: 'zwsp-in-title',
    target: 'report title',
    apply: (r) => edit(C(r, 'articles', 'hidden-war-deaths.md'), 'Putin desperate', 'Putin\u200B desperate'),
    well: /hidden-war-deaths\.md: title: .*U\+200B/,
    marker: 'Putin\u200B',
  },
  {
    name: 'zwj-in-claim-id',
    target: 'claim id',
    apply: (r) => edit(HWD(r), 'id: putin-shoring-up-peoples-front', 'id: putin-shoring\u200D-up-peoples-front'),
    well: /\.id: .*U\+200D/,
  },
  {
    name: 'nul-escape-in-event-name',
    target: 'event name',
    apply: (r) => edit(C(r, 'events', 'slabunova-letter-to-putin.yaml'), 'name: "Emilia', 'name: "\\0Emilia'),
    well: /slabunova-letter-to-putin\.yaml: name: .*U\+0000/,
    marker: '\u0000Emilia',
  },
  {
    name: 'backspace-escape-in-note',
    target: 'claim note',
    apply: (r) => edit(HWD(r), 'note: "“Experts”', 'note: "\\b\\b“Experts”'),
    well: /\.note: .*U\+0008/,
    marker: '\u0008',
  },
  {
    name: 'feff-inside-summary',
    target: 'report summary',
    apply: (r) => edit(C(r, 'articles', 'hidden-war-deaths.md'), 'summary: "Drawing', 'summary: "Draw\uFEFFing'),
    well: /summary: .*U\+FEFF/,
    marker: 'Draw\uFEFFing',
  },
  {
    name: 'c1-csi-in-correction-note',
    target: 'correction note',
    apply: (r) => edit(HWD(r), 'note: "The statement keeps “supposed', 'note: "The statement\u009B keeps “supposed'),
    well: /(corrections\[0\]\.note|line \d+): .*U\+009B/,
    marker: '\u009B',
  },
  {
    name: 'esc-in-redirect-note',
    target: 'redirect note',
    apply: (r) =>
      edit(
        C(r, 'redirects.yaml'),
        'note: "Renamed: the old address said these',
        'note: "Renamed:\\e[31m the old address said these',
      ),
    well: /redirects\.yaml: redirects\[0\].*\.note: .*U\+001B/,
    marker: '\u001B[31m',
  },
  {
    name: 'word-joiner-in-figure-unit',
    target: 'figure unit',
    apply: (r) => edit(C(r, 'claims', 'covert-mobilization-victory-day.yaml'), /unit: ([a-z]+)/, 'unit: $1\u2060'),
    well: /figures\[0\]\.unit: .*U\+2060/,
    marker: '\u2060',
  },
  {
    name: 'zwnj-in-alias',
    target: 'source alias',
    apply: (r) => edit(C(r, 'sources', 'meduza.yaml'), '"Medusa"', '"Med\u200Cusa"'),
    well: /aliases\[0\]: .*U\+200C/,
    marker: 'Med\u200Cusa',
  },
  {
    name: 'rlo-in-event-summary',
    target: 'event summary',
    apply: (r) =>
      edit(C(r, 'events', 'rosstat-mortality-data-halt.yaml'), 'summary: "Russia', 'summary: "\u202ERussia'),
    well: /summary: .*U\+202E/,
    marker: '\u202ERussia',
  },
  {
    name: 'pdi-in-outlet-note',
    target: 'outlet note',
    apply: (r) =>
      edit(
        C(r, 'articles', 'hidden-war-deaths.md'),
        'The text names no publisher',
        'The text\u2069 names no publisher',
      ),
    well: /outlet\.note: .*U\+2069/,
    marker: '\u2069 names',
  },
  {
    name: 'escaped-rlo-in-topic-name',
    target: 'topic name (YAML escape)',
    apply: (r) => edit(C(r, 'topics', 'war-losses.yaml'), 'name: "Casualties', 'name: "\\u202ECasualties'),
    well: /war-losses\.yaml: name: .*U\+202E/,
    marker: '\u202ECasualties',
  },
  {
    name: 'zwsp-in-licence-url',
    target: 'licence url',
    apply: (r) =>
      edit(
        C(r, 'articles', 'hidden-war-deaths.md'),
        'topics: [covert-mobilization, volunteer',
        'licence: { name: "CC BY", url: "https://creativecommons.org/\u200Blicenses/by/4.0/", notice: "Reused." }\ntopics: [covert-mobilization, volunteer',
      ),
    well: /licence\.url: .*U\+200B/,
    lines: 1,
    marker: '/\u200Blicenses',
  },
  // Bytes a report file can hold.
  {
    name: 'raw-nul-in-report',
    target: 'report body',
    apply: (r) => edit(C(r, 'articles', 'hidden-war-deaths.md'), 'This refers to', 'This\u0000 refers to'),
    well: /hidden-war-deaths\.md: line \d+: .*(U\+0000|NUL)/,
    marker: 'This\u0000',
  },
  {
    name: 'invalid-utf8-in-report',
    target: 'report body',
    apply: (r) => {
      const f = C(r, 'articles', 'hidden-war-deaths.md');
      const b = readFileSync(f);
      const i = b.indexOf('This refers to');
      writeFileSync(f, Buffer.concat([b.subarray(0, i), Buffer.from([0xff]), b.subarray(i)]));
    },
    well: /hidden-war-deaths\.md: line \d+: .*0xFF/,
    marker: '\uFFFDThis refers',
  },
  {
    name: 'bom-at-start-of-source',
    target: 'source file',
    apply: (r) => {
      const f = C(r, 'sources', 'meduza.yaml');
      writeFileSync(f, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(f)]));
    },
    well: /meduza\.yaml: .*byte-order mark/,
    published: (files) => anyHas(files, '\uFEFFname') || !anyHas(files, 'Meduza'),
  },
  {
    name: 'bom-at-start-of-report',
    target: 'report file',
    apply: (r) => {
      const f = C(r, 'articles', 'hidden-war-deaths.md');
      writeFileSync(f, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(f)]));
    },
    well: /hidden-war-deaths\.md: .*byte-order mark/,
    published: (files) => !anyHas(files, 'Putin desperate for more troops'),
  },
  // Symlinks.
  {
    name: 'report-symlinked-from-outside',
    target: 'articles folder',
    apply: (r) => {
      const out = join(r, 'outside.md');
      cpSync(C(r, 'articles', 'hidden-war-deaths.md'), out);
      rmSync(C(r, 'articles', 'hidden-war-deaths.md'));
      symlinkSync(out, C(r, 'articles', 'hidden-war-deaths.md'));
    },
    well: /articles\/hidden-war-deaths\.md: \(file\): .*symbolic link/,
    published: (files) => anyHas(files, 'Officials did not report demographic data'),
  },
  {
    name: 'topic-symlinked-to-system-file',
    target: 'topics folder',
    apply: (r) => symlinkSync('/etc/hostname', C(r, 'topics', 'hostname.yaml')),
    well: /topics\/hostname\.yaml: \(file\): .*symbolic link/,
    marker: readFileSync('/etc/hostname', 'utf8').trim() || 'never',
  },
  {
    name: 'events-folder-symlinked',
    target: 'events folder',
    apply: (r) => {
      cpSync(C(r, 'events'), join(r, 'ev'), { recursive: true });
      rmSync(C(r, 'events'), { recursive: true });
      symlinkSync(join(r, 'ev'), C(r, 'events'));
    },
    well: /content\/events: \(file\): .*symbolic link/,
    published: (files) => anyHas(files, 'Emilia Slabunova'),
  },
  // Corrections.
  {
    name: 'correction-before-first-publication',
    target: 'correction date',
    apply: (r) =>
      edit(
        HWD(r),
        '{ date: "2026-11-25", note: "The statement keeps “attempts',
        '{ date: "2025-08-01", note: "The statement keeps “attempts',
      ),
    well: /corrections\[0\]\.date: .*first published/,
    marker: '2025-08-01',
  },
  {
    name: 'correction-in-future',
    target: 'correction date',
    apply: (r) =>
      edit(
        HWD(r),
        '{ date: "2026-11-25", note: "The statement keeps “attempts',
        '{ date: "2098-01-01", note: "The statement keeps “attempts',
      ),
    well: /corrections\[0\]\.date: .*future/,
    marker: '2098-01-01',
  },
  {
    name: 'correction-note-of-spaces',
    target: 'correction note',
    apply: (r) =>
      edit(
        C(r, 'claims', 'covert-mobilization-victory-day.yaml'),
        /note: "Date: “at the time[^"]*"/,
        'note: "            "',
      ),
    well: /corrections\[0\]\.note: .*(blank|spaces|empty)/,
    published: (files) => anyHas(files, '            '),
  },
  {
    name: 'correction-note-of-nbsp',
    target: 'correction note',
    apply: (r) =>
      edit(
        C(r, 'claims', 'covert-mobilization-victory-day.yaml'),
        /note: "Date: speculation[^"]*"/,
        'note: "\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0"',
      ),
    well: /corrections\[0\]\.note: .*(blank|spaces|empty)/,
    marker: '\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0',
  },
  // Sizes.
  {
    name: 'statement-10000-chars',
    target: 'claim statement',
    apply: (r) => edit(HWD(r), 'statement: ISW reports that Putin', `statement: ${long(10000)} ISW reports that Putin`),
    well: /statement: .*the limit is/,
    marker: long(10000).slice(0, 5000),
  },
  {
    name: 'title-2000-chars',
    target: 'report title',
    apply: (r) => edit(C(r, 'articles', 'hidden-war-deaths.md'), 'title: "Putin', `title: "${long(2000)} Putin`),
    well: /title: .*the limit is/,
    marker: long(2000).slice(0, 1000),
  },
  {
    name: 'source-name-1000-chars',
    target: 'source name',
    apply: (r) => edit(C(r, 'sources', 'isw.yaml'), 'name: "Institute', `name: "${long(1000)} Institute`),
    well: /name: .*the limit is/,
    marker: long(1000).slice(0, 500),
  },
  {
    name: 'claim-note-20000-chars',
    target: 'claim note',
    apply: (r) => edit(HWD(r), 'note: "“People', `note: "${long(20000)} “People`),
    well: /\.note: .*the limit is/,
    marker: long(20000).slice(0, 5000),
  },
  {
    name: 'topic-description-5000-chars',
    target: 'topic description',
    apply: (r) =>
      edit(C(r, 'topics', 'war-losses.yaml'), 'description: "Estimates', `description: "${long(5000)} Estimates`),
    well: /description: .*the limit is/,
    marker: long(5000).slice(0, 3000),
  },
  {
    name: 'event-summary-5000-chars',
    target: 'event summary',
    apply: (r) =>
      edit(
        C(r, 'events', 'peskov-denies-further-mobilization.yaml'),
        'summary: "Kremlin',
        `summary: "${long(5000)} Kremlin`,
      ),
    well: /summary: .*the limit is/,
    marker: long(5000).slice(0, 3000),
  },
  {
    name: 'figure-counts-2000-chars',
    target: 'figure counts',
    apply: (r) => edit(C(r, 'claims', 'covert-mobilization-victory-day.yaml'), 'counts: "', `counts: "${long(2000)} `),
    well: /counts: .*the limit is/,
    marker: long(2000).slice(0, 1000),
  },
  {
    name: 'redirect-id-200-chars',
    target: 'redirect from (an id)',
    apply: (r) =>
      appendFileSync(
        C(r, 'redirects.yaml'),
        `  - from: old${'-x'.repeat(100)}\n    article: hidden-war-deaths\n    note: "Removed."\n`,
      ),
    well: /redirects\[2\].*\.from: .*the limit is/,
    marker: `${'-x'.repeat(100)}`,
  },
  // Duplicates.
  {
    name: 'same-report-text-twice',
    target: 'report body',
    apply: (r) => cpSync(C(r, 'articles', 'hidden-war-deaths.md'), C(r, 'articles', 'hidden-war-deaths-again.md')),
    well: /hidden-war-deaths(-again)?\.md: body: .*hidden-war-deaths(-again)?\.md/,
    published: (files) => [...files.keys()].some((k) => k.includes('hidden-war-deaths-again')),
  },
  {
    name: 'event-told-by-one-report',
    target: 'event',
    apply: (r) => {
      writeFileSync(
        C(r, 'events', 'lone-event.yaml'),
        'name: "A lone event"\nsummary: "Told once."\ndate: { date: "2025", basis: stated }\ntopics: [war-losses]\n',
      );
      edit(
        HWD(r),
        'events: [putin-volunteer-recruitment-drive-2025]',
        'events: [putin-volunteer-recruitment-drive-2025, lone-event]',
      );
    },
    well: /lone-event\.yaml: .*one report/,
    published: (files) => anyHas(files, '1 reports'),
  },
  // Messages.
  {
    name: 'claims-file-unknown-report',
    target: 'claims article',
    apply: (r) => edit(HWD(r), 'article: hidden-war-deaths', 'article: hidden-war-death'),
    well: /hidden-war-deaths\.yaml: article: unknown article/,
  },
  {
    name: 'report-emptied',
    target: 'report body',
    apply: (r) => {
      const f = C(r, 'articles', 'hidden-war-deaths.md');
      const t = readFileSync(f, 'utf8');
      writeFileSync(f, t.slice(0, t.indexOf('---', 4) + 4));
    },
    well: /hidden-war-deaths\.md: body: .*empty/,
  },
  {
    name: 'hard-break-inside-quote',
    target: 'report body vs quote',
    apply: (r) => edit(C(r, 'articles', 'hidden-war-deaths.md'), 'is seemingly trying', 'is seemingly  \ntrying'),
    well: /putin-seemingly-increasing-volunteer-recruitment\)\.quote: .*(\\n|line break)/,
  },
  {
    name: 'redirect-to-retired-id',
    target: 'redirect to',
    apply: (r) =>
      appendFileSync(
        C(r, 'redirects.yaml'),
        '  - from: some-old-claim\n    to: groups-helping-avoid-call-up\n    note: "Renamed again."\n',
      ),
    well: /redirects\.yaml: redirects\[2\] \(some-old-claim\)\.to: .*agora-and-other-groups-listed/,
  },
  {
    name: 'emoji-at-graph-cut',
    target: 'SVG event graph',
    apply: (r) => edit(C(r, 'sources', 'dmitry-peskov.yaml'), /^name: "([^"]*)"/m, `name: "$1 ${'😀'.repeat(12)}"`),
    well: /^$/,
    published: (files) =>
      [...files.entries()].some(([k, t]) =>
        k.endsWith('.svg') || k.includes('events/')
          ? /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|\uFFFD|\u200D…/.test(t)
          : false,
      ),
  },
  // Output escaping: text that must come out as text.
  {
    name: 'script-in-source-name',
    target: 'pages, JSON-LD',
    apply: (r) => edit(C(r, 'sources', 'tass.yaml'), 'name: "TASS"', 'name: "TASS</script><script>alert(1)</script>"'),
    well: /^$/,
    published: (files) =>
      [...files.entries()].some(
        ([k, t]) => k.endsWith('.html') && t.replace(/="[^"]*"/g, '').includes('<script>alert(1)'),
      ),
  },
  {
    name: 'csv-formula-in-statement',
    target: 'CSV',
    apply: (r) =>
      edit(
        C(r, 'claims', 'covert-mobilization-victory-day.yaml'),
        /statement: ([A-Z])/,
        'statement: =HYPERLINK("https://evil.example") $1',
      ),
    well: /^$/,
    published: (files) => [...files.entries()].some(([k, t]) => k.endsWith('.csv') && /(^|,)"?=HYPERLINK/m.test(t)),
  },
  {
    name: 'bibtex-braces-in-title',
    target: 'citations .bib',
    apply: (r) =>
      edit(
        C(r, 'articles', 'hidden-war-deaths.md'),
        'troops as Ukraine',
        'troops},\\n}\\n@misc{evil, title={x as Ukraine',
      ),
    well: /^$/,
    published: (files) => [...files.entries()].some(([k, t]) => k.endsWith('.bib') && /^@misc\{evil/m.test(t)),
  },
  {
    name: 'rss-cdata-in-summary',
    target: 'RSS',
    apply: (r) =>
      edit(
        C(r, 'articles', 'hidden-war-deaths.md'),
        'on ISW, the report says',
        ']]></description><x>on ISW, the report says',
      ),
    well: /^$/,
    published: (files) => [...files.entries()].some(([k, t]) => k.endsWith('.xml') && t.includes('<x>on ISW')),
  },
];

function validate(root: string): string[] {
  return validateCorpus(readCorpus(join(root, 'content'), root)).problems.map(formatProblem);
}

function fresh(): string {
  const root = mkdtempSync(join(tmpdir(), 'hostile-round-'));
  cpSync(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
  cpSync(join(ROOT, 'permalinks.txt'), join(root, 'permalinks.txt'));
  return root;
}

function textFiles(dir: string, out = new Map<string, string>()): Map<string, string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) textFiles(p, out);
    else if (/\.(html|xml|csv|json|svg|bib|txt|jsonld)$/.test(e.name) && statSync(p).size < 20_000_000)
      out.set(p, readFileSync(p, 'utf8'));
  }
  return out;
}

const args = process.argv.slice(2);
const build = args.includes('--build');
const only = args.filter((a) => !a.startsWith('--'));
const tally: Record<string, string[]> = { 'caught well': [], 'caught poorly': [], slipped: [], 'built correct': [] };
const toBuild: Case[] = [];
for (const c of cases.filter((x) => only.length === 0 || only.includes(x.name))) {
  const root = fresh();
  try {
    c.apply(root);
    const problems = validate(root);
    if (problems.length === 0) {
      toBuild.push(c);
      continue;
    }
    const good = problems.length === (c.lines ?? 1) && problems.some((p) => c.well.test(p));
    tally[good ? 'caught well' : 'caught poorly']!.push(c.name);
    console.log(
      `${good ? 'WELL  ' : 'POORLY'} ${c.name} [${c.target}]\n  ${problems.slice(0, 4).join('\n  ')}${problems.length > 4 ? `\n  … ${problems.length} lines` : ''}`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (toBuild.length > 0 && !build) {
  for (const c of toBuild) console.log(`VALID  ${c.name} [${c.target}] (not built: pass --build)`);
}
if (toBuild.length > 0 && build) {
  // One build for every edit that validates: they touch different words, so they cannot interact.
  const root = fresh();
  for (const c of toBuild) c.apply(root);
  const problems = validate(root);
  if (problems.length > 0) throw new Error(`the batch does not validate:\n${problems.join('\n')}`);
  const out = join(root, 'out');
  mkdirSync(out);
  const r = spawnSync('npx', ['astro', 'build', '--outDir', out], {
    cwd: ROOT,
    env: { ...process.env, CONTENT_DIR: join(root, 'content'), PERMALINKS_FILE: join(root, 'permalinks.txt') },
    encoding: 'utf8',
  });
  if (r.status !== 0) console.log(`BUILD FAILED\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`);
  const files = r.status === 0 ? textFiles(out) : new Map<string, string>();
  for (const c of toBuild) {
    const bad = r.status !== 0 || (c.published ? c.published(files) : anyHas(files, c.marker ?? '\u0000never'));
    tally[bad ? 'slipped' : 'built correct']!.push(c.name);
    console.log(`${bad ? 'SLIPPED' : 'INERT '} ${c.name} [${c.target}]`);
  }
  if (args.includes('--keep')) console.log(`built site kept in ${out}`);
  else rmSync(root, { recursive: true, force: true });
}

console.log(`\n${cases.length} cases`);
for (const [k, v] of Object.entries(tally)) console.log(`${k}: ${v.length}${v.length ? ` (${v.join(', ')})` : ''}`);
