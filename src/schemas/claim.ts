import { z } from 'astro/zod';
import {
  dateSpecSchema,
  dateStringSchema,
  idSchema,
  PAGES_SEGMENT,
  reservedIdReason,
  textSchema,
  topicListSchema,
} from './common';

/** What sort of assertion a claim is. */
export const claimKinds = ['event', 'figure', 'assessment', 'forecast', 'denial', 'quote', 'description'] as const;

/** How the claim is hedged, as worded in the report. */
export const hedges = [
  'asserted',
  'likely',
  'possible',
  'alleged',
  'rumoured',
  'denied',
  'doubted',
  'opinion',
] as const;

/** How one claim relates to another. */
// `qualifies`: a claim that narrows or limits another's scope without saying it is false
// (a report reading a denial as leaving a door open); not a contradiction.
export const relationTypes = ['corroborates', 'contradicts', 'denies', 'updates', 'same-event', 'qualifies'] as const;

/** A number in a claim: a value (or a range up to `upper`), its unit and what it counts. */
export const figureSchema = z
  .strictObject({
    value: z.number(),
    upper: z.number().optional(),
    approx: z.enum(['exact', 'about', 'at least', 'more than', 'up to']).default('exact'),
    unit: textSchema('short'),
    counts: textSchema('short'),
    asOf: dateSpecSchema.optional(),
  })
  .superRefine((f, ctx) => {
    if (f.upper !== undefined && f.upper < f.value) {
      ctx.addIssue({ code: 'custom', path: ['upper'], message: 'upper bound is below value' });
    }
  });

/** A typed link to another claim, with a one-line note. */
export const relationSchema = z.strictObject({
  claim: idSchema,
  type: z.enum(relationTypes),
  note: textSchema('note'),
});

/** The editorial lints a claim may be exempted from, one at a time, with a reason (see `src/lib/content/lints.ts`). */
export const lintRules = [
  'hedge-words',
  'distancing-words',
  'numbers-are-figures',
  'relay-chain',
  'denies-from-denial',
  'relation-inverse',
  'dates-agree',
  'figure-qualifiers',
  'statement-year',
] as const;

/** The id of one editorial lint. */
export type LintRule = (typeof lintRules)[number];

/** A lint that is wrong for this one claim, and why; shown on the claim page as an editorial note. */
export const exemptionSchema = z.strictObject({
  rule: z.enum(lintRules),
  reason: textSchema('note', 10, 'say why the rule does not apply to this claim'),
});

/** A number in the quote that is not a figure (a count in a name, an ordinal, a garbled date), and why. */
export const notFigureSchema = z.strictObject({
  // As the number lint writes it (`quotedNumbers` in src/lib/content/lints.ts): a scale word or percent stays.
  number: z
    .string()
    .regex(
      /^\d[\d,.]*(?:%| per ?cent| thousand| million| billion| trillion)?$/,
      'the number as the quote writes it, e.g. "19", "1,000", "1.9 million" or "12.5%"',
    ),
  reason: textSchema('note', 3),
});

/** One entry of a claim's corrections log: a change to its published analysis, dated. */
export const correctionSchema = z.strictObject({
  date: dateStringSchema.refine((d) => /^\d{4}-\d{2}-\d{2}$/.test(d), 'a correction is dated to the day, "YYYY-MM-DD"'),
  note: textSchema('note', 10, 'say what changed and why'),
});

/** One claim; `content/claims/<article>.yaml` holds the list of a report's claims in text order. */
export const claimSchema = z.strictObject({
  id: idSchema.refine((id) => id !== PAGES_SEGMENT, `${reservedIdReason('claims', 'claims')}; choose another id`),
  /** The events (`content/events/<id>.yaml`) this claim tells. */
  events: z.array(idSchema).default([]),
  quote: textSchema('quote', 3),
  occurrence: z.number().int().min(1).optional(),
  statement: textSchema('statement'),
  kind: z.enum(claimKinds),
  claimant: idSchema,
  via: z.array(idSchema).default([]),
  hedge: z.enum(hedges),
  stated: dateSpecSchema.optional(),
  about: dateSpecSchema.optional(),
  topics: topicListSchema,
  figures: z.array(figureSchema).default([]),
  relations: z.array(relationSchema).default([]),
  note: textSchema('note').optional(),
  notFigures: z.array(notFigureSchema).default([]),
  exemptions: z.array(exemptionSchema).default([]),
  corrections: z.array(correctionSchema).default([]),
});

/** A claims file: which article, and its claims. */
export const claimFileSchema = z.strictObject({
  article: idSchema,
  claims: z
    .array(z.unknown())
    .min(1, 'add at least one claim (`npm run quote -- <report> <words>` prints quotes ready to paste)'),
});

/** Claim data after validation (without the article, which comes from the file). */
export type ClaimData = z.infer<typeof claimSchema>;
/** A figure after validation. */
export type Figure = z.infer<typeof figureSchema>;
