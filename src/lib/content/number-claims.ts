import type { ClaimEntry } from './types';

/**
 * Numbers each report's claims 1, 2, 3… in the order their quotes appear in the text (by block,
 * then by start within the block; claims whose quotes start at the same place keep file order).
 * Run once, at the end of validation, so the anchors in the report and "Claim 3 of 17" on the
 * pages read the same number instead of each sorting for themselves.
 */
export function numberClaims(claims: readonly ClaimEntry[]): void {
  const at = (c: ClaimEntry): number => (c.location ? c.location.block * 1e6 + c.location.start : Number.MAX_SAFE_INTEGER);
  const next = new Map<string, number>();
  // A stable sort, so ties keep the order of the claims file.
  for (const c of [...claims].sort((x, y) => at(x) - at(y))) {
    const n = (next.get(c.article) ?? 0) + 1;
    next.set(c.article, n);
    c.number = n;
  }
}
