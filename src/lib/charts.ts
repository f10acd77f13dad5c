/** One bar of a horizontal bar chart. */
export interface BarInput {
  label: string;
  value: number;
  /** Text printed at the end of the bar; defaults to the value. */
  valueLabel?: string;
}
/** A bar with its geometry, ready to draw. */
export interface Bar extends BarInput {
  y: number;
  width: number;
  valueLabel: string;
}
/** A horizontal bar chart laid out for SVG. */
export interface BarChart {
  width: number;
  height: number;
  labelWidth: number;
  barHeight: number;
  bars: Bar[];
}

const NUMBER = new Intl.NumberFormat('en-GB');

/**
 * Lays out a horizontal bar chart at build time, so the page ships an SVG and no charting code.
 * Bars are scaled linearly to the largest value; labels sit on the left.
 */
export function layoutBarChart(rows: readonly BarInput[], { width = 720, labelWidth = 260, barHeight = 22, gap = 8 } = {}): BarChart {
  const max = Math.max(1, ...rows.map((r) => r.value));
  const plot = width - labelWidth - 110;
  const bars = rows.map((r, i) => ({
    ...r,
    y: i * (barHeight + gap),
    width: Math.max(1, Math.round((r.value / max) * plot)),
    valueLabel: r.valueLabel ?? NUMBER.format(r.value),
  }));
  return { width, height: rows.length * (barHeight + gap), labelWidth, barHeight, bars };
}
