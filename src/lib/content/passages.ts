import { parse, stringify } from 'yaml';
import { locateQuotes } from './text';

/** A passage of a report that contains every word asked for, as a claim must quote it. */
export interface Passage {
  /** The exact text: what `quote:` must say. */
  text: string;
  /** Index of the block (paragraph or heading) it is in, counted from 0. */
  block: number;
  /** Which occurrence of `text` in the report this is (1-based), when it occurs more than once. */
  occurrence: number | undefined;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** The sentences of a block's text as [start, end) ranges, surrounding white space left out. */
function sentences(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const s of segmenter.segment(text)) {
    const lead = s.segment.length - s.segment.trimStart().length;
    const body = s.segment.trim();
    if (body) out.push([s.index + lead, s.index + lead + body.length]);
  }
  return out;
}

/**
 * Finds the passages of a report that contain all `words` (case-insensitive): each sentence
 * that does, or, when no single sentence has them all, the shortest runs of consecutive sentences
 * in one paragraph that do (a quote cannot cross paragraphs). Works on the same block texts the
 * validator matches quotes against, and checks each passage with the validator's own quote
 * finder, so a passage pasted as `quote` (with its `occurrence`) is always found.
 */
export function findPassages(blocks: readonly string[], words: readonly string[]): Passage[] {
  const wanted = words.map((w) => w.toLowerCase()).filter(Boolean);
  if (wanted.length === 0) return [];
  const found: { block: number; start: number; end: number }[] = [];
  blocks.forEach((text, block) => {
    const lower = text.toLowerCase();
    const sents = sentences(text);
    const has = (from: number, to: number): boolean => wanted.every((w) => lower.slice(from, to).includes(w));
    const runs: [number, number][] = [];
    for (let i = 0; i < sents.length; i++) {
      for (let j = i; j < sents.length; j++) {
        if (has(sents[i]![0], sents[j]![1])) {
          runs.push([i, j]);
          break;
        }
      }
    }
    // Keep only the shortest runs: drop one that contains another.
    const minimal = runs.filter(([i, j]) => !runs.some(([k, l]) => (k !== i || l !== j) && k >= i && l <= j));
    for (const [i, j] of minimal) found.push({ block, start: sents[i]![0], end: sents[j]![1] });
  });
  return found.map(({ block, start, end }) => {
    const text = blocks[block]!.slice(start, end);
    // Every place the text occurs, in report order, counted as the quote finder counts them.
    const hits: [number, number][] = [];
    blocks.forEach((t, b) => {
      for (let i = t.indexOf(text); i !== -1; i = t.indexOf(text, i + 1)) hits.push([b, i]);
    });
    const occurrence = hits.length > 1 ? hits.findIndex(([b, i]) => b === block && i === start) + 1 : undefined;
    // The guarantee: the validator's own finder places this quote exactly here.
    const check = locateQuotes(blocks, [{ id: 'passage', quote: text, occurrence }])[0];
    if (!check?.ok || check.location.block !== block || check.location.start !== start) {
      throw new Error(`passage not placed back where it was found: ${JSON.stringify(text)}`);
    }
    return { text, block, occurrence };
  });
}

/**
 * A passage as the lines to paste into a claim (`quote:` and, if needed, `occurrence:`), indented
 * for a claim in a claims file. Folded style like the existing files, and checked to read back
 * as exactly the passage's text.
 */
export function passageYaml(p: Passage, indent = '    '): string {
  const fields = p.occurrence === undefined ? { quote: p.text } : { quote: p.text, occurrence: p.occurrence };
  let yaml = stringify(fields, { lineWidth: 0, blockQuote: 'folded', defaultStringType: 'BLOCK_FOLDED', defaultKeyType: 'PLAIN' });
  // Folding cannot carry every text (a line break inside a paragraph, leading space): quote it then.
  if (!roundTrips(yaml, p.text)) yaml = stringify(fields, { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' });
  return yaml
    .trimEnd()
    .split('\n')
    .map((l) => indent + l)
    .join('\n');
}

function roundTrips(yaml: string, text: string): boolean {
  return (parse(yaml) as { quote?: unknown }).quote === text;
}
