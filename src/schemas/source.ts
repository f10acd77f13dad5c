import { z } from 'astro/zod';
import { idSchema, textSchema } from './common';

/** The kinds of source the reports name. */
export const sourceKinds = [
  'person',
  'organization',
  'government body',
  'media outlet',
  'think tank',
  'statistics agency',
  'social-media channel',
  'armed forces',
  'political party',
  'group of people',
  'group of channels',
] as const;

/**
 * The kinds that are unnamed groups ("experts", "pro-Russian Telegram channels"): not one body
 * across reports, and never counted as an independent origin.
 */
export const GROUP_KINDS: ReadonlySet<(typeof sourceKinds)[number]> = new Set(['group of people', 'group of channels']);

/** A person or body that asserts or relays a claim: `content/sources/<id>.yaml`. */
export const sourceSchema = z.strictObject({
  name: textSchema('name'),
  kind: z.enum(sourceKinds),
  description: textSchema('summary'),
  affiliation: idSchema.optional(),
  aliases: z.array(textSchema('name')).default([]),
  /**
   * The sentences of the reports that support the name, kind, description and aliases: each
   * `quote` is an exact span of the report's text. Every source but the report's own voice needs one.
   */
  evidence: z.array(z.strictObject({ article: idSchema, quote: textSchema('quote', 3) })).default([]),
});

/** Source data after validation. */
export type SourceData = z.infer<typeof sourceSchema>;
