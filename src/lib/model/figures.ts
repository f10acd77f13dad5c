import type { Figure } from '../../schemas/claim';

const NUMBER = new Intl.NumberFormat('en-GB');

/** A figure as words: "more than 14,000 vehicles", "60,000–100,000 people". */
export function formatFigure(f: Figure): string {
  const value = f.upper === undefined ? NUMBER.format(f.value) : `${NUMBER.format(f.value)}–${NUMBER.format(f.upper)}`;
  const prefix = f.approx === 'exact' ? '' : `${f.approx} `;
  return `${prefix}${value} ${f.unit}`;
}

/** The number used to sort and chart a figure: the upper bound of a range, else the value. */
export const figureMagnitude = (f: Figure): number => f.upper ?? f.value;
