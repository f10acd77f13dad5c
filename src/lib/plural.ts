// One pluraliser for every count a page, feed or export states, so that "1 reports" cannot
// happen anywhere: Intl's plural rules pick the form, the caller gives both words.
const rules = new Intl.PluralRules('en-GB');

/** A count as every page writes it: `formatCount(5000)` → "5,000". */
export const formatCount = (n: number): string => n.toLocaleString('en-GB');

/**
 * A count with its noun in the right form: `plural(1, 'report')` → "1 report", `plural(5, 'report')`
 * → "5 reports", `plural(2, 'news report')` → "2 news reports"; `many` for irregular plurals.
 */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${rules.select(n) === 'one' ? one : many}`;
}
