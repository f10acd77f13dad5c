import { earliestDay, latestDay } from '../../../schemas/common';
import type { ValidationContext } from '../types';
import { candidatesOf, unknownReason } from '../suggest';

/** The source kinds that can publish a report. */
const OUTLET_KINDS: ReadonlySet<string> = new Set(['media outlet', 'social-media channel']);

/**
 * Phase 3: every id a file names resolves (outlets, claimants, chains, topics, affiliations,
 * relation targets), an outlet is a publisher, and no claim is stated, or about, later than its report.
 */
export function checkReferences(ctx: ValidationContext): void {
  const { problems, known } = ctx;
  const refSource = (id: string | null | undefined, file: string, field: string): void => {
    if (id != null && !known.sources.has(id)) problems.add(file, field, unknownReason('source', id, candidatesOf(ctx, 'source')));
  };
  const refTopics = (ids: readonly string[], file: string, field: string): void => {
    ids.forEach((id, i) => {
      if (!known.topics.has(id)) problems.add(file, `${field}[${i}]`, unknownReason('topic', id, candidatesOf(ctx, 'topic')));
    });
  };

  for (const s of ctx.sources) refSource(s.data.affiliation, s.file, 'affiliation');
  for (const a of ctx.articles) {
    const outlet = a.data.outlet.id;
    refSource(outlet, a.file, 'outlet.id');
    const kind = outlet ? ctx.sourceById.get(outlet)?.data.kind : undefined;
    if (kind && !OUTLET_KINDS.has(kind)) {
      problems.add(a.file, 'outlet.id', `"${outlet}" is of kind "${kind}", not a publisher: an outlet must be a source of kind "media outlet" or "social-media channel"`);
    }
    refTopics(a.data.topics, a.file, 'topics');
  }

  // With a claims file unreadable, an unknown claim id may simply be in it: say nothing.
  const claimIdsKnown = problems.complete('claim-ids');
  for (const c of ctx.claims) {
    const prefix = `claims (${c.data.id})`;
    refSource(c.data.claimant, c.file, `${prefix}.claimant`);
    c.data.via.forEach((v, i) => refSource(v, c.file, `${prefix}.via[${i}]`));
    refTopics(c.data.topics, c.file, `${prefix}.topics`);
    c.data.relations.forEach((r, i) => {
      const field = `${prefix}.relations[${i}].claim`;
      if (r.claim === c.data.id) problems.add(c.file, field, 'a claim cannot relate to itself');
      else if (claimIdsKnown && !known.claims.has(r.claim)) problems.add(c.file, field, unknownReason('claim', r.claim, candidatesOf(ctx, 'claim')));
    });
    const published = ctx.articleById.get(c.article)?.data.published.date;
    if (!published) continue;
    const limit = latestDay(published);
    if (c.data.stated && earliestDay(c.data.stated.date) > limit) {
      problems.add(c.file, `${prefix}.stated.date`, `"${c.data.stated.date}" is after the report's publication date "${published}"`);
    }
    if (c.data.about && c.data.kind !== 'forecast' && earliestDay(c.data.about.date) > limit) {
      problems.add(
        c.file,
        `${prefix}.about.date`,
        `"${c.data.about.date}" is after the report's publication date "${published}" (only a forecast may be about a later date)`,
      );
    }
  }
}
