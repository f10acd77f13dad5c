import type { EventData } from '../../schemas/event';
import { formatDateSpec, sortKey } from './dates';
import { evidenceFor } from './evidence';
import { formatFigure } from './figures';
import type { Article, Claim, Difference, Evidence, LedgerEvent } from './types';

export type { Difference, EventRelation, LedgerEvent, Telling } from './types';

const chainOf = (c: Claim): string => {
  if (c.via.length) return `through ${c.via.map((s) => s.data.name).join(' → ')}`;
  return c.claimant.id === 'the-report' ? "the report's own voice" : 'named directly by the report';
};
const dateOf = (c: Claim): string => {
  const d = c.data.about ?? c.data.stated;
  return d ? formatDateSpec(d) : 'no date given';
};
const dateKey = (c: Claim): string => (c.data.about ?? c.data.stated)?.date ?? '';

/** Compares two claims from different reports on what a reader weighs: hedge, who, chain, date. */
function comparePair(a: Claim, b: Claim, out: Difference[]): void {
  const add = (kind: Difference['kind'], label: string, value: (c: Claim) => string): void => {
    out.push({ kind, label, sides: [a, b].map((claim) => ({ claim, value: value(claim) })) });
  };
  if (a.data.hedge !== b.data.hedge) add('hedge', 'Hedge', (c) => c.data.hedge);
  if (a.claimant !== b.claimant) add('claimant', 'Claimant', (c) => c.claimant.data.name);
  else if (a.origin.key !== b.origin.key) add('origin', 'Origin', (c) => c.origin.name);
  if (a.via.map((s) => s.id).join() !== b.via.map((s) => s.id).join()) add('chain', 'Attribution chain', chainOf);
  // A date given in one telling and not the other, or two different dates.
  if (dateKey(a) !== dateKey(b)) add('date', 'Date', dateOf);
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

const FIELD: Record<Difference['kind'], string> = { hedge: 'hedge', claimant: 'claimant', origin: 'claimant', chain: 'chain', date: 'date', figure: 'figures' };

/**
 * Assembles the events from the claims that name them, computes each event's differences,
 * relations and evidence, and orders the events on the timeline. Differences are compared only
 * between claims of different reports that a relation links, so the work per event grows with
 * its relations, not with the square of its claims.
 */
export function buildEvents(inputs: readonly { id: string; data: EventData }[], claims: readonly Claim[], articleOrder: readonly Article[]): LedgerEvent[] {
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
      .map(([article, list], i) => ({ article, letter: String.fromCharCode(65 + (i % 26)), claims: list.sort((x, y) => x.number - y.number) }));

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
    ev.differences = mergeDifferences(found);

    ev.measures = ev.data.measures.map((m) => ({
      label: m.label,
      figures: m.figures.map((f) => ({ claim: byId.get(f.claim)!, figure: byId.get(f.claim)!.data.figures[f.figure - 1]! })),
    }));
    for (const m of ev.measures) {
      const shown = m.figures.map((f) => ({ claim: f.claim, value: formatFigure(f.figure) }));
      const reports = new Set(m.figures.map((f) => f.claim.article));
      const values = new Set(m.figures.map((f) => `${f.figure.approx} ${f.figure.value} ${f.figure.upper ?? ''}`));
      if (reports.size > 1 && values.size > 1) ev.differences.push({ kind: 'figure', label: `Number: ${m.label}`, sides: shown });
    }
    for (const d of ev.differences) for (const s of d.sides) ev.differing.add(`${s.claim.id}:${FIELD[d.kind]}`);

    const disputes = new Map<Claim, Evidence['disputedBy'][number]>();
    for (const c of ev.claims) for (const d of c.evidence.disputedBy) disputes.set(d.claim, d);
    ev.evidence = evidenceFor(ev.claims, [...disputes.values()], 'event');
  }
  const ordered = [...events.values()].sort((a, b) => sortKey(a.data.date.date).localeCompare(sortKey(b.data.date.date)) || a.id.localeCompare(b.id));
  ordered.forEach((ev, i) => {
    ev.previous = ordered[i - 1];
    ev.next = ordered[i + 1];
  });
  return ordered;
}
