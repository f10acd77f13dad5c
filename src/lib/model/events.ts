import type { EventData } from '../../schemas/event';
import { earliestDay, latestDay, type DateSpec } from '../../schemas/common';
import { formatDateSpec, rangeOf, sortKey } from './dates';
import { attributionChain, evidenceFor, relayLabel } from './evidence';
import { formatFigure } from './figures';
import { REPORT_VOICE } from '../content/lints';
import type { Article, ChainLink, Claim, Difference, Dispute, LedgerEvent, Telling } from './types';
import { compareText } from '../order';

export type { Difference, EventRelation, LedgerEvent, Telling } from './types';

// The part of a claim's chain that is its own: the links after its report's relay chain, which
// every claim of the report shares and the event compares once, report by report.
const ownChain = (c: Claim): ChainLink[] => {
  const links = attributionChain(c);
  const relay = c.article.relay;
  return relay.every((s, i) => links[i]?.source === s) ? links.slice(relay.length) : links;
};
const chainOf = (c: Claim): string => {
  const own = ownChain(c);
  if (own.length) return `through ${own.map((l) => l.label).join(' → ')}`;
  return c.claimant.id === 'the-report' ? "the report's own voice" : 'named directly by the report';
};

/** Whether two date specs can name the same time: their ranges overlap. */
function overlap(a: DateSpec, b: DateSpec): boolean {
  const [x, y] = [rangeOf(a.date), rangeOf(b.date)];
  const start = (r: typeof x): string => (r.start === null ? '0000' : earliestDay(r.start));
  const end = (r: typeof x): string => (r.end === null ? '9999' : latestDay(r.end));
  return start(x) <= end(y) && start(y) <= end(x);
}

/**
 * Who a claim is by, as a difference between tellings names it: a claimant by name; a report's own
 * voice by where it comes from (the source it relays as a whole, its stated outlet, or no one), in
 * words rather than a label nested in a label.
 */
function claimantInWords(c: Claim): string {
  if (c.claimant.id !== REPORT_VOICE) return c.claimant.data.name;
  const o = c.origin;
  if (o.kind === 'report') return "the report's own voice, credited to no one";
  if (o.source !== undefined && o.source === c.article.outlet) return `the report's own voice, its outlet ${o.label}'s`;
  return `the report's own voice, relaying ${o.label}`;
}

/**
 * Compares two claims from different reports on what a reader weighs: who, the claim's own chain,
 * the hedge (only between claims of one kind, so that an explanation's hedge is not set against a
 * figure's) and the date, said with said and about with about, only where the two cannot be the
 * same time. A date one telling gives and the other does not is no difference.
 */
function comparePair(a: Claim, b: Claim, out: Difference[]): void {
  const add = (kind: Difference['kind'], label: string, value: (c: Claim) => string): void => {
    out.push({ kind, label, sides: [a, b].map((claim) => ({ claim, value: value(claim) })) });
  };
  if (a.data.kind === b.data.kind && a.data.hedge !== b.data.hedge) add('hedge', 'Hedge', (c) => c.data.hedge);
  if (a.claimant !== b.claimant) add('claimant', 'Claimant', claimantInWords);
  else if (a.origin.key !== b.origin.key) add('origin', 'Origin', (c) => c.origin.label);
  // Only the links of the claims' own chains: "own voice" against "named" is the claimant's difference.
  const links = (c: Claim): string =>
    ownChain(c)
      .map((l) => l.source.id)
      .join();
  if (links(a) !== links(b)) add('chain', 'Attribution chain', chainOf);
  for (const role of ['about', 'stated'] as const) {
    const [x, y] = [a.data[role], b.data[role]];
    if (x && y && !overlap(x, y))
      add(role, role === 'about' ? 'Date (when it happened)' : 'Date (when it was said)', (c) =>
        formatDateSpec(c.data[role]!),
      );
  }
}

/** The reports' relay chains, once per event, when the tellings' reports relay differently. */
function relayDifference(tellings: readonly Telling[]): Difference | undefined {
  const sides = tellings.map((t) => ({
    claim: t.claims[0]!,
    value: relayLabel(t.article) || 'relays no source as a whole',
  }));
  return new Set(sides.map((s) => s.value)).size > 1
    ? { kind: 'relay', label: "Report's relay chain", sides }
    : undefined;
}

/** One line per kind of difference and set of values: "named directly / through Fakti" once, with every claim it concerns. */
function mergeDifferences(found: Difference[]): Difference[] {
  const merged = new Map<string, Difference>();
  for (const d of found) {
    const key = `${d.kind}|${[...new Set(d.sides.map((s) => s.value))].sort().join('|')}`;
    const m = merged.get(key);
    if (!m) merged.set(key, { ...d, sides: [...d.sides] });
    else for (const s of d.sides) if (!m.sides.some((x) => x.claim === s.claim)) m.sides.push(s);
  }
  return [...merged.values()];
}

const FIELD: Record<Difference['kind'], string> = {
  hedge: 'hedge',
  claimant: 'claimant',
  origin: 'claimant',
  chain: 'chain',
  relay: 'relay',
  about: 'about',
  stated: 'stated',
  figure: 'figures',
};

