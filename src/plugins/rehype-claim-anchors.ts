import type { Element, ElementContent, Root, Text } from 'hast';
import { toString } from 'hast-util-to-string';
import type { VFile } from 'vfile';
import { locateQuotes, type QuoteLocation } from '../lib/content/text';

/** One claim to anchor, as passed in the render frontmatter under `claimAnchors`. */
export interface ClaimAnchor {
  id: string;
  quote: string;
  occurrence?: number | undefined;
  /** 1-based number of the claim in its report, shown on the link. */
  n: number;
  /** The claim's one-sentence statement, shown as its preview. */
  statement: string;
  /** Retired ids of this claim, kept as anchors so old `#fragment` links still land here. */
  aliases?: string[] | undefined;
}

/** Options: how to build a claim page URL. */
export interface ClaimAnchorOptions {
  claimUrl: (id: string) => string;
}

interface Piece {
  id: string;
  start: number;
  end: number;
  isStart: boolean;
  isEnd: boolean;
}

const BLOCK = /^(p|h[1-6])$/;

/** Reads the anchors handed to this render, if any. */
function anchorsOf(file: VFile): ClaimAnchor[] {
  const astro = file.data['astro'] as { frontmatter?: { claimAnchors?: ClaimAnchor[] } } | undefined;
  return astro?.frontmatter?.claimAnchors ?? [];
}

/**
 * Marks each claim's quote in a rendered report: the quote is wrapped in `<mark class="claim">`
 * whose `id` is the claim id (the permanent `#fragment`), followed by a numbered link to the
 * claim page with a CSS-only preview. A quote that spans inline formatting is marked piece by
 * piece; the first piece carries the `id`.
 *
 * A quote is located twice, on purpose, with the one `locateQuotes` (src/lib/content/text.ts):
 * by the validator over the Markdown's top-level paragraphs and headings (that location gives the
 * ledger a claim's context and fails validation with `file: field: reason`), and here over the
 * rendered tree's top-level `<p>` and `<h1>`–`<h6>`, where the marks must go. The validator's
 * offsets index its own tree's text; rather than trust them in another tree, the articles loader
 * hands this plugin the quotes (`claimAnchors` in the render's frontmatter) and the plugin finds
 * them again, stopping the build with the claim's id if one is missing. Both trees give the same
 * text for the Markdown the validator accepts, except GFM strikethrough, which only the renderer
 * parses; tests/unit/quote-paths.test.ts checks that both place every quote at the same block and
 * offsets, over the real corpus and the fixture corpora.
 */
export default function rehypeClaimAnchors(options: ClaimAnchorOptions) {
  return (tree: Root, file: VFile): void => {
    const anchors = anchorsOf(file);
    if (anchors.length === 0) return;
    const blocks = tree.children.filter((n): n is Element => n.type === 'element' && BLOCK.test(n.tagName));
    const results = locateQuotes(
      blocks.map((b) => toString(b)),
      anchors,
    );
    const byBlock = new Map<number, QuoteLocation[]>();
    for (const r of results) {
      if (!r.ok) throw new Error(`rehype-claim-anchors: ${file.path ?? 'article'}: claim "${r.id}": ${r.reason}`);
      byBlock.set(r.location.block, [...(byBlock.get(r.location.block) ?? []), r.location]);
    }
    const info = new Map(anchors.map((a) => [a.id, a]));
    for (const [index, locations] of byBlock) markBlock(blocks[index]!, locations, info, options);
  };
}

function markBlock(
  block: Element,
  locations: QuoteLocation[],
  info: Map<string, ClaimAnchor>,
  options: ClaimAnchorOptions,
): void {
  let offset = 0;
  const visit = (parent: Element): void => {
    const next: ElementContent[] = [];
    for (const child of parent.children) {
      if (child.type === 'text') {
        const start = offset;
        const end = start + child.value.length;
        offset = end;
        const pieces: Piece[] = locations
          .filter((l) => l.start < end && l.end > start)
          .map((l) => ({
            id: l.id,
            start: Math.max(l.start, start),
            end: Math.min(l.end, end),
            isStart: l.start >= start,
            isEnd: l.end <= end,
          }))
          .sort((a, b) => a.start - b.start || b.end - a.end);
        next.push(...nest(child.value, start, start, end, pieces, info, options));
      } else {
        if (child.type === 'element') visit(child);
        next.push(child);
      }
    }
    parent.children = next;
  };
  visit(block);
}

/** Builds text and nested marks for `[from, to)` of a text node whose first character is at `base`. */
function nest(
  value: string,
  base: number,
  from: number,
  to: number,
  pieces: Piece[],
  info: Map<string, ClaimAnchor>,
  options: ClaimAnchorOptions,
): ElementContent[] {
  const out: ElementContent[] = [];
  const text = (a: number, b: number): void => {
    if (b > a) out.push({ type: 'text', value: value.slice(a - base, b - base) } satisfies Text);
  };
  let pos = from;
  let i = 0;
  while (i < pieces.length) {
    const p = pieces[i]!;
    let j = i + 1;
    while (j < pieces.length && pieces[j]!.start < p.end) j++;
    text(pos, p.start);
    const mark: Element = {
      type: 'element',
      tagName: 'mark',
      properties: { className: ['claim'], dataClaim: p.id, ...(p.isStart ? { id: p.id } : {}) },
      children: nest(value, base, p.start, p.end, pieces.slice(i + 1, j), info, options),
    };
    if (p.isStart)
      for (const alias of info.get(p.id)?.aliases ?? [])
        out.push({
          type: 'element',
          tagName: 'span',
          properties: { id: alias, className: ['claim-alias'] },
          children: [],
        });
    out.push(mark);
    if (p.isEnd) out.push(claimLink(info.get(p.id)!, options));
    pos = p.end;
    i = j;
  }
  text(pos, to);
  return out;
}

function claimLink(a: ClaimAnchor, options: ClaimAnchorOptions): Element {
  return {
    type: 'element',
    tagName: 'a',
    properties: { className: ['claim-ref'], href: options.claimUrl(a.id), dataPagefindIgnore: '' },
    children: [
      {
        type: 'element',
        tagName: 'span',
        properties: { className: ['claim-n'] },
        children: [{ type: 'text', value: String(a.n) }],
      },
      {
        type: 'element',
        tagName: 'span',
        properties: { className: ['claim-preview'] },
        children: [{ type: 'text', value: `Claim ${a.n}: ${a.statement}` }],
      },
    ],
  };
}
