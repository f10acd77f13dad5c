import type { Claim } from '../model/ledger';
import type { LedgerEvent } from '../model/events';
import type { RelationType } from '../model/relations';

/** A claim drawn as a box. */
export interface GraphNode {
  claim: Claim;
  /** "A2": the report's letter and the claim's place in that report's telling. */
  label: string;
  x: number;
  y: number;
  lines: [string, string];
}
/** A relation drawn as an arrow, with its type written beside it. */
export interface GraphEdge {
  from: GraphNode;
  to: GraphNode;
  type: RelationType;
  path: string;
  arrow: string;
  labelX: number;
  labelY: number;
  /** `start` beside an arc within one report, `middle` on a link between reports. */
  anchor: 'start' | 'middle';
  /** Disagreements are drawn dashed, so they differ by more than colour. */
  dashed: boolean;
}
/** Everything the SVG needs, laid out at build time. */
export interface EventGraph {
  width: number;
  height: number;
  nodeWidth: number;
  nodeHeight: number;
  columns: { letter: string; x: number }[];
  nodes: GraphNode[];
  edges: GraphEdge[];
}

const NODE_W = 180;
const NODE_H = 46;
const COL_GAP = 96;
const ROW_GAP = 22;
const TOP = 34;
const PAD = 12;
// About 6.4 px a character at 12 px: enough to keep a name inside its box without measuring text.
const MAX_CHARS = 27;

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * A label cut to `MAX_CHARS` characters as a reader counts them (grapheme clusters), with "…":
 * cutting by UTF-16 code unit would split an emoji or an accented letter and show "�".
 */
export function clipLabel(s: string): string {
  const parts = Array.from(graphemes.segment(s), (g) => g.segment);
  return parts.length > MAX_CHARS ? `${parts.slice(0, MAX_CHARS - 1).join('')}…` : s;
}
const clip = clipLabel;

/** The label a claim has on an event page and in its graph, e.g. "B3". */
export function claimLabels(ev: LedgerEvent): Map<Claim, string> {
  return new Map(ev.tellings.flatMap((t) => t.claims.map((c, i): [Claim, string] => [c, `${t.letter}${i + 1}`])));
}

/**
 * Lays out an event's relation graph: one column per report (oldest first), its claims in text
 * order, an arrow per relation between them. Pure arithmetic, so the SVG is drawn at build time
 * and the page needs no script.
 */
export function layoutEventGraph(ev: LedgerEvent): EventGraph {
  const labels = claimLabels(ev);
  const nodes = new Map<Claim, GraphNode>();
  const columns = ev.tellings.map((t, col) => {
    const x = PAD + col * (NODE_W + COL_GAP);
    t.claims.forEach((claim, row) => {
      nodes.set(claim, {
        claim,
        label: labels.get(claim)!,
        x,
        y: TOP + row * (NODE_H + ROW_GAP),
        lines: [
          clip(`${labels.get(claim)!} · ${claim.claimant.data.name}`),
          clip(`${claim.data.kind}, ${claim.data.hedge}`),
        ],
      });
    });
    return { letter: t.letter, x };
  });
  const rows = Math.max(1, ...ev.tellings.map((t) => t.claims.length));
  const edges = ev.relations.map((r): GraphEdge => {
    const from = nodes.get(r.from)!;
    const to = nodes.get(r.to)!;
    let path: string;
    let end: [number, number];
    let dir: number;
    let labelX: number;
    let labelY: number;
    const within = from.x === to.x;
    if (within) {
      // Same report: an arc out to the right of the column and back.
      const x = from.x + NODE_W;
      const y1 = from.y + NODE_H / 2;
      const y2 = to.y + NODE_H / 2;
      const bulge = x + 28 + Math.abs(y2 - y1) * 0.08;
      path = `M${x},${y1} C${bulge},${y1} ${bulge},${y2} ${x + 6},${y2}`;
      end = [x, y2];
      dir = -1;
      labelX = bulge + 4;
      labelY = (y1 + y2) / 2 + 4;
    } else {
      const leftToRight = from.x < to.x;
      const x1 = leftToRight ? from.x + NODE_W : from.x;
      const x2 = leftToRight ? to.x : to.x + NODE_W;
      const y1 = from.y + NODE_H / 2;
      const y2 = to.y + NODE_H / 2;
      const mid = (x1 + x2) / 2;
      dir = leftToRight ? 1 : -1;
      path = `M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2 - dir * 6},${y2}`;
      end = [x2, y2];
      labelX = mid;
      labelY = (y1 + y2) / 2 - 4;
    }
    const [ex, ey] = end;
    const arrow = `${ex},${ey} ${ex - dir * 8},${ey - 4} ${ex - dir * 8},${ey + 4}`;
    return {
      from,
      to,
      type: r.type,
      path,
      arrow,
      labelX,
      labelY,
      anchor: within ? 'start' : 'middle',
      dashed: r.type === 'contradicts' || r.type === 'denies',
    };
  });
  return {
    // Room on the right for an arc and its label when the last report has one.
    width:
      PAD * 2 +
      columns.length * NODE_W +
      Math.max(0, columns.length - 1) * COL_GAP +
      (edges.some((e) => e.anchor === 'start') ? 130 : 0),
    height: TOP + rows * (NODE_H + ROW_GAP) + PAD,
    nodeWidth: NODE_W,
    nodeHeight: NODE_H,
    columns,
    nodes: [...nodes.values()],
    edges,
  };
}
