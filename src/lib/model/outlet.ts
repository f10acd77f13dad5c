import type { Article } from './ledger';

/**
 * Who published a report, in a few words: the outlet's name, marked "(inferred)" when the report
 * does not name it, or "unknown outlet". Lists, citations and feeds all say it this way.
 */
export function outletLabel(a: Article): string {
  if (!a.outlet) return 'unknown outlet';
  return a.data.outlet.basis === 'inferred' ? `${a.outlet.data.name} (inferred)` : a.outlet.data.name;
}
