import type { relationTypes } from '../schemas/claim';

/** A relation type from the schema. */
export type RelationType = (typeof relationTypes)[number];

/** How a relation reads from either end: "A denies B" is "B is denied by A". */
const LABELS: Record<RelationType, { out: string; in: string }> = {
  corroborates: { out: 'Corroborates', in: 'Corroborated by' },
  contradicts: { out: 'Contradicts', in: 'Contradicted by' },
  denies: { out: 'Denies', in: 'Denied by' },
  updates: { out: 'Updates', in: 'Updated by' },
  'same-event': { out: 'Same event', in: 'Same event' },
  qualifies: { out: 'Qualifies', in: 'Qualified by' },
};

/** The heading for a group of related claims, seen from the claim whose page it is. */
export function relationLabel(type: RelationType, direction: 'out' | 'in'): string {
  return LABELS[type][direction];
}

/** Order of relation groups on a page: agreements first, then disagreements. */
export const RELATION_ORDER: readonly string[] = [
  'Same event',
  'Corroborates',
  'Corroborated by',
  'Updates',
  'Updated by',
  'Qualifies',
  'Qualified by',
  'Contradicts',
  'Contradicted by',
  'Denies',
  'Denied by',
];
