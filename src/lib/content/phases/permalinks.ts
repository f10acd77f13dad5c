import { redirectsFileSchema } from '../../../schemas/redirect';
import { check } from '../problems';
import type { ValidationContext } from '../validate';
import { candidatesOf, unknownReason } from '../suggest';

/** Phase 6: `content/redirects.yaml`: each retired id is retired, once, and leads somewhere real. */
export function checkRedirects(ctx: ValidationContext): void {
  const { raw, problems, known } = ctx;
  const f = raw.redirects;
  if (!f) return;
  if (f.error) {
    problems.add(f.file, f.error.field, f.error.reason);
    return;
  }
  const published = new Set(ctx.claims.map((c) => c.data.id));
  const seen = new Set<string>();
  check(redirectsFileSchema, f.data, f.file, '', problems)?.redirects.forEach((r, i) => {
    const field = `redirects[${i}] (${r.from})`;
    if (published.has(r.from)) problems.add(f.file, `${field}.from`, `"${r.from}" is still a published claim; a redirect is only for a retired id`);
    if (seen.has(r.from)) problems.add(f.file, `${field}.from`, 'duplicate redirect');
    seen.add(r.from);
    if (r.to !== undefined && problems.complete('claim-ids') && !known.claims.has(r.to)) problems.add(f.file, `${field}.to`, unknownReason('claim', r.to, candidatesOf(ctx, 'claim')));
    if (r.article !== undefined && !known.articles.has(r.article)) problems.add(f.file, `${field}.article`, unknownReason('article', r.article, candidatesOf(ctx, 'article')));
    ctx.redirects.push(r);
  });
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
  if (!raw.permalinks || !problems.complete('claim-ids')) return;
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
      else if (articleOf.has(id) && articleOf.get(id) !== article) {
        problems.add(raw.permalinks.file, field, `claim "${id}" is now in report "${articleOf.get(id)}", so this anchor in "${article}" is gone; keep claim ids in their report`);
      }
    } else {
      problems.add(raw.permalinks.file, field, 'not a claim or event URL: expected /claims/<id>/, /articles/<report>/#<id> or /events/<id>/');
    }
  }
}
