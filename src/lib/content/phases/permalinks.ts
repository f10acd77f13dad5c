import { redirectsFileSchema, type Redirect } from '../../../schemas/redirect';
import { check } from '../problems';
import type { ValidationContext } from '../validate';

/** Phase 6: `content/redirects.yaml`: each retired id is retired, once, and leads somewhere real. */
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
    } else if (r.to !== undefined && problems.complete('claim-ids') && !known.claims.has(r.to)) problems.add(f.file, `${field}.to`, `unknown claim "${r.to}"`);
    if (r.article !== undefined && !known.articles.has(r.article)) problems.add(f.file, `${field}.article`, `unknown article "${r.article}"`);
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

const CLAIM_URL = /^\/claims\/([^/]+)\/$/;
const ANCHOR_URL = /^\/articles\/([^/]+)\/#(.+)$/;
const EVENT_URL = /^\/events\/([^/]+)\/$/;

/**
 * Phase 7: every claim and event URL ever published (`permalinks.txt`) still leads somewhere: its
 * claim is still published (in the same report, for an anchor) or its id has a redirect; its
 * event still exists. Removing a claim
 * otherwise passes the build and breaks every citation of it.
 */
export function checkPermalinks(ctx: ValidationContext): void {
  const { raw, problems } = ctx;
  // With a claims file or redirects.yaml unreadable, a published id may be in it: its own problem
  // says what to fix, and a line per URL would bury it.
  if (!raw.permalinks || !problems.complete('claim-ids', 'redirects')) return;
  const articleOf = new Map(ctx.claims.map((c) => [c.data.id, c.article]));
  const retired = new Set(ctx.redirects.map((r) => r.from));
  // An invalid claim is not published, but it is not gone either: its own problem says what to fix.
  const present = (id: string): boolean => ctx.known.claims.has(id) || retired.has(id);
  const how = (id: string, article?: string): string =>
    `declare where it went in ${raw.dir.replace(/\/+$/, '').split('/').pop()}/redirects.yaml, e.g. "- { from: ${id}, to: <new-claim-id>, note: 'Renamed.' }" or "- { from: ${id}, article: ${article ?? '<report-id>'}, note: 'Removed.' }"`;
  for (const { line, url } of raw.permalinks.urls) {
    const field = `line ${line} (${url})`;
    const claim = CLAIM_URL.exec(url);
    const anchor = ANCHOR_URL.exec(url);
    const event = EVENT_URL.exec(url);
    if (event) {
      const id = event[1]!;
      // An event file that fails validation still exists: its own problem says what to fix.
      if (problems.complete('events') && !ctx.known.events.has(id)) {
        problems.add(raw.permalinks.file, field, `published event "${id}" no longer exists; restore events/${id}.yaml (an event URL is permanent)`);
      }
    } else if (claim) {
      const id = claim[1]!;
      if (!present(id)) problems.add(raw.permalinks.file, field, `published claim "${id}" no longer exists; ${how(id)}`);
    } else if (anchor) {
      const [, article, id] = anchor as unknown as [string, string, string];
      if (!present(id)) problems.add(raw.permalinks.file, field, `published claim "${id}" no longer exists; ${how(id, article)}`);
      // A claims file naming an unknown report has that problem already: its claims have not moved.
      else if (articleOf.has(id) && articleOf.get(id) !== article && ctx.known.articles.has(articleOf.get(id)!)) {
        problems.add(raw.permalinks.file, field, `claim "${id}" is now in report "${articleOf.get(id)}", so this anchor in "${article}" is gone; keep claim ids in their report`);
      }
    } else {
      problems.add(raw.permalinks.file, field, 'not a claim or event URL: expected /claims/<id>/, /articles/<report>/#<id> or /events/<id>/');
    }
  }
}
