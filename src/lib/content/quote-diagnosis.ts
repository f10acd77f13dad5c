import type { OtherBlock } from './text';

// Why a quote was not found, in terms an analyst can act on: where the nearest passage of the
// report is, and what differs there (a line break, an extra space, a curly quote, a look-alike
// character from another alphabet), or that the words sit in a list, or run across paragraphs.

const SHOW = 30;

const codePoint = (ch: string): string => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
const named = (ch: string | undefined, edge = 'the end of the paragraph'): string => {
  if (ch === undefined) return edge;
  if (ch === '\n') return 'a line break';
  if (ch === ' ') return 'a space';
  return `${ch} (${codePoint(ch)})`;
};
const QUOTE_MARKS = /['"‘’‚‛“”„‟«»′″]/;

/** What the difference between a report character and a quote character is, in words. */
function difference(inReport: string | undefined, inQuote: string, edge?: string): string {
  const what = `the quote has ${named(inQuote)} where the report has ${named(inReport, edge)}`;
  if (inQuote === '\n') return `${what}: a line break (write the quote on one line, or fold it with ">-")`;
  if (inReport === '\n' && /\s/.test(inQuote)) return `${what}: the report breaks the line here (a hard line break); quote it with the line break, "\\n" in a double-quoted YAML string`;
  if (/\s/.test(inQuote) && inReport !== undefined && !/\s/.test(inReport)) return `${what}: an extra space`;
  if (inReport !== undefined && /\s/.test(inReport) && /\s/.test(inQuote)) return `${what}: a different kind of space`;
  if (inReport !== undefined && QUOTE_MARKS.test(inQuote) && QUOTE_MARKS.test(inReport)) return `${what}: typographic and straight quote marks differ`;
  if (inReport !== undefined && inReport.normalize('NFKD')[0] === inQuote.normalize('NFKD')[0]) return `${what}: the same letter with a different accent or encoding`;
  // A letter from another alphabet (Cyrillic а for Latin a) looks the same and matches nothing.
  const foreign = (ch: string): boolean => ch.codePointAt(0)! > 0x7f;
  if (inReport !== undefined && /\p{L}/u.test(inQuote) && /\p{L}/u.test(inReport) && (foreign(inQuote) || foreign(inReport))) {
    return `${what}: letters that may look alike but are different characters`;
  }
  return what;
}

/** Longest `n` such that `has(n)` holds, for a predicate that holds up to some point and then never. */
function longest(max: number, has: (n: number) => boolean): number {
  let lo = 0;
  let hi = max;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (has(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const squeeze = (s: string): string => s.replace(/\s+/g, ' ').trim();
// An excerpt is shown on the message's one line: a line break in it as "\n".
const clip = (s: string): string => visible(s.length > SHOW * 2 ? `${s.slice(0, SHOW * 2)}…` : s);
const visible = (s: string): string => s.replace(/\r?\n/g, '\\n');

/**
 * Explains why `quote` occurs in no block of the report. `blocks` are the paragraphs and headings
 * a quote may come from; `other` the blocks it may not (lists, block quotes, tables).
 */
export function explainMissingQuote(quote: string, blocks: readonly string[], other: readonly OtherBlock[] = [], lines: readonly number[] = []): string {
  const where = (block: number): string => (lines[block] ? `the paragraph at body line ${lines[block]}` : `paragraph ${block + 1}`);
  const base = 'quote not found in the article text';
  if (blocks.length === 0 && other.length === 0) return `${base}: the report has no text`;
  const inOther = other.find((b) => b.text.includes(quote));
  if (inOther) return `${base}: it is in ${inOther.what}, and only paragraphs and headings can be quoted`;
  const joined = blocks.join('\n');
  if (squeeze(joined).includes(squeeze(quote)) && !blocks.some((b) => squeeze(b).includes(squeeze(quote)))) {
    return `${base}: it runs across a paragraph break; a quote must lie within one paragraph`;
  }
  const find = (part: string): { block: number; at: number } | undefined => {
    for (let block = 0; block < blocks.length; block++) {
      const at = blocks[block]!.indexOf(part);
      if (at !== -1) return { block, at };
    }
    return undefined;
  };
  // The longest start and the longest end of the quote that the report has, word for word.
  const head = longest(quote.length, (n) => find(quote.slice(0, n)) !== undefined);
  const tail = longest(quote.length, (n) => find(quote.slice(quote.length - n)) !== undefined);
  if (Math.max(head, tail) < Math.min(8, quote.length)) return `${base}: no passage of the report resembles it`;
  if (head >= tail) {
    const hit = find(quote.slice(0, head))!;
    const text = blocks[hit.block]!;
    const at = hit.at + head;
    const passage = clip(text.slice(Math.max(0, at - SHOW), at + SHOW));
    return `${base}: it matches ${where(hit.block)} up to "${visible(quote.slice(Math.max(0, head - SHOW), head))}", then ${difference(text[at], quote[head]!)} (report: "${passage}")`;
  }
  const hit = find(quote.slice(quote.length - tail))!;
  const text = blocks[hit.block]!;
  const at = hit.at - 1;
  const q = quote.length - tail - 1;
  const passage = clip(text.slice(Math.max(0, at - SHOW), hit.at + SHOW));
  return `${base}: its end matches ${where(hit.block)} from "${visible(quote.slice(q + 1, q + 1 + SHOW))}", but before that ${difference(at >= 0 ? text[at] : undefined, quote[q]!, 'the start of the paragraph')} (report: "${passage}")`;
}
