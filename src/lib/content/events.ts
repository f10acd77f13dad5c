import type { z } from 'astro/zod';
import { idSchema } from '../../schemas/common';
import { eventSchema, type EventData } from '../../schemas/event';
import type { RawFile } from './read';
import type { ClaimEntry, DataEntry, Problem } from './validate';

/** A schema check that reports each issue as one problem line (`file: field: reason`). */
type Check = <S extends z.ZodType>(schema: S, raw: unknown, file: string, prefix: string, problems: Problem[]) => z.infer<S> | undefined;

/** What the events phase hands back to the corpus validator. */
export interface EventsResult {
  events: DataEntry<EventData>[];
  /** Topic ids the events use, so a topic used only by an event counts as used. */
  topicsUsed: string[];
}

/**
 * Validates `content/events/*.yaml` and every claim's `events:` list: ids kebab-case (the id is
 * the file name and a permanent URL), schema, topics resolve, each event named by at least one
 * claim, each claim's events exist and are not repeated, and each `measures` entry points at a
 * figure of a claim that tells the event. One lookup per reference: linear in the corpus.
 */
export function validateEvents(files: readonly RawFile[], claims: readonly ClaimEntry[], topicIds: ReadonlySet<string>, check: Check, problems: Problem[]): EventsResult {
  const events: DataEntry<EventData>[] = [];
  const topicsUsed: string[] = [];
  // Files that exist but fail validation still count as existing, so a claim naming one does
  // not add a second, misleading "unknown event" line.
  const eventFileIds = new Set(files.map((f) => f.id));
  for (const f of files) {
    if (f.parseError) {
      problems.push({ file: f.file, field: '(file)', reason: f.parseError });
      continue;
    }
    if (!idSchema.safeParse(f.id).success) {
      problems.push({ file: f.file, field: '(file)', reason: `event id "${f.id}" (the file name) must be kebab-case: lowercase letters, digits and single hyphens` });
      continue;
    }
    const data = check(eventSchema, f.data, f.file, '', problems);
    if (!data) continue;
    data.topics.forEach((t, i) => {
      topicsUsed.push(t);
      if (!topicIds.has(t)) problems.push({ file: f.file, field: `topics[${i}]`, reason: `unknown topic "${t}" (no topics/${t}.yaml)` });
    });
    events.push({ id: f.id, file: f.file, data });
  }

  const tellers = new Map<string, ClaimEntry[]>();
  for (const c of claims) {
    const seen = new Set<string>();
    c.data.events.forEach((e, i) => {
      const field = `claims (${c.data.id}).events[${i}]`;
      if (seen.has(e)) problems.push({ file: c.file, field, reason: `event "${e}" is listed twice` });
      seen.add(e);
      if (!eventFileIds.has(e)) problems.push({ file: c.file, field, reason: `unknown event "${e}" (no events/${e}.yaml)` });
      tellers.set(e, [...(tellers.get(e) ?? []), c]);
    });
  }

  for (const ev of events) {
    const told = tellers.get(ev.id) ?? [];
    if (told.length === 0) problems.push({ file: ev.file, field: '(entry)', reason: 'no claim names this event; add it to the events of the claims that tell it' });
    const byId = new Map(told.map((c) => [c.data.id, c]));
    ev.data.measures.forEach((m, i) =>
      m.figures.forEach((ref, j) => {
        const field = `measures[${i}].figures[${j}]`;
        const claim = byId.get(ref.claim);
        if (!claim) problems.push({ file: ev.file, field: `${field}.claim`, reason: `"${ref.claim}" is not a claim that tells this event` });
        else if (ref.figure > claim.data.figures.length) {
          problems.push({ file: ev.file, field: `${field}.figure`, reason: `claim "${ref.claim}" has ${claim.data.figures.length} figure(s), not ${ref.figure}` });
        }
      }),
    );
  }
  return { events, topicsUsed };
}
