import { eventSchema } from '../../../schemas/event';
import { check } from '../problems';
import type { ClaimEntry, ValidationContext } from '../types';
import { candidatesOf, unknownReason } from '../suggest';

/**
 * Phase 6: `content/events/*.yaml` and every claim's `events:` list: schema, topics resolve, each
 * event named by at least one claim, each claim's events exist and are not repeated, and each
 * `measures` entry points at a figure of a claim that tells the event. (File names, the event
 * ids, are checked when the files are read.) One lookup per reference: linear in the corpus.
 */
export function checkEvents(ctx: ValidationContext): void {
  const { raw, problems, known } = ctx;
  for (const f of raw.events) {
    // A file that exists but fails validation still counts as existing, so a claim naming it does
    // not add a second, misleading "unknown event" line.
    known.events.add(f.id);
    if (f.error) {
      problems.add(f.file, f.error.field, f.error.reason);
      problems.incomplete('events');
      continue;
    }
    const data = check(eventSchema, f.data, f.file, '', problems);
    if (!data) {
      problems.incomplete('events');
      continue;
    }
    data.topics.forEach((t, i) => {
      if (!known.topics.has(t)) problems.add(f.file, `topics[${i}]`, unknownReason('topic', t, candidatesOf(ctx, 'topic')));
    });
    ctx.events.push({ id: f.id, file: f.file, data });
  }

  const tellers = new Map<string, ClaimEntry[]>();
  for (const c of ctx.claims) {
    const seen = new Set<string>();
    c.data.events.forEach((e, i) => {
      const field = `claims (${c.data.id}).events[${i}]`;
      if (seen.has(e)) problems.add(c.file, field, `event "${e}" is listed twice`);
      seen.add(e);
      // With the events folder unreadable (a symbolic link, say), that is the problem to report.
      if (!known.events.has(e) && problems.complete('events')) problems.add(c.file, field, unknownReason('event', e, candidatesOf(ctx, 'event')));
      tellers.set(e, [...(tellers.get(e) ?? []), c]);
    });
  }

  // With some claims unreadable, an event's tellers may be among them: the checks below need them all.
  if (!problems.complete('claims')) return;
  // A claim dropped for a problem of its own (a duplicate id) may be an event's second report: the
  // count of reports is only trusted when no claim had a problem.
  const claimsClean = !problems.list.some((p) => p.file.includes('claims/'));
  for (const ev of ctx.events) {
    const told = tellers.get(ev.id) ?? [];
    if (told.length === 0) problems.add(ev.file, '(entry)', 'no claim names this event; add it to the events of the claims that tell it');
    // An event sets reports' tellings side by side: one report's claims are not one.
    else if (claimsClean && new Set(told.map((c) => c.article)).size < 2) {
      problems.add(ev.file, '(entry)', `only claims of one report ("${told[0]!.article}") tell this event; an event needs the tellings of two or more reports`);
    }
    const byId = new Map(told.map((c) => [c.data.id, c]));
    ev.data.measures.forEach((m, i) =>
      m.figures.forEach((ref, j) => {
        const field = `measures[${i}].figures[${j}]`;
        const claim = byId.get(ref.claim);
        if (!claim) problems.add(ev.file, `${field}.claim`, `"${ref.claim}" is not a claim that tells this event`);
        else if (ref.figure > claim.data.figures.length) {
          problems.add(ev.file, `${field}.figure`, `claim "${ref.claim}" has ${claim.data.figures.length} figure(s), not ${ref.figure}`);
        }
      }),
    );
  }
}
