import type { FigureItem, Ledger, Source } from '../model/ledger';
import { sortKey, yearOf } from '../model/dates';
import { figureMagnitude, formatFigure } from '../model/figures';
import type { BarInput } from './charts';
import { ADVANCE_UNIT, CASUALTY_COUNTS, CASUALTY_TOPIC, NOT_CASUALTY_COUNTS } from './editorial';
import { compareText } from '../order';

/**
 * The ways the figures table can be sorted, each a static page: `label` is the sort link's text,
 * `sorted` how a title, caption or breadcrumb says the order ("Figures by as-of date").
 */
export const FIGURE_SORTS = [
  { slug: '', label: 'Report order', sorted: 'in report order', column: 'claim' },
  { slug: 'by-value', label: 'Value', sorted: 'by value', column: 'figure' },
  { slug: 'by-date', label: 'As of', sorted: 'by as-of date', column: 'asof' },
  { slug: 'by-claimant', label: 'Claimant', sorted: 'by claimant', column: 'claimant' },
] as const;

/** One of the sort orders. */
export type FigureSort = (typeof FIGURE_SORTS)[number];

/** The figures in the requested order. Sorting is stable, so ties keep report order. */
export function sortFigures(items: readonly FigureItem[], sort: FigureSort['slug']): FigureItem[] {
  const list = [...items];
  if (sort === 'by-value') list.sort((a, b) => figureMagnitude(b.figure) - figureMagnitude(a.figure));
  if (sort === 'by-date')
    list.sort((a, b) =>
      compareText(
        a.figure.asOf ? sortKey(a.figure.asOf.date) : '9999',
        b.figure.asOf ? sortKey(b.figure.asOf.date) : '9999',
      ),
    );
  if (sort === 'by-claimant') list.sort((a, b) => compareText(a.claim.claimant.data.name, b.claim.claimant.data.name));
  return list;
}

/** A source's short name for a chart label: its acronym (CSIS, ISW) if it has one. */
function shortName(s: Source): string {
  return [s.data.name, ...s.data.aliases].find((n) => /^[A-Z]{2,6}$/.test(n)) ?? s.data.name;
}

/** Rows for the casualty chart: every count of people killed, wounded or lost, labelled by claimant. */
export function casualtyRows(ledger: Ledger): BarInput[] {
  return ledger.figures
    .filter(
      (f) =>
        f.claim.topics.some((t) => t.id === CASUALTY_TOPIC) &&
        CASUALTY_COUNTS.test(f.figure.counts) &&
        !NOT_CASUALTY_COUNTS.test(f.figure.counts),
    )
    .map((f) => ({
      label: `${shortName(f.claim.claimant)}: ${stripPer(f.figure.counts)}`,
      value: figureMagnitude(f.figure),
      valueLabel: formatFigure(f.figure),
    }))
    .sort((a, b) => b.value - a.value);
}

/** Rows for the rate-of-advance chart: every figure in metres per day, labelled by offensive. */
export function advanceRows(ledger: Ledger): BarInput[] {
  return ledger.figures
    .filter((f) => f.figure.unit === ADVANCE_UNIT)
    .map((f) => {
      const where = f.figure.counts
        .replace(/^rate of advance, /, '')
        .replace(/^average Russian rate of advance /, 'Russia, ');
      return {
        label: `${where} (${f.figure.asOf ? yearOf(f.figure.asOf.date) : 'undated'})`,
        value: f.figure.value,
        valueLabel: `${f.figure.value} m/day`,
      };
    })
    .sort((a, b) => b.value - a.value);
}

function stripPer(s: string): string {
  return s.replace(/\s*\(per [^)]*\)/, '');
}
