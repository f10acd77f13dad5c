import { z } from 'astro/zod';
import { dateSpecSchema, idSchema, topicListSchema } from './common';

/** What sort of assertion a claim is. */
export const claimKinds = ['event', 'figure', 'assessment', 'forecast', 'denial', 'quote', 'description'] as const;

/** How the claim is hedged, as worded in the report. */
export const hedges = ['asserted', 'likely', 'possible', 'alleged', 'rumoured', 'denied', 'doubted', 'opinion'] as const;

/** How one claim relates to another. */
export const relationTypes = ['corroborates', 'contradicts', 'denies', 'updates', 'same-event'] as const;

/** A number in a claim: a value (or a range up to `upper`), its unit and what it counts. */
export const figureSchema = z
  .strictObject({
    value: z.number(),
    upper: z.number().optional(),
    approx: z.enum(['exact', 'about', 'at least', 'more than', 'up to']).default('exact'),
    unit: z.string().min(1),
    counts: z.string().min(1),
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
  note: z.string().min(1),
});

/** One claim; `content/claims/<article>.yaml` holds the list of a report's claims in text order. */
export const claimSchema = z.strictObject({
  id: idSchema,
  /** The events (`content/events/<id>.yaml`) this claim tells. */
  events: z.array(idSchema).default([]),
  quote: z.string().min(3),
  occurrence: z.number().int().min(1).optional(),
  statement: z.string().min(1),
  kind: z.enum(claimKinds),
  claimant: idSchema,
  via: z.array(idSchema).default([]),
  hedge: z.enum(hedges),
  stated: dateSpecSchema.optional(),
  about: dateSpecSchema.optional(),
  topics: topicListSchema,
  figures: z.array(figureSchema).default([]),
  relations: z.array(relationSchema).default([]),
  note: z.string().min(1).optional(),
});

/** A claims file: which article, and its claims. */
export const claimFileSchema = z.strictObject({
  article: idSchema,
  claims: z.array(z.unknown()).min(1),
});

/** Claim data after validation (without the article, which comes from the file). */
export type ClaimData = z.infer<typeof claimSchema>;
/** A figure after validation. */
export type Figure = z.infer<typeof figureSchema>;
