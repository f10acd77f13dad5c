import { firstPublishedByClaim } from '../../permalinks';
import type { ValidationContext } from '../types';

/**
 * Phase: a claim's corrections fall after the day it was first published (its `/claims/<id>/`
 * line in `permalinks.txt`): a correction dated earlier corrects nothing a reader saw. (A date in
 * the future is refused by the date schema.) A claim not yet listed there has nothing to check.
 * Runs after `checkPublishedUrls`, which has put the file's valid lines in `ctx.permalinks`.
 */
export function checkCorrections(ctx: ValidationContext): void {
  if (!ctx.claims.some((c) => c.data.corrections.length > 0)) return;
  const firstPublished = firstPublishedByClaim(ctx.permalinks);
  for (const c of ctx.claims) {
    const first = firstPublished.get(c.data.id);
    if (!first) continue;
    c.data.corrections.forEach((k, i) => {
      if (k.date < first) {
        ctx.problems.add(
          c.file,
          `claims (${c.data.id}).corrections[${i}].date`,
          `"${k.date}" is before the claim was first published, on ${first} (${ctx.raw.permalinks.file}): a correction changes what was published`,
        );
      }
    });
  }
}
