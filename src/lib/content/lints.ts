import type { LintRule } from '../../schemas/claim';
import { earliestDay, latestDay } from '../../schemas/common';
import type { SourceData } from '../../schemas/source';
import type { ArticleEntry, ClaimEntry, DataEntry } from './types';
import type { Problem } from './problems';
import { unknownReason, type Candidate } from './suggest';

// Editorial lints: the slips a hostile reader finds in an analysis (a hedge stronger than the
// wording, a distancing word lost, a number left unrecorded, a chain that skips a relay, a relation
// that misstates what opposes what) fail the build like a broken reference. Each rule is a
// heuristic over the words of the quote: where it is wrong for one claim, the claim carries an
// exemption with a reason (`exemptions: [{ rule, reason }]`), shown on its page as an editorial note,
// and an exemption that no longer silences anything is itself a problem, so none go stale.

/** What the lints read: the validated reports, claims and sources, and the ids of every source file. */
export interface LintInput {
  articles: readonly ArticleEntry[];
  claims: readonly ClaimEntry[];
  sources: readonly DataEntry<SourceData>[];
  sourceIds: ReadonlySet<string>;
  /** Ids of every report file, valid or not, so a report that failed validation is not also "unknown". */
  articleIds: ReadonlySet<string>;
}

/** The source that stands for a report's own voice: it is ours, so it needs no sentence of a report. */
export const REPORT_VOICE = 'the-report';

/** Words that attribute without vouching or that hedge: a claim quoted with one is not `asserted`. */
export const HEDGE_WORDS =
  /\b(?:claims?|claimed|alleged(?:ly)?|reportedly|(?:is|are|was|were) seen as|appears?|apparently|seemingly|seems?|likely|unlikely|probably|rumou?rs?|rumou?red|suggests?|could|might)\b/i;

/**
 * Distancing words, each with the words a faithful paraphrase may use for it: a statement that
 * drops them turns the report's distance into our assertion.
 */
