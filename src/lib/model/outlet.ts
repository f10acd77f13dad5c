import type { Article, Claim, Source } from './ledger';
import { REPORT_VOICE } from '../content/lints';

/**
 * Who published a report, in a few words: the outlet's name, marked "(inferred)" when the report
 * does not name it, or "unknown outlet". Lists, citations and feeds all say it this way.
 */
export function outletLabel(a: Article): string {
  if (!a.outlet) return 'unknown outlet';
  return a.data.outlet.basis === 'inferred' ? `${a.outlet.data.name} (inferred)` : a.outlet.data.name;
}

/**
 * The report's outlet as a fact: the outlet when the report names it, nothing when the outlet is
 * unknown or only inferred. The one place that decides whether an outlet may be asserted as a
 * publisher (structured data) or an author (citations).
 */
export function knownPublisher(a: Article): Source | undefined {
  return a.outlet && a.data.outlet.basis === 'stated' ? a.outlet : undefined;
}

/** Whether a claim is made in its report's own voice (the `the-report` source), not by a named source. */
export const isReportVoice = (c: Claim): boolean => c.claimant.id === REPORT_VOICE;

/** A claim's author, as citations and structured data name it. */
export type ClaimAuthor = { kind: 'source'; source: Source } | { kind: 'byline'; name: string };

/**
 * Who a claim is by: its claimant; for a claim in the report's own voice (whose claimant, "The
 * report itself", is ours and no one's name), the report's byline, else its outlet when the report
 * names it, else nobody.
 */
export function claimAuthor(c: Claim): ClaimAuthor | undefined {
  if (!isReportVoice(c)) return { kind: 'source', source: c.claimant };
  if (c.article.data.byline) return { kind: 'byline', name: c.article.data.byline };
  const outlet = knownPublisher(c.article);
  return outlet ? { kind: 'source', source: outlet } : undefined;
}

/** A claim author's name, as a citation writes it. */
export const authorName = (a: ClaimAuthor): string => (a.kind === 'byline' ? a.name : a.source.data.name);
