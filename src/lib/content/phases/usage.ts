import type { ValidationContext } from '../types';

/**
 * Phase 9: every source and topic is used. A source counts as used when a report publishes
 * through it, a claim names it (claimant or chain), or a used source is affiliated to it: a source
 * that only its own ring of affiliations points to is still unused. Skipped while some entries
 * could not be read, since their references are unknown.
 */
export function checkUsage(ctx: ValidationContext): void {
  const { problems } = ctx;
  if (problems.complete('articles', 'claims', 'sources')) {
    const used = new Set<string>();
    const use = (id: string | null | undefined): void => {
      // Follow the affiliations of a newly used source; the set stops a ring.
      while (id != null && !used.has(id)) {
        used.add(id);
        id = ctx.sourceById.get(id)?.data.affiliation;
      }
    };
    for (const a of ctx.articles) use(a.data.outlet.id);
    for (const c of ctx.claims) {
      use(c.data.claimant);
      c.data.via.forEach(use);
    }
    for (const s of ctx.sources) if (!used.has(s.id)) problems.add(s.file, '(entry)', 'source is never used by any claim, report, or source they name');
  }
  if (problems.complete('articles', 'claims', 'events')) {
    // A topic used only by an event counts as used.
    const used = new Set([...ctx.articles.flatMap((a) => a.data.topics), ...ctx.claims.flatMap((c) => c.data.topics), ...ctx.events.flatMap((e) => e.data.topics)]);
    for (const t of ctx.topics) if (!used.has(t.id)) problems.add(t.file, '(entry)', 'topic is never used by any claim or report');
  }
}
