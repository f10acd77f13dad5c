/** One bar of a horizontal bar chart. */
export interface BarInput {
  label: string;
  value: number;
  /** Text printed with the bar; defaults to the value. */
  valueLabel?: string;
}
/** A bar ready to draw: its length as a share of the longest bar's. */
export interface Bar extends BarInput {
  /** The bar's length in percent of the chart's width (the largest value fills it). */
  percent: number;
  valueLabel: string;
}

const NUMBER = new Intl.NumberFormat('en-GB');
// The shortest bar drawn, in percent: a value far below the largest is still a visible mark.
const MIN_PERCENT = 0.5;

/**
 * Lays out a horizontal bar chart at build time, so the page ships markup and no charting code.
 * The page draws each bar as a line of text (label and value, at the page's own type size, so a
 * phone shows them as legibly as the prose) above a bar whose length is its share of the largest
 * value, on one linear scale. (It was one SVG of fixed width, scaled down to fit: on a 390 px
 * screen its 12 px labels were drawn about 6 px high.)
 */
export function layoutBarChart(rows: readonly BarInput[]): Bar[] {
  const max = Math.max(0, ...rows.map((r) => r.value));
  return rows.map((r) => ({
    ...r,
    // Four decimals at most: enough for any screen, and the same text on every machine.
    percent: max > 0 ? Math.max(MIN_PERCENT, Math.round((r.value / max) * 1e6) / 1e4) : MIN_PERCENT,
    valueLabel: r.valueLabel ?? NUMBER.format(r.value),
  }));
}
