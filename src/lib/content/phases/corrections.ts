import { readFirstPublished } from '../../permalinks';
import { permalinksPath } from '../signature';
import type { ValidationContext } from '../validate';

/**
 * Phase: a claim's corrections fall after the day it was first published (its `/claims/<id>/`
 * line in `permalinks.txt`): a correction dated earlier corrects nothing a reader saw. (A date in
 * the future is refused by the date schema.) A claim not yet listed there has nothing to check.
 */
export function checkCorrections(ctx: ValidationContext): void {
  if (!ctx.claims.some((c) => c.data.corrections.length > 0)) return;
  let firstPublished: Map<string, string>;
  try {
    firstPublished = readFirstPublished(permalinksPath(ctx.raw.dir));
  } catch {
    // A malformed permalinks.txt is reported by its own check; without it, nothing to compare.
    return;
  }
  for (const c of ctx.claims) {
    const first = firstPublished.get(c.data.id);
    if (!first) continue;
    c.data.corrections.forEach((k, i) => {
      if (k.date < first) {
        ctx.problems.add(c.file, `claims (${c.data.id}).corrections[${i}].date`, `"${k.date}" is before the claim was first published, on ${first} (permalinks.txt): a correction changes what was published`);
      }
    });
  }
}
