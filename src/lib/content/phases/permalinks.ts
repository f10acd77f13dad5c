import { redirectsFileSchema, type Redirect } from '../../../schemas/redirect';
import { permalinkTarget } from '../../permalinks';
import { check } from '../problems';
import type { ValidationContext } from '../types';
import { candidatesOf, unknownReason } from '../suggest';

/** Phase 7: `content/redirects.yaml`: each retired id is retired, once, and leads somewhere real. */
export function checkRedirects(ctx: ValidationContext): void {
  const { raw, problems, known } = ctx;
  const f = raw.redirects;
  if (!f) return;
  if (f.error) {
    problems.add(f.file, f.error.field, f.error.reason);
    problems.incomplete('redirects');
    return;
  }
  const published = new Set(ctx.claims.map((c) => c.data.id));
  const seen = new Set<string>();
  const file = check(redirectsFileSchema, f.data, f.file, '', problems);
  if (!file) problems.incomplete('redirects');
  // A redirect to an id that is itself retired: say where that one leads, so the fix is one edit.
  const retired = new Map((file?.redirects ?? []).map((r) => [r.from, r]));
  file?.redirects.forEach((r, i) => {
    const field = `redirects[${i}] (${r.from})`;
    if (published.has(r.from)) problems.add(f.file, `${field}.from`, `"${r.from}" is still a published claim; a redirect is only for a retired id`);
    if (seen.has(r.from)) problems.add(f.file, `${field}.from`, 'duplicate redirect');
    seen.add(r.from);
    const onward = r.to === undefined ? undefined : retired.get(r.to);
    if (onward) {
      const end = finalTarget(onward, retired);
      problems.add(f.file, `${field}.to`, `"${r.to}" is itself retired (it leads to ${end}); point this redirect at ${end} directly`);
    } else if (r.to !== undefined && problems.complete('claim-ids') && !known.claims.has(r.to)) problems.add(f.file, `${field}.to`, unknownReason('claim', r.to, candidatesOf(ctx, 'claim')));
    if (r.article !== undefined && !known.articles.has(r.article)) problems.add(f.file, `${field}.article`, unknownReason('article', r.article, candidatesOf(ctx, 'article')));
    ctx.redirects.push(r);
  });
}

/** Where a chain of redirects ends: `claim "x"` or `report "y"` (or where it loops). */
function finalTarget(first: Redirect, retired: ReadonlyMap<string, Redirect>): string {
  const seen = new Set<string>();
  let r = first;
  while (r.to !== undefined && retired.has(r.to) && !seen.has(r.to)) {
    seen.add(r.to);
    r = retired.get(r.to)!;
  }
  return r.to !== undefined ? `claim "${r.to}"` : `report "${r.article}"`;
}

/**
 * Phase 7: `permalinks.txt`, every claim and event URL ever published. Each line is a URL and the
 * day it was first published (see `parsePermalinks`), and each URL still leads somewhere: its claim
 * is still published (in the same report, for an anchor) or its id has a redirect; its event still
 * exists. Removing a claim otherwise passes the build and breaks every citation of it.
 */
export function checkPublishedUrls(ctx: ValidationContext): void {
  const { raw, problems } = ctx;
  const { file, entries } = raw.permalinks;
  for (const p of raw.permalinks.problems) problems.add(file, p.field, p.reason);
  ctx.permalinks.push(...entries);
  // With a claims file or redirects.yaml unreadable, a published id may be in it: its own problem
  // says what to fix, and a line per URL would bury it.
  if (!problems.complete('claim-ids', 'redirects')) return;
  const articleOf = new Map(ctx.claims.map((c) => [c.data.id, c.article]));
  const retired = new Set(ctx.redirects.map((r) => r.from));
  // An invalid claim is not published, but it is not gone either: its own problem says what to fix.
  const present = (id: string): boolean => ctx.known.claims.has(id) || retired.has(id);
  const how = (id: string, article?: string): string =>
    `declare where it went in ${raw.dir.replace(/\/+$/, '').split('/').pop()}/redirects.yaml, e.g. "- { from: ${id}, to: <new-claim-id>, note: 'Renamed.' }" or "- { from: ${id}, article: ${article ?? '<report-id>'}, note: 'Removed.' }"`;
  for (const { line, url } of entries) {
    const field = `line ${line} (${url})`;
    const target = permalinkTarget(url);
    if (target?.kind === 'event') {
      // An event file that fails validation still exists: its own problem says what to fix.
      if (problems.complete('events') && !ctx.known.events.has(target.id)) {
        problems.add(file, field, `published event "${target.id}" no longer exists; restore events/${target.id}.yaml (an event URL is permanent)`);
      }
    } else if (target?.kind === 'claim') {
      if (!present(target.id)) problems.add(file, field, `published claim "${target.id}" no longer exists; ${how(target.id)}`);
    } else if (target?.kind === 'anchor') {
      const { article, id } = target;
      if (!present(id)) problems.add(file, field, `published claim "${id}" no longer exists; ${how(id, article)}`);
      // A claims file naming a report that does not exist has its own problem: not one per anchor.
      else if (articleOf.has(id) && articleOf.get(id) !== article && ctx.known.articles.has(articleOf.get(id)!)) {
        problems.add(file, field, `claim "${id}" is now in report "${articleOf.get(id)}", so this anchor in "${article}" is gone; keep claim ids in their report`);
      }
    }
  }
}
