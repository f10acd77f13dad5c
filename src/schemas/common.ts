import { z } from 'astro/zod';

// Characters no typed field may hold. Each is invisible or not text at all, so a reader cannot see
// what the analyst wrote: bidirectional controls reorder the text around them (U+202E can make a
// name read backwards), zero-width characters make two equal-looking ids, names or quotes differ,
// and control characters (NUL, backspace, escape, C1) are not text: browsers, feeds, spreadsheets
// and XML handle them each differently (XML 1.0 forbids most of them outright). Tab and newline
// are ordinary text. A byte-order mark at the very start of a file is dropped when it is read.
const REFUSED = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200D\u2060\uFEFF\u202A-\u202E\u2066-\u2069]/u;

const CHARACTER_NAMES: Record<number, string> = {
  0x00: 'NULL',
  0x08: 'BACKSPACE',
  0x0b: 'LINE TABULATION',
  0x0c: 'FORM FEED',
  0x0d: 'CARRIAGE RETURN',
  0x1b: 'ESCAPE',
  0x7f: 'DELETE',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x2060: 'WORD JOINER',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE, a byte-order mark',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
};

/** A character as `U+202E (RIGHT-TO-LEFT OVERRIDE)`, for messages. */
export function describeCharacter(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = CHARACTER_NAMES[cp] ?? (cp >= 0x80 && cp <= 0x9f ? 'a C1 control character' : 'a control character');
  return `${code} (${name})`;
}

/**
 * Why a string holds a character no field may (see `REFUSED`), naming it by code point and
 * position, or null when it holds none.
 */
export function refusedCharacterProblem(value: string): string | null {
  const m = REFUSED.exec(value);
  if (!m) return null;
  const cp = m[0].codePointAt(0) ?? 0;
  const why =
    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)
      ? 'an invisible bidirectional control, which reorders how the text around it is shown'
      : cp >= 0x200b
        ? 'an invisible zero-width character, which makes text that looks the same compare, search and link differently'
        : 'a control character, which is not text and which browsers, feeds and spreadsheets each handle differently';
  const at = Array.from(value.slice(0, m.index)).length + 1;
  return `contains ${describeCharacter(m[0])} at character ${at}: ${why}; delete it`;
}

/** A string with the refused characters (see `REFUSED`) taken out. */
export function withoutRefusedCharacters(value: string): string {
  return value.replace(new RegExp(REFUSED.source, 'gu'), '');
}

/** A string with each refused character written out as `[U+200D]`, for a message that names it. */
export function showRefusedCharacters(value: string): string {
  return value.replace(
    new RegExp(REFUSED.source, 'gu'),
    (ch) => `[U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}]`,
  );
}

/** The longest a field may be, and why; see `textSchema`. */
export const LENGTH_LIMITS = {
  id: { max: 80, why: 'an id is part of a permanent URL' },
  title: { max: 300, why: "a report's title is its headline, shown in lists, feeds and citations" },
  name: { max: 120, why: 'a name is shown in lists, links and the event graph' },
  statement: { max: 400, why: 'a statement restates one claim in a sentence or two' },
  summary: { max: 600, why: 'a summary or description is a short paragraph shown in lists and previews' },
  quote: { max: 1000, why: 'a quote is a span of one paragraph of the report' },
  note: { max: 1500, why: 'a note is a few sentences; say less, or split the claim' },
  short: { max: 300, why: 'this field is a phrase, e.g. a unit or what a figure counts' },
} as const;

/**
 * A typed string field: at most `limit` characters (see `LENGTH_LIMITS`), at least `min`
 * characters that are not spaces, and none of the refused characters (see `REFUSED`).
 */
