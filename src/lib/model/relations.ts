import type { relationTypes } from '../../schemas/claim';

/** A relation type from the schema. */
export type RelationType = (typeof relationTypes)[number];

/** Which end of a relation a page stands at: "A denies B" is `out` on A's page, `in` on B's. */
export type RelationDirection = 'out' | 'in';

/** How a relation reads from either end: "A denies B" is "B is denied by A". */
const LABELS: Record<RelationType, Record<RelationDirection, string>> = {
  corroborates: { out: 'Corroborates', in: 'Corroborated by' },
  contradicts: { out: 'Contradicts', in: 'Contradicted by' },
  denies: { out: 'Denies', in: 'Denied by' },
  updates: { out: 'Updates', in: 'Updated by' },
  'same-event': { out: 'Same event', in: 'Same event' },
  qualifies: { out: 'Qualifies', in: 'Qualified by' },
};

/** The heading for a group of related claims, seen from the claim whose page it is. */
export function relationLabel(type: RelationType, direction: RelationDirection): string {
  return LABELS[type][direction];
}

// Order of the groups on a page: agreements first, then disagreements. "Same event" reads the
// same from both ends, so both directions share one group.
const ORDER: readonly [RelationType, RelationDirection | 'both'][] = [
  ['same-event', 'both'],
  ['corroborates', 'out'],
  ['corroborates', 'in'],
  ['updates', 'out'],
  ['updates', 'in'],
  ['qualifies', 'out'],
  ['qualifies', 'in'],
  ['contradicts', 'out'],
  ['contradicts', 'in'],
  ['denies', 'out'],
  ['denies', 'in'],
];

/** The position of a relation's group on a page; both ends of a symmetric relation share one. */
export function relationGroup(type: RelationType, direction: RelationDirection): number {
  return ORDER.findIndex(([t, d]) => t === type && (d === 'both' || d === direction));
}
