import type { FigureItem, Ledger } from './build-ledger';
import { figureMagnitude, formatFigure } from './figures';
import type { BarInput } from './charts';

/** The ways the figures table can be sorted, each a static page. */
export const FIGURE_SORTS = [
  { slug: '', label: 'Report order', column: 'claim' },
  { slug: 'by-value', label: 'Value', column: 'figure' },
  { slug: 'by-date', label: 'As of', column: 'asof' },
  { slug: 'by-claimant', label: 'Claimant', column: 'claimant' },
] as const;

/** One of the sort orders. */
export type FigureSort = (typeof FIGURE_SORTS)[number];

/** The figures in the requested order. Sorting is stable, so ties keep report order. */
export function sortFigures(items: readonly FigureItem[], sort: FigureSort['slug']): FigureItem[] {
  const list = [...items];
  if (sort === 'by-value') list.sort((a, b) => figureMagnitude(b.figure) - figureMagnitude(a.figure));
  if (sort === 'by-date') list.sort((a, b) => (a.figure.asOf?.date ?? '9999').localeCompare(b.figure.asOf?.date ?? '9999'));
  if (sort === 'by-claimant') list.sort((a, b) => a.claim.claimant.data.name.localeCompare(b.claim.claimant.data.name, 'en'));
  return list;
}

/** Rows for the casualty chart: every count of people killed or wounded, labelled by claimant. */
export function casualtyRows(ledger: Ledger): BarInput[] {
  return ledger.figures
    .filter((f) => f.claim.topics.some((t) => t.id === 'war-losses') && /killed|casualt|loss|injured/i.test(f.figure.counts))
    .map((f) => ({
      label: `${f.claim.claimant.data.name}: ${shortCounts(f.figure.counts)}`,
      value: figureMagnitude(f.figure),
      valueLabel: formatFigure(f.figure),
    }));
}

/** Rows for the rate-of-advance chart: every figure in metres per day. */
export function advanceRows(ledger: Ledger): BarInput[] {
  return ledger.figures
    .filter((f) => f.figure.unit === 'metres per day')
    .map((f) => ({
      label: shortCounts(f.figure.counts.replace(/^(average )?(Russian )?rate of advance,? ?/i, '')) + (f.figure.asOf ? ` (${f.figure.asOf.date})` : ''),
      value: f.figure.value,
      valueLabel: `${f.figure.value} m/day`,
    }))
    .sort((a, b) => b.value - a.value);
}

function shortCounts(s: string): string {
  const trimmed = s.replace(/\s*\(per [^)]*\)/, '');
  return trimmed.length > 38 ? `${trimmed.slice(0, 36)}…` : trimmed;
}
