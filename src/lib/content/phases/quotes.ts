import { explainMissingQuote } from '../quote-diagnosis';
import { crossingQuotes, locateQuotes, quoteContext } from '../text';
import type { ClaimEntry, ValidationContext } from '../types';

/**
 * Phase 4: each claim's quote is found in its report, and quotes are nested or separate. Both are
 * checked per report, over every claims file that names it: quotes that cross each other would
 * make the report page repeat words of the verbatim text, whichever files they come from.
 */
export function locateClaimQuotes(ctx: ValidationContext): void {
  const byArticle = new Map<string, ClaimEntry[]>();
  for (const c of ctx.claims) {
    const list = byArticle.get(c.article);
    if (list) list.push(c);
    else byArticle.set(c.article, [c]);
  }
  for (const [articleId, claims] of byArticle) {
    const article = ctx.articleById.get(articleId);
    // An empty report is its own problem (checkBodies); a line per quote would bury it.
    if (!article || article.blocks.length === 0) continue;
    const texts = article.blocks.map((b) => b.text);
    const results = locateQuotes(
      texts,
      claims.map((c) => ({ id: c.data.id, quote: c.data.quote, occurrence: c.data.occurrence })),
    );
    results.forEach((r, i) => {
      const claim = claims[i]!;
      const field = `claims (${claim.data.id}).quote`;
      if (r.ok) {
        claim.location = r.location;
        claim.context = quoteContext(texts[r.location.block]!, r.location);
      } else if (r.reason.startsWith('quote not found')) {
        const other = ctx.analysis.get(articleId)?.other ?? [];
        ctx.problems.add(claim.file, field, `${explainMissingQuote(claim.data.quote, texts, other, article.blocks.map((b) => b.line))} (${article.file})`);
      } else {
        ctx.problems.add(claim.file, field, `${r.reason} (${article.file})`);
      }
    });
    const fileOf = new Map(claims.map((c) => [c.data.id, c.file]));
    for (const [a, b] of crossingQuotes(claims.flatMap((c) => (c.location ? [c.location] : [])))) {
      const where = fileOf.get(a.id) === fileOf.get(b.id) ? '' : ` in ${fileOf.get(a.id)}`;
      ctx.problems.add(fileOf.get(b.id)!, `claims (${b.id}).quote`, `partially overlaps the quote of "${a.id}"${where}; quotes must be nested or separate`);
    }
  }
}