export function textSchema(limit: keyof typeof LENGTH_LIMITS, min = 1, minMessage?: string): z.ZodString {
  const { max, why } = LENGTH_LIMITS[limit];
  return (
    z
      .string()
      .min(min, minMessage ?? (min === 1 ? 'is empty' : `needs at least ${min} characters`))
      .max(max, {
        error: (issue) => `is ${String((issue.input as string).length)} characters long; the limit is ${max}: ${why}`,
      })
      .regex(new RegExp(`^[^${REFUSED.source.slice(1, -1)}]*$`, 'u'), {
        error: (issue) => refusedCharacterProblem(issue.input as string) ?? 'contains a refused character',
      })
      // Spaces alone pass a length check but show an empty entry.
      .refine((v) => v.length < min || v.trim().length >= min, {
        error: (issue) => {
          const n = (issue.input as string).trim().length;
          return n === 0
            ? 'is blank: it has only spaces'
            : `has ${n} characters besides spaces, fewer than ${min}${minMessage ? `: ${minMessage}` : ''}`;
        },
      })
  );
}

/** Kebab-case identifier used for every entry; it becomes part of a permanent URL. */
export const idSchema = z
  .string({ error: 'expected an id string' })
  // A hidden character is named first: "must be kebab-case" alone does not say what is wrong with an id that looks right.
  .regex(new RegExp(`^[^${REFUSED.source.slice(1, -1)}]*$`, 'u'), {
    error: (issue) => refusedCharacterProblem(issue.input as string) ?? 'contains a refused character',
    abort: true,
  })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lowercase letters, digits and single hyphens')
  .max(LENGTH_LIMITS.id.max, {
    error: (issue) =>
      `is ${String((issue.input as string).length)} characters long; the limit is ${LENGTH_LIMITS.id.max}: ${LENGTH_LIMITS.id.why}`,
  });

/**
 * The path segment under which a long list's later pages sit (`/claims/page/2/`, `/articles/page/2/`;
 * `src/lib/urls.ts`). A claim, a report or an event (its file name) may not take it as its id: its
 * page would be the parent of those pages. (A topic may: its own later pages are `/topics/<id>/page/2/`.)
 */
export const PAGES_SEGMENT = 'page';

/** Why a claim, report or event may not be called `PAGES_SEGMENT`; `list` is its list's folder and name. */
export const reservedIdReason = (folder: 'claims' | 'articles' | 'events', name: string): string =>
  `"${PAGES_SEGMENT}" is reserved: /${folder}/${PAGES_SEGMENT}/2/ and on are the later pages of the list of ${name}`;

const DATE_FORM = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The years a date may fall in: the reports cover 1914 to 2025; anything outside is a typo such as "0225". */
export const YEAR_RANGE = { min: 1900, max: 2099 } as const;

/** The date forms we read, each with an example, as a date error lists them. */
export const DATE_FORMS_HELP =
  'the forms are "2024" (a year), "2024-07" (a month), "2024-07-23" (a day), "2022-06/2022-07" (from/to), "2024-05-31/.." (no earlier than) and "../2022-12" (no later than)';

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const pad = (n: string | number): string => String(n).padStart(2, '0');
const monthNumber = (name: string): number =>
  MONTH_NAMES.findIndex((m) => m.startsWith(name.toLowerCase().slice(0, 3)) && name.length >= 3) + 1;

/**
 * The date a common other way of writing one means, in our form, when that is unambiguous:
 * "07/23/2024" and "23.07.2024" → "2024-07-23", "2024/7/23" → "2024-07-23", "July 23, 2024" and
 * "23 July 2024" → "2024-07-23", "July 2024" → "2024-07". Undefined when it cannot tell (05/06/2024).
 */