export const DISTANCING_WORDS: readonly { word: RegExp; kept: RegExp; label: string }[] = [
  { word: /\balleged(?:ly)?\b/i, kept: /\b(?:alleg\w*|supposed\w*|so-called|claimed)\b/i, label: 'alleged' },
  { word: /\bsupposed(?:ly)?\b/i, kept: /\b(?:suppos\w*|alleg\w*|so-called|claimed)\b/i, label: 'supposed' },
  { word: /\bso-called\b/i, kept: /\bso-called\b/i, label: 'so-called' },
  { word: /\bcurrently\b/i, kept: /\b(?:current\w*|now|at present|at the time|for now)\b/i, label: 'currently' },
  { word: /\battempts?\b/i, kept: /\b(?:attempt\w*|tr(?:y|ies|ying|ied)|effort\w*)\b/i, label: 'attempts' },
];

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
// Numbers that are not quantities: reference marks, days next to a month, and model names.
const NOT_QUANTITIES = [
  /\[\d+\]/g, // [19]: a reference mark
  new RegExp(`\\b(?:${MONTHS})\\s+\\d{1,2}(?:-\\d{1,2})?\\b`, 'g'), // July 5-6
  new RegExp(`\\b\\d{1,2}(?:-\\d{1,2})?\\s+(?:${MONTHS})\\b`, 'g'), // 19 February
  /\b[A-Za-z]+-\d+\b/g, // S-300
];
const YEAR = /^(?:1[89]\d\d|20\d\d)$/;
const SCALE: Record<string, number> = { thousand: 3, million: 6, billion: 9, trillion: 12 };
// A number as written: digits with thousands commas or without, an optional decimal part, then a
// scale word or a percent sign. A range ("500,000-700,000", "1.5-2 million", "3 to 5 million")
// is two numbers; a scale word after the second is read as applying to the first too.
const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s*(%|per\s?cent\b)|\s+(thousand|million|billion|trillion)\b)?(?!\w)`;
const QUANTITY = new RegExp(String.raw`(?<![\w.,])${NUMBER}(?:\s*(?:-|–|\bto\b)\s*(?=\d)${NUMBER})?`, 'g');

/** One number of a match: its digits (thousands commas dropped), decimals, and what follows it. */
const numberAt = (whole: string, decimals: string | undefined, percent: string | undefined, scale: string | undefined) => ({
  digits: whole.replace(/,/g, '') + (decimals ?? ''),
  text: `${whole}${decimals ?? ''}${percent ? (percent === '%' ? '%' : ` ${percent}`) : ''}${scale ? ` ${scale}` : ''}`,
  percent,
  scale,
});

/**
 * The numbers a quote states as quantities, as written (`text`, e.g. "1.9 million", "12.5%") and as
 * values (`value`, e.g. 1900000, 12.5): digits with or without thousands commas, decimals, scale
 * words (thousand, million, billion, trillion), percentages, and both ends of a range.
 */
export function quotedNumbers(quote: string): { text: string; value: number }[] {
  let rest = quote;
  for (const re of NOT_QUANTITIES) rest = rest.replace(re, ' ');
  const out: { text: string; value: number }[] = [];
  for (const m of rest.matchAll(QUANTITY)) {
    const first = numberAt(m[1]!, m[2], m[3], m[4]);
    const second = m[5] === undefined ? undefined : numberAt(m[5], m[6], m[7], m[8]);
    // "1.5-2 million": the first end takes the second's scale, unless that would make it the larger.
    const borrow = second?.scale !== undefined && !first.scale && !first.percent && Number(first.digits) < Number(second.digits);
    const firstScale = borrow ? second.scale : first.scale;
    const ends = [{ n: first, scale: firstScale }, ...(second ? [{ n: second, scale: second.scale }] : [])];
    for (const { n, scale } of ends) {
      // A bare four-digit year is a date, not a quantity.
      if (YEAR.test(n.text)) continue;
      // Number("1.9e6") is exact where 1.9 * 1e6 may not be.
      out.push({ text: n.text, value: Number(`${n.digits}e${scale ? SCALE[scale]! : 0}`) });
    }
  }
  return out;
}

/**
 * Qualifiers of a quoted number that change what it counts: a figure's `counts` (or, for "up to",
 * its `approx`) keeps each one the quote has, so a figure table does not read "120,000 conscripts"
 * for "another 120,000", or losses for "expected" losses.
 */
export const FIGURE_QUALIFIERS: readonly { word: RegExp; kept: (f: { counts: string; approx: string }) => boolean; label: string }[] = [
  { word: /\banother\b/i, kept: (f) => /\b(?:another|more|additional|further)\b/i.test(f.counts), label: 'another' },
  { word: /\bexpect(?:ed|s|ing)?\b/i, kept: (f) => /\bexpect\w*/i.test(f.counts), label: 'expected' },
  { word: /\bup to\b/i, kept: (f) => f.approx === 'up to' || /\bup to\b/i.test(f.counts), label: 'up to' },
];

/** Four-digit years (1800–2099) written in a text. */
const yearsIn = (text: string): string[] => [...text.matchAll(/\b(1[89]\d\d|20\d\d)\b/g)].map((m) => m[1]!);

const SYMMETRIC = new Set(['corroborates', 'contradicts', 'same-event']);

const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';

/**
 * Whether `text` has `number` (non-empty) as a whole number token, not inside a longer number: not
 * after a digit, a comma or a digit and point, not before a digit, a comma or a point and digit.
 * What `/(?<![\d,]|\d\.)NUMBER(?![\d,]|\.\d)/` finds, without compiling a pattern per number: each
 * claim lists numbers of its own, and compiling 41,000 patterns was most of the lints' time at
 * 5,000 reports (1.9 of 2.2 s).
 */
export function hasNumberToken(text: string, number: string): boolean {
  // The schema refuses an empty number; without this, the search below would never end.
  if (number === '') return false;
  for (let i = text.indexOf(number); i !== -1; i = text.indexOf(number, i + 1)) {
    const before = text[i - 1];
    if (isDigit(before) || before === ',' || (before === '.' && isDigit(text[i - 2]))) continue;
    const end = i + number.length;
    const after = text[end];
    if (isDigit(after) || after === ',' || (after === '.' && isDigit(text[end + 1]))) continue;
    return true;
  }
  return false;
}

/** The date ranges of two date strings overlap. */
const overlaps = (a: string, b: string): boolean => earliestDay(a) <= latestDay(b) && earliestDay(b) <= latestDay(a);

/**
 * Runs every editorial lint over the corpus. Returns one problem per slip, naming the claim's file
 * and field; linear in the corpus (one pass over the claims, lookups in maps).
 */
export function lintCorpus({ articles, claims, sources, sourceIds, articleIds }: LintInput): Problem[] {
  const problems: Problem[] = [];
  const articleById = new Map(articles.map((a) => [a.id, a]));
  const claimById = new Map(claims.map((c) => [c.data.id, c]));
  // Only when an id is unknown: the names of the valid entries, for the nearest ids.
  const names = <T>(ids: ReadonlySet<string>, entries: readonly T[], get: (e: T) => [string, string[]]): Candidate[] => {
    const byId = new Map(entries.map(get));
    return [...ids].map((id) => ({ id, names: byId.get(id) ?? [] }));
  };
  const articleCandidates = (): Candidate[] => names(articleIds, articles, (a) => [a.id, [a.data.title]]);
  const sourceCandidates = (): Candidate[] => names(sourceIds, sources, (s) => [s.id, [s.data.name, ...s.data.aliases]]);

  // Every source is traceable to a sentence of a report, and the sentence is really there.
  for (const s of sources) {
    if (s.id === REPORT_VOICE) continue;
    if (!s.data.evidence.length) problems.push({ file: s.file, field: 'evidence', reason: 'record the sentence of a report that names and describes this source' });
    s.data.evidence.forEach((e, i) => {
      const a = articleById.get(e.article);
      if (!a) {
        if (!articleIds.has(e.article)) problems.push({ file: s.file, field: `evidence[${i}].article`, reason: unknownReason('article', e.article, articleCandidates()) });
        // The title and the page furniture recorded in `provenance.omitted` are the report's words too.
        // An empty report is its own problem: a line per source quoting it would bury it.
      } else if (a.blocks.length > 0 && ![...a.blocks.map((b) => b.text), a.data.title, ...a.data.provenance.omitted].some((t) => t.includes(e.quote))) {
        problems.push({ file: s.file, field: `evidence[${i}].quote`, reason: `not found in the text of ${a.file} (quote it exactly, within one paragraph)` });
      }
    });
  }

  for (const a of articles) {
    a.data.relay.chain.forEach((id, i) => {
      if (!sourceIds.has(id)) problems.push({ file: a.file, field: `relay.chain[${i}]`, reason: unknownReason('source', id, sourceCandidates()) });
    });
  }

  for (const c of claims) {
    const d = c.data;
    const prefix = `claims (${d.id})`;
    const used = new Set<LintRule>();
    const exempt = new Set(d.exemptions.map((e) => e.rule));
    const flag = (rule: LintRule, field: string, reason: string): void => {
      if (exempt.has(rule)) used.add(rule);
      else problems.push({ file: c.file, field: `${prefix}.${field}`, reason: `${reason} [${rule}]` });
    };
    const article = articleById.get(c.article);

    // The hedge as worded.
    const hedgeWord = HEDGE_WORDS.exec(d.quote)?.[0];
    if (hedgeWord && d.hedge === 'asserted') flag('hedge-words', 'hedge', `the quote says "${hedgeWord}", so the claim cannot be "asserted"`);

    // Distancing words survive in the statement.
    for (const w of DISTANCING_WORDS) {
      if (w.word.test(d.quote) && !w.kept.test(d.statement)) {
        flag('distancing-words', 'statement', `the quote says "${w.label}" but the statement drops it`);
      }
    }

    // Every number in the quote is a figure or marked as not one.
    const values = new Set(d.figures.flatMap((f) => (f.upper === undefined ? [f.value] : [f.value, f.upper])));
    const notFigures = new Set(d.notFigures.map((n) => n.number));
    for (const n of quotedNumbers(d.quote)) {
      if (!values.has(n.value) && !notFigures.has(n.text)) {
        flag('numbers-are-figures', 'figures', `the quote has the number ${n.text}, which is neither a figure nor listed in notFigures`);
      }
    }
    for (const n of d.notFigures) {
      // Present as a number token, whether or not it reads as a quantity (a year-like clause number).
      if (!hasNumberToken(d.quote, n.number)) {
        problems.push({ file: c.file, field: `${prefix}.notFigures`, reason: `"${n.number}" is not a number in the quote` });
      }
    }

    // A quoted number's qualifiers survive in what its figure counts.
    d.figures.forEach((f, i) => {
      for (const q of FIGURE_QUALIFIERS) {
        if (q.word.test(d.quote) && !q.kept(f)) flag('figure-qualifiers', `figures[${i}].counts`, `the quote says "${q.label}" but the figure's counts drops it`);
      }
    });

    // A year the statement names and the quote lacks is ours: only a date marked inferred may supply it.
    const quoted = new Set(yearsIn(d.quote));
    const inferred = [d.about, d.stated, ...d.figures.map((f) => f.asOf)].filter((x) => x?.basis === 'inferred').map((x) => x!.date);
    for (const y of new Set(yearsIn(d.statement))) {
      if (quoted.has(y)) continue;
      const covered = inferred.some((date) => overlaps(date, y));
      if (!covered) flag('statement-year', 'statement', `the statement names ${y}, which the quote does not; give the year in "about" or "stated" with basis inferred and a note, or leave it out`);
    }

    // The report's relay chain starts every claim's chain.
    if (article) {
      const relay = article.data.relay.chain;
      const chain = d.claimant === REPORT_VOICE ? d.via : [...d.via, d.claimant];
      const ok = d.claimant === REPORT_VOICE ? d.via.join() === relay.join() : relay.every((id, i) => chain[i] === id);
      // The relay's own voice has one encoding, the report's voice through the relay: a claim whose
      // claimant is the relay's last link would record the same voice a second way.
      if (ok && relay.length > 0 && d.claimant !== REPORT_VOICE && chain.join() === relay.join()) {
        flag('relay-chain', 'claimant', `"${d.claimant}" is the report's relay itself: its own voice is claimant ${REPORT_VOICE}, via [${relay.join(', ')}]`);
      }
      if (!ok) {
        flag(
          'relay-chain',
          'via',
          d.claimant === REPORT_VOICE
            ? `the report's own voice comes through its relay chain exactly: via should be [${relay.join(', ')}]`
            : `the chain [${chain.join(' → ')}] does not start with the report's relay chain [${relay.join(' → ')}]`,
        );
      }
    }

    // Dates: a figure is not counted after its report, and agrees with the claim's own date.
    const published = article?.data.published.date;
    d.figures.forEach((f, i) => {
      if (!f.asOf) return;
      if (published && earliestDay(f.asOf.date) > latestDay(published)) {
        problems.push({
          file: c.file,
          field: `${prefix}.figures[${i}].asOf.date`,
          reason: `"${f.asOf.date}" is after the report's date "${published}": a figure cannot be counted after its report (put a forecast's horizon in "about")`,
        });
      }
      if (d.about && !overlaps(d.about.date, f.asOf.date)) {
        flag('dates-agree', `figures[${i}].asOf.date`, `"${f.asOf.date}" does not overlap the claim's about date "${d.about.date}"`);
      }
    });

    // Relations: a denial denies, and a link declared from both ends says the same thing.
    const seen = new Set<string>();
    d.relations.forEach((r, i) => {
      const field = `relations[${i}]`;
      if (seen.has(r.claim)) problems.push({ file: c.file, field: `${prefix}.${field}.claim`, reason: `a second relation to "${r.claim}"` });
      seen.add(r.claim);
      if (r.type === 'denies' && d.kind !== 'denial') flag('denies-from-denial', `${field}.type`, `only a claim of kind "denial" can deny; this one is "${d.kind}"`);
      const back = claimById.get(r.claim)?.data.relations.find((x) => x.claim === d.id);
      if (back && (back.type !== r.type || !SYMMETRIC.has(r.type))) {
        flag(
          'relation-inverse',
          `${field}.type`,
          SYMMETRIC.has(r.type)
            ? `"${r.claim}" declares the inverse as "${back.type}", not "${r.type}"`
            : `"${r.type}" is one-way: declare it on one claim only (the other end is derived)`,
        );
      }
    });

    d.exemptions.forEach((e, i) => {
      if (!used.has(e.rule)) problems.push({ file: c.file, field: `${prefix}.exemptions[${i}]`, reason: `the "${e.rule}" rule finds nothing to exempt here: remove the exemption` });
    });
  }
  return problems;
}
