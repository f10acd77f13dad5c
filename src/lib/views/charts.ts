/** One bar of a horizontal bar chart. */
export interface BarInput {
  label: string;
  value: number;
  /** Text printed at the end of the bar; defaults to the value. */
  valueLabel?: string;
}
/** A bar with its geometry, ready to draw: its label sits on the line above it. */
export interface Bar extends BarInput {
  labelY: number;
  y: number;
  width: number;
  valueLabel: string;
}
/** A horizontal bar chart laid out for SVG. */
export interface BarChart {
  width: number;
  height: number;
  barHeight: number;
  bars: Bar[];
}

const NUMBER = new Intl.NumberFormat('en-GB');
const LABEL = 18;

/**
 * Lays out a horizontal bar chart at build time, so the page ships an SVG and no charting code.
 * Each label gets its own line above its bar, so long labels are never cut off; bars are scaled
 * linearly to the largest value, leaving room for the value printed after the longest bar.
 */
export function layoutBarChart(
  rows: readonly BarInput[],
  { width = 720, barHeight = 18, gap = 12, valueRoom = 170 } = {},
): BarChart {
  const max = Math.max(1, ...rows.map((r) => r.value));
  const plot = width - valueRoom;
  const step = LABEL + barHeight + gap;
  const bars = rows.map((r, i) => ({
    ...r,
    labelY: i * step + 13,
    y: i * step + LABEL,
    width: Math.max(2, Math.round((r.value / max) * plot)),
    valueLabel: r.valueLabel ?? NUMBER.format(r.value),
  }));
  return { width, height: rows.length * step, barHeight, bars };
}
