import { z } from 'astro/zod';
import { idSchema, textSchema } from './common';

/**
 * A claim id that is no longer published, and where its URL now leads: to the claim that
 * replaced it (`to`), or, for a claim removed outright, to its report (`article`).
 */
export const redirectSchema = z
  .strictObject({
    from: idSchema,
    to: idSchema.optional(),
    article: idSchema.optional(),
    note: textSchema('note'),
  })
  .superRefine((r, ctx) => {
    if ((r.to === undefined) === (r.article === undefined))
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'give exactly one of "to" (a claim) or "article"' });
  });

/** `content/redirects.yaml`. */
export const redirectsFileSchema = z.strictObject({ redirects: z.array(redirectSchema) });

/** A validated redirect. */
export type Redirect = z.infer<typeof redirectSchema>;