/**
 * The letter of an event's `i`-th telling (from 0), as spreadsheet columns are lettered: A to Z,
 * then AA, AB… So every report telling an event has its own letter, however many there are: the
 * letters name the tellings on the page (headings, ids, the graph's columns, claim labels like
 * "A2"), and at 27 tellings "A" again would have named two reports.
 */
export function tellingLetter(i: number): string {
  let letters = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * Assembles the events from the claims that name them, computes each event's differences,
 * relations and evidence, and orders the events on the timeline. Differences are compared only
 * between claims of different reports that a relation links, so the work per event grows with
 * its relations, not with the square of its claims.
 */
export function buildEvents(
  inputs: readonly { id: string; data: EventData }[],
  claims: readonly Claim[],
  articleOrder: readonly Article[],
): LedgerEvent[] {
  const events = new Map<string, LedgerEvent>(
    inputs.map((e) => [
      e.id,
      {
        id: e.id,
        data: e.data,
        claims: [],
        tellings: [],
        relations: [],
        differences: [],
        differing: new Set(),
        evidence: evidenceFor([], [], 'event'),
        measures: [],
        previous: undefined,
        next: undefined,
      },
    ]),
  );
  // Claims arrive report by report in text order, so each telling is already in text order.
  for (const c of claims) {
    for (const id of c.data.events) {
      const ev = events.get(id);
      if (!ev) continue;
      ev.claims.push(c);
      c.events.push(ev);
    }
  }
  const rank = new Map(articleOrder.map((a, i) => [a, i]));
  for (const ev of events.values()) {
    const byArticle = new Map<Article, Claim[]>();
    for (const c of ev.claims) byArticle.set(c.article, [...(byArticle.get(c.article) ?? []), c]);
    ev.tellings = [...byArticle]
      .sort(([a], [b]) => rank.get(a)! - rank.get(b)!)
      .map(([article, list], i) => ({
        article,
        letter: tellingLetter(i),
        claims: list.sort((x, y) => x.number - y.number),
      }));

    const byId = new Map(ev.claims.map((c) => [c.id, c]));
    const pairs = new Map<string, [Claim, Claim]>();
    const seen = new Set<string>();
    const pair = (a: Claim, b: Claim): void => {
      if (a.article === b.article) return;
      const [x, y] = rank.get(a.article)! <= rank.get(b.article)! ? [a, b] : [b, a];
      pairs.set(`${x.id} ${y.id}`, [x, y]);
    };
    for (const c of ev.claims) {
      for (const r of c.data.relations) {
        const other = byId.get(r.claim);
        if (!other) continue;
        // "Same event" reads the same both ways: a pair recorded on both claims is shown once.
        const key = r.type === 'same-event' ? [c.id, other.id].sort().join(' ') : `${c.id} ${other.id}`;
        if (seen.has(`${r.type} ${key}`)) continue;
        seen.add(`${r.type} ${key}`);
        ev.relations.push({ from: c, to: other, type: r.type, note: r.note });
        pair(c, other);
      }
    }
    const found: Difference[] = [];
    for (const [a, b] of pairs.values()) comparePair(a, b, found);
    const relay = relayDifference(ev.tellings);
    ev.differences = [...(relay ? [relay] : []), ...mergeDifferences(found)];

    ev.measures = ev.data.measures.map((m) => ({
      label: m.label,
      figures: m.figures.map((f) => ({
        claim: byId.get(f.claim)!,
        figure: byId.get(f.claim)!.data.figures[f.figure - 1]!,
      })),
    }));
    for (const m of ev.measures) {
      const shown = m.figures.map((f) => ({ claim: f.claim, value: formatFigure(f.figure) }));
      const reports = new Set(m.figures.map((f) => f.claim.article));
      const values = new Set(m.figures.map((f) => `${f.figure.approx} ${f.figure.value} ${f.figure.upper ?? ''}`));
      if (reports.size > 1 && values.size > 1)
        ev.differences.push({ kind: 'figure', label: `Number: ${m.label}`, sides: shown });
    }
    // A report-level difference is shown once, in the list, not as a mark on every claim.
    for (const d of ev.differences)
      if (d.kind !== 'relay') for (const s of d.sides) ev.differing.add(`${s.claim.id}:${FIELD[d.kind]}`);

    // The event's disputes are those between its own claims: who disputes which telling.
    const disputes = new Map<string, Dispute>();
    for (const c of ev.claims)
      for (const d of c.evidence.disputedBy) if (byId.has(d.claim.id)) disputes.set(`${d.claim.id} ${d.target.id}`, d);
    ev.evidence = evidenceFor(ev.claims, [...disputes.values()], 'event');
  }
  const ordered = [...events.values()].sort(
    (a, b) => compareText(sortKey(a.data.date.date), sortKey(b.data.date.date)) || compareText(a.id, b.id),
  );
  ordered.forEach((ev, i) => {
    ev.previous = ordered[i - 1];
    ev.next = ordered[i + 1];
  });
  return ordered;
}
