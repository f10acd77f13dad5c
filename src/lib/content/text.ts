import { hash } from 'node:crypto';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import type { Root, RootContent } from 'mdast';

/** A top-level block of an article (paragraph or heading) as plain text, with its source line. */
export interface TextBlock {
  text: string;
  line: number;
}

/** Raw HTML found in a Markdown body, with its line. */
export interface RawHtml {
  line: number;
  value: string;
}

/** A link, image or link definition in a Markdown body, with its destination and line. */
export interface BodyLink {
  kind: 'link' | 'image';
  url: string;
  line: number;
}

/** A top-level block whose text cannot hold a claim's quote (a list, a block quote, a table…). */
export interface OtherBlock {
  /** What it is, as a reader would say it: "a list item", "a block quote". */
  what: string;
  text: string;
}

/** Everything the validator needs from a report's body, from one parse. */
export interface MarkdownAnalysis {
  blocks: TextBlock[];
  html: RawHtml[];
  links: BodyLink[];
  other: OtherBlock[];
  /**
   * A digest of the body's text, each block's white space folded (`textDigest`): two reports with
   * the same text have the same digest. Kept with the analysis in the parse cache, so a rebuild
   * does not fold and compare 5,000 bodies' text again to find a report saved twice.
   */
  textDigest: string;
}

const OTHER_BLOCKS: Record<string, string> = { list: 'a list item', blockquote: 'a block quote', table: 'a table', code: 'a code block' };

/** Parses a Markdown body once: its quotable blocks as plain text, raw HTML, links and images. */
export function analyseMarkdown(body: string): MarkdownAnalysis {
  const tree: Root = fromMarkdown(body);
  const out: MarkdownAnalysis = { blocks: [], html: [], links: [], other: [], textDigest: '' };
  const definitions: { id: string; url: string; line: number }[] = [];
  const imageRefs = new Set<string>();
  const walk = (node: Root | RootContent): void => {
    const line = node.position?.start.line ?? 0;
    if (node.type === 'html') out.html.push({ line, value: node.value });
    if (node.type === 'link') out.links.push({ kind: 'link', url: node.url, line });
    if (node.type === 'image') out.links.push({ kind: 'image', url: node.url, line });
    // A reference-style link or image takes its destination from a definition elsewhere.
    if (node.type === 'definition') definitions.push({ id: node.identifier, url: node.url, line });
    if (node.type === 'imageReference') imageRefs.add(node.identifier);
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  // A hard line break (two trailing spaces or a backslash) is a line break in the page's text, as
  // the report page's anchors see it (a <br> and a newline); without this it would vanish here and
  // join the words on either side.
  const breaks = (node: Root | RootContent): void => {
    if (!('children' in node)) return;
    node.children = node.children.map((child) => (child.type === 'break' ? { type: 'text', value: '\n' } : (breaks(child), child))) as typeof node.children;
  };
  breaks(tree);
  for (const node of tree.children) {
    if (node.type === 'paragraph' || node.type === 'heading') {
      out.blocks.push({ text: toString(node), line: node.position?.start.line ?? 0 });
    } else {
      out.other.push({ what: OTHER_BLOCKS[node.type] ?? `a ${node.type}`, text: node.type === 'code' ? node.value : toString(node) });
    }
  }
  for (const d of definitions) out.links.push({ kind: imageRefs.has(d.id) ? 'image' : 'link', url: d.url, line: d.line });
  out.textDigest = textDigest(out);
  return out;
}

/** What to find: a claim's id, its quote and, when the quote occurs more than once, which occurrence. */
export interface QuoteQuery {
  id: string;
  quote: string;
  occurrence?: number | undefined;
}

/** Where a quote was found: the block index and the character range inside that block's text. */
export interface QuoteLocation {
  id: string;
  block: number;
  start: number;
  end: number;
}

/** Result of locating one quote: a location, or the reason it could not be placed. */
export type QuoteResult = { ok: true; location: QuoteLocation } | { ok: false; id: string; reason: string };

/**
 * Finds each quote in a list of block texts. A quote must not cross blocks. It must occur exactly
 * once unless `occurrence` (1-based, counted over the whole article in order) says which one.
 * Shared by the validator and the anchoring plugin so both agree on where a quote is.
 */
export function locateQuotes(blocks: readonly string[], queries: readonly QuoteQuery[]): QuoteResult[] {
  return queries.map((q) => {
    const hits: { block: number; start: number }[] = [];
    blocks.forEach((text, block) => {
      for (let i = text.indexOf(q.quote); i !== -1; i = text.indexOf(q.quote, i + 1)) hits.push({ block, start: i });
    });
    if (hits.length === 0) return { ok: false, id: q.id, reason: 'quote not found in the article text (it must match the text exactly, within one paragraph)' };
    if (q.occurrence === undefined && hits.length > 1) {
      return { ok: false, id: q.id, reason: `quote occurs ${hits.length} times in the article; set "occurrence" to say which` };
    }
    const hit = hits[(q.occurrence ?? 1) - 1];
    if (!hit) return { ok: false, id: q.id, reason: `occurrence ${q.occurrence} asked for, but the quote occurs ${hits.length} time(s)` };
    return { ok: true, location: { id: q.id, block: hit.block, start: hit.start, end: hit.start + q.quote.length } };
  });
}

/**
 * Pairs of quotes in one block that partially overlap. Nested or disjoint quotes can be marked
 * in HTML; crossing ones cannot, so they are refused.
 */
export function crossingQuotes(locations: readonly QuoteLocation[]): [QuoteLocation, QuoteLocation][] {
  const out: [QuoteLocation, QuoteLocation][] = [];
  const byBlock = new Map<number, QuoteLocation[]>();
  for (const l of locations) byBlock.set(l.block, [...(byBlock.get(l.block) ?? []), l]);
  for (const list of byBlock.values()) {
    const sorted = [...list].sort((a, b) => a.start - b.start || b.end - a.end);
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        const a = sorted[i]!;
        const b = sorted[j]!;
        if (b.start >= a.end) break;
        if (b.end > a.end) out.push([a, b]);
      }
    }
  }
  return out;
}

/** A located quote's paragraph, split at the quote, and where the quote starts. */
export interface QuoteContext {
  before: string;
  after: string;
  block: number;
  start: number;
}

/** The context of a located quote inside its paragraph's text. */
export function quoteContext(text: string, at: QuoteLocation): QuoteContext {
  return { before: text.slice(0, at.start), after: text.slice(at.end), block: at.block, start: at.start };
}

/** The digest of a body's text (its blocks and other blocks, each with its white space folded), as `MarkdownAnalysis.textDigest`. */
function textDigest(analysis: Pick<MarkdownAnalysis, 'blocks' | 'other'>): string {
  const text = [...analysis.blocks, ...analysis.other].map((b) => b.text.replace(/\s+/g, ' ').trim()).join('\n');
  return hash('sha256', text, 'base64url');
}
