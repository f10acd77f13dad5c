import { distance } from 'fastest-levenshtein';
import { compareText } from '../order';

// An unknown id is usually a near miss: a typo of an existing id, or a new id made from an existing
// source's name ("moscow-mayors-office" for the source named "Moscow's mayor's office"). The
// message names the nearest existing ids, by spelling and by names and aliases, so the analyst
// can fix the reference instead of creating a duplicate.

/** An existing entry an unknown id may have meant: its id and the names it goes by (name first, then aliases). */
export interface Candidate {
  id: string;
  names?: readonly string[];
}

/** The kinds of entry a reference names, each with the file that would define one. */
export const ENTRY_FILES = { source: 'sources/{}.yaml', topic: 'topics/{}.yaml', event: 'events/{}.yaml', article: 'articles/{}.md', claim: undefined } as const;

/** A kind of entry a reference can name. */
export type EntryKind = keyof typeof ENTRY_FILES;

/** A name as an id would spell it: "Moscow's mayor's office" → "moscows-mayors-office". */
export const slugOf = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

// Near enough to suggest: at most one edit in three characters (one for a short id).
const close = (a: string, b: string): number | undefined => {
  const d = distance(a, b);
  return d <= Math.max(1, Math.floor(Math.min(a.length, b.length) / 3)) ? d : undefined;
};

/**
 * The existing ids an unknown `id` most likely meant, best first (at most `max`), each with the name
 * to show beside it: the name or alias that matched, else the entry's first name.
 */
export function nearestIds(id: string, candidates: Iterable<Candidate>, max = 3): { id: string; name?: string }[] {
  const found: { id: string; name: string | undefined; score: number }[] = [];
  for (const c of candidates) {
    let best: { score: number; name: string | undefined } | undefined;
    const byId = close(id, c.id);
    if (byId !== undefined) best = { score: byId, name: c.names?.[0] };
    for (const name of c.names ?? []) {
      const byName = close(id, slugOf(name));
      // A name match counts a little less than the same distance on the id itself.
      if (byName !== undefined && (best === undefined || byName + 0.5 < best.score)) best = { score: byName + 0.5, name };
    }
    if (best) found.push({ id: c.id, score: best.score, name: best.name });
  }
  found.sort((a, b) => a.score - b.score || compareText(a.id, b.id));
  return found.slice(0, max).map(({ id: i, name }) => (name === undefined ? { id: i } : { id: i, name }));
}

/**
 * The reason for a reference to a missing entry, with the nearest existing ids: `unknown source
 * "moscow-mayors-office" (no sources/moscow-mayors-office.yaml); did you mean "moscow-city-government"
 * (Moscow's mayor's office)?`.
 */
export function unknownReason(kind: EntryKind, id: string, candidates: Iterable<Candidate>): string {
  const file = ENTRY_FILES[kind];
  const base = `unknown ${kind} "${id}"${file ? ` (no ${file.replace('{}', id)})` : ''}`;
  const near = nearestIds(id, candidates);
  if (!near.length) return base;
  const shown = near.map((n) => `"${n.id}"${n.name ? ` (${n.name})` : ''}`);
  const list = shown.length === 1 ? shown[0] : `${shown.slice(0, -1).join(', ')} or ${shown.at(-1)}`;
  return `${base}; did you mean ${list}?`;
}

/** What candidates are drawn from: the ids known to exist, and the names of the valid entries. */
export interface CandidateSource {
  known: Record<'articles' | 'sources' | 'topics' | 'claims' | 'events', ReadonlySet<string>>;
  sources: readonly { id: string; data: { name: string; aliases: readonly string[] } }[];
  topics: readonly { id: string; data: { name: string } }[];
  events: readonly { id: string; data: { name: string } }[];
  articles: readonly { id: string; data: { title: string } }[];
}

/** Every existing entry of a kind, with its names (a source's name and aliases, a topic's or event's name, a report's title). */
export function candidatesOf(ctx: CandidateSource, kind: EntryKind): Candidate[] {
  const names = new Map<string, readonly string[]>();
  if (kind === 'source') for (const s of ctx.sources) names.set(s.id, [s.data.name, ...s.data.aliases]);
  if (kind === 'topic') for (const t of ctx.topics) names.set(t.id, [t.data.name]);
  if (kind === 'event') for (const e of ctx.events) names.set(e.id, [e.data.name]);
  if (kind === 'article') for (const a of ctx.articles) names.set(a.id, [a.data.title]);
  return [...ctx.known[`${kind}s`]].map((id) => ({ id, names: names.get(id) ?? [] }));
}
