import { z } from 'astro/zod';
import {
  dateSpecSchema,
  dateStringSchema,
  idSchema,
  refusedCharacterProblem,
  textSchema,
  topicListSchema,
} from './common';

/** Who published a report: a source id, or null when the report does not say. */
export const outletSchema = z
  .strictObject({
    id: idSchema.nullable(),
    basis: z.enum(['stated', 'inferred', 'unknown']),
    note: textSchema('note'),
  })
  .superRefine((o, ctx) => {
    if ((o.id === null) !== (o.basis === 'unknown')) {
      ctx.addIssue({ code: 'custom', path: ['basis'], message: 'basis is "unknown" exactly when id is null' });
    }
  });

/** Frontmatter of a report in `content/articles/<id>.md`; the body is the report verbatim. */
export const articleSchema = z.strictObject({
  title: textSchema('title'),
  outlet: outletSchema,
  byline: textSchema('name').optional(),
  published: dateSpecSchema,
  /**
   * The report's relay chain, declared once: the outlet and whoever it relays wholesale, e.g.
   * Fakti → News.bg. Every claim's chain (`via`, then the claimant) starts with it; empty when the
   * report relays no one as a whole.
   */
  relay: z
    .strictObject({
      chain: z.array(idSchema),
      note: textSchema('note'),
    })
    .default({ chain: [], note: 'The report relays no source as a whole.' }),
  provenance: z.strictObject({
    seed: z.string().regex(/^[\w.-]+\.txt$/, 'must be the seed file name, e.g. 000_xxxx.txt'),
    omitted: z.array(textSchema('note')),
    normalised: z.array(textSchema('note')),
  }),
  licence: z
    .strictObject({
      name: textSchema('name'),
      // Only https: the URL is published as a link and in structured data.
      url: z
        .url({ protocol: /^https$/, error: 'must be an https:// URL' })
        .refine((v) => refusedCharacterProblem(v) === null, {
          error: (issue) => refusedCharacterProblem(issue.input as string) ?? '',
        }),
      notice: textSchema('note'),
    })
    .optional(),
  /**
   * The report's own web address, where known (never guessed): only https, since it is published
   * as a link, in citations and in structured data.
   */
  url: z
    .url({ protocol: /^https$/, error: 'must be the report\'s https:// address, e.g. "https://example.org/news/1"' })
    .optional(),
  /** The day the text was read at `url` or received, "YYYY-MM-DD", not after today. */
  accessed: dateStringSchema
    .refine((d) => /^\d{4}-\d{2}-\d{2}$/.test(d), 'the day the text was accessed, "YYYY-MM-DD"')
    .optional(),
  /** Set when the text as received is cut off: the note says where it stops. */
  incomplete: z
    .strictObject({ note: textSchema('note', 10, 'say where the text stops, e.g. "ends mid-word after …"') })
    .optional(),
  topics: topicListSchema,
  summary: textSchema('summary'),
});

/** Article frontmatter after validation. */
export type ArticleData = z.infer<typeof articleSchema>;
