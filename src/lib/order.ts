// `a.localeCompare(b)` without a locale compares as the machine's language says (its `LANG`), so
// the order of ids, names and date keys, and with it the pages, could differ from one build
// machine to another: in Danish "aa" sorts after "z", in Lithuanian "y" between "i" and "j". The
// site's text is English, so everything is compared as English, on every machine, through one
// collator made once (`localeCompare` given a locale makes one for each comparison).
const english = new Intl.Collator('en');

/** Compares two strings as English text, the same on every machine: for `sort`. */
export const compareText = (a: string, b: string): number => english.compare(a, b);
