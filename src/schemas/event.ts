import { z } from 'astro/zod';
import { dateSpecSchema, idSchema, textSchema, topicListSchema } from './common';

/**
 * Figures from different reports that count the same thing, so a different number can be marked
 * as a difference. The analyst says which figures measure one thing; the comparison is computed.
 */
export const measureSchema = z.strictObject({
  label: textSchema('name'),
  figures: z
    .array(
      z.strictObject({
        claim: idSchema,
        /** 1-based position in the claim's `figures`. */
        figure: z.number().int().min(1).default(1),
      }),
    )
    .min(2, 'a measure compares at least two figures'),
});

/**
 * One event several reports tell: `content/events/<id>.yaml`. Claims name the events they tell
 * (`events:` on the claim); origins, evidence and differences are computed, never typed in.
 */
export const eventSchema = z.strictObject({
  name: textSchema('name'),
  summary: textSchema('summary'),
  date: dateSpecSchema,
  topics: topicListSchema,
  measures: z.array(measureSchema).default([]),
  note: textSchema('note').optional(),
});

/** Event data after validation. */
export type EventData = z.infer<typeof eventSchema>;