export function dateInOurForm(value: string): string | undefined {
  const v = value.trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(v);
  if (m) return `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
  m = /^(\d{4})[-/.](\d{1,2})$/.exec(v);
  if (m) return `${m[1]}-${pad(m[2]!)}`;
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    // Month first (US) or day first: only a number above 12 says which.
    if (a > 12 && b <= 12) return `${m[3]}-${pad(b)}-${pad(a)}`;
    if (b > 12 && a <= 12) return `${m[3]}-${pad(a)}-${pad(b)}`;
    return a === b ? `${m[3]}-${pad(a)}-${pad(b)}` : undefined;
  }
  m = /^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(v) ?? null;
  if (m && monthNumber(m[1]!)) return `${m[3]}-${pad(monthNumber(m[1]!))}-${pad(m[2]!)}`;
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})$/.exec(v);
  if (m && monthNumber(m[2]!)) return `${m[3]}-${pad(monthNumber(m[2]!))}-${pad(m[1]!)}`;
  m = /^([A-Za-z]+)\.?,?\s+(\d{4})$/.exec(v);
  if (m && monthNumber(m[1]!)) return `${m[2]}-${pad(monthNumber(m[1]!))}`;
  return undefined;
}

/** Why a string is not one of our date forms: what it might mean in our form, if that is clear, and the forms with examples. */
function notADateForm(value: string): string {
  const ours = dateInOurForm(value);
  const both = /^(\d{1,2})\D(\d{1,2})\D(\d{4})$/.exec(value);
  let hint = '';
  if (ours) hint = `write it as "${ours}"; `;
  else if (both)
    hint = `day and month cannot be told apart: write "${both[3]}-${pad(both[1]!)}-${pad(both[2]!)}" or "${both[3]}-${pad(both[2]!)}-${pad(both[1]!)}"; `;
  else if (value.split('/').length > 2) hint = 'an interval has one "/" between its two ends; ';
  return `"${value}" is not a date form we read: ${hint}${DATE_FORMS_HELP}`;
}

/**
 * Checks that a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` string names a real calendar date in a plausible year.
 * Returns a reason when it does not, or `null` when it is fine.
 */
export function calendarDateProblem(value: string): string | null {
  const m = DATE_FORM.exec(value);
  if (!m) return notADateForm(value);
  const year = Number(m[1]);
  const month = m[2] === undefined ? undefined : Number(m[2]);
  const day = m[3] === undefined ? undefined : Number(m[3]);
  if (year < YEAR_RANGE.min || year > YEAR_RANGE.max)
    return `"${value}" has the year ${m[1]}: a year must be four digits from ${YEAR_RANGE.min} to ${YEAR_RANGE.max} (a typo such as "0225" for "2025"?)`;
  if (month !== undefined && (month < 1 || month > 12)) return `"${value}" has no month ${month}`;
  if (month !== undefined && day !== undefined) {
    // Day 0 of the next month is the last day of this one: this is how many days the month has.
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (day < 1 || day > daysInMonth) return `"${value}" is not a real date: ${year}-${m[2]} has ${daysInMonth} days`;
  }
  return null;
}

// The date model. A date is written in a small subset of EDTF (ISO 8601-2, level 0 and the level 1
// interval): a point "2025" / "2025-07" / "2025-07-07", an interval "2022-06/2022-07", or an open
// bound "2024-05-31/.." (no earlier than) or "../2022-12" (no later than). We chose this subset of
// the standard over the `edtf` package: the package's full grammar (seasons, sets, uncertain and
// approximate qualifiers) is far more than five reports need, it ships no types, and a twenty-line
// parser gives our own one-line messages. Whatever we accept is valid EDTF, so the data stays
// readable by EDTF tools; a later need for more of the standard can swap the parser for the package.

/** A parsed date: a point (start and end the same string), an interval, or a bound open at one end. */
export interface DateRange {
  kind: 'point' | 'interval' | 'bound';
  /** The first point it can mean, or null for an open start ("no later than"). */
  start: string | null;
  /** The last point it can mean, or null for an open end ("no earlier than"). */
  end: string | null;
}

/** Parses a date in our EDTF subset; returns a reason instead when it is not one. */
export function parseDateRange(value: string): DateRange | string {
  // A date written another way ("07/23/2024") is named as such, not read as a broken interval.
  if (dateInOurForm(value) !== undefined && !DATE_FORM.test(value)) return notADateForm(value);
  const parts = value.split('/');
  if (parts.length === 1) {
    const problem = calendarDateProblem(value);
    return problem ?? { kind: 'point', start: value, end: value };
  }
  if (parts.length !== 2) return notADateForm(value);
  const [from, to] = parts as [string, string];
  if (from === '..' && to === '..') return `"${value}" is open at both ends: give at least one bound`;
  for (const p of [from, to]) {
    if (p === '..') continue;
    const problem = calendarDateProblem(p);
    if (problem) return problem;
  }
  if (from !== '..' && to !== '..') {
    if (earliestDay(from) > earliestDay(to)) return `"${value}" ends before it starts`;
    if (from === to) return `"${value}" is an interval of one point: write "${from}"`;
  }
  return {
    kind: from === '..' || to === '..' ? 'bound' : 'interval',
    start: from === '..' ? null : from,
    end: to === '..' ? null : to,
  };
}

function lastDayOfPoint(value: string): string {
  const [y, m, d] = value.split('-');
  if (d) return value;
  if (m) return `${y}-${m}-${String(new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate()).padStart(2, '0')}`;
  return `${y}-12-31`;
}

/**
 * The last day a date can mean, as `YYYY-MM-DD` ("9999-12-31" for a bound open at the end),
 * for "not after" checks. Takes a point, an interval or a bound.
 */
export function latestDay(value: string): string {
  const r = parseDateRange(value);
  if (typeof r === 'string') return lastDayOfPoint(value);
  return r.end === null ? '9999-12-31' : lastDayOfPoint(r.end);
}

/** The first day a date can mean, as `YYYY-MM-DD` ("0000-01-01" for a bound open at the start). */
export function earliestDay(value: string): string {
  const r = parseDateRange(value);
  const first = typeof r === 'string' ? value : r.start;
  if (first === null) return '0000-01-01';
  const [y, m, d] = first.split('-');
  return `${y}-${m ?? '01'}-${d ?? '01'}`;
}

/**
 * A date as a quoted string at the precision the text supports.
 * An unquoted YAML date arrives as a `Date` object (and `2025-13-45` would already have been rolled
 * over to another day), so anything but a string is refused with a message that says to quote it.
 */
export const dateStringSchema = z
  .string({
    error: (issue) =>
      issue.input instanceof Date
        ? 'unquoted YAML date: write it as a quoted string, e.g. "2025-07-07", so it cannot be silently rolled over'
        : `expected a quoted date string: ${DATE_FORMS_HELP}`,
  })
  .superRefine((value, ctx) => {
    const problem = parseDateRange(value);
    if (typeof problem === 'string') {
      ctx.addIssue({ code: 'custom', message: problem });
      return;
    }
    const today = new Date().toISOString().slice(0, 10);
    if (earliestDay(value) > today) ctx.addIssue({ code: 'custom', message: `"${value}" is in the future` });
  });

/** Whether a date is given by the text (`stated`) or worked out from it (`inferred`, with a note). */
export const basisSchema = z.enum(['stated', 'inferred']);

/**
 * DateSpec: a date (a point, an interval or an open bound, see `parseDateRange`), how we know it
 * and, for inferred dates, how it was worked out. Precision follows from the form of `date`.
 */
export const dateSpecSchema = z
  .strictObject({
    date: dateStringSchema,
    basis: basisSchema,
    note: textSchema('note').optional(),
  })
  .superRefine((spec, ctx) => {
    if (spec.basis === 'inferred' && !spec.note) {
      ctx.addIssue({
        code: 'custom',
        path: ['note'],
        message: 'an inferred date needs a note saying how it was inferred',
      });
    }
  });

/** A parsed and validated DateSpec. */
export type DateSpec = z.infer<typeof dateSpecSchema>;

/** A non-empty list of topic ids. */
export const topicListSchema = z.array(idSchema).min(1, 'needs at least one topic');
