import { z } from 'astro/zod';

/** Kebab-case identifier used for every entry; it becomes part of a permanent URL. */
export const idSchema = z
  .string({ error: 'expected an id string' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lowercase letters, digits and single hyphens');

const DATE_FORM = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * Checks that a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` string names a real calendar date.
 * Returns a reason when it does not, or `null` when it is fine.
 */
export function calendarDateProblem(value: string): string | null {
  const m = DATE_FORM.exec(value);
  if (!m) return `"${value}" is not of the form YYYY, YYYY-MM or YYYY-MM-DD`;
  const year = Number(m[1]);
  const month = m[2] === undefined ? undefined : Number(m[2]);
  const day = m[3] === undefined ? undefined : Number(m[3]);
  if (month !== undefined && (month < 1 || month > 12)) return `"${value}" has no month ${month}`;
  if (month !== undefined && day !== undefined) {
    // Day 0 of the next month is the last day of this one: this is how many days the month has.
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (day < 1 || day > daysInMonth) return `"${value}" is not a real date: ${year}-${m[2]} has ${daysInMonth} days`;
  }
  return null;
}

/** The last day a date of any precision can mean, as `YYYY-MM-DD`, for "not in the future" checks. */
export function latestDay(value: string): string {
  const [y, m, d] = value.split('-');
  if (d) return value;
  if (m) return `${y}-${m}-${String(new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate()).padStart(2, '0')}`;
  return `${y}-12-31`;
}

/** The first day a date of any precision can mean, as `YYYY-MM-DD`. */
export function earliestDay(value: string): string {
  const [y, m, d] = value.split('-');
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
        : 'expected a quoted date string "YYYY", "YYYY-MM" or "YYYY-MM-DD"',
  })
  .superRefine((value, ctx) => {
    const problem = calendarDateProblem(value);
    if (problem) {
      ctx.addIssue({ code: 'custom', message: problem });
      return;
    }
    const today = new Date().toISOString().slice(0, 10);
    if (earliestDay(value) > today) ctx.addIssue({ code: 'custom', message: `"${value}" is in the future` });
  });

/** Whether a date is given by the text (`stated`) or worked out from it (`inferred`, with a note). */
export const basisSchema = z.enum(['stated', 'inferred']);

/**
 * DateSpec: a date, how we know it and, for inferred dates, how it was worked out.
 * Precision follows from the form of `date`.
 */
export const dateSpecSchema = z
  .strictObject({
    date: dateStringSchema,
    basis: basisSchema,
    note: z.string().min(1).optional(),
  })
  .superRefine((spec, ctx) => {
    if (spec.basis === 'inferred' && !spec.note) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'an inferred date needs a note saying how it was inferred' });
    }
  });

/** A parsed and validated DateSpec. */
export type DateSpec = z.infer<typeof dateSpecSchema>;

/** A non-empty list of topic ids. */
export const topicListSchema = z.array(idSchema).min(1, 'needs at least one topic');
