import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { articlesLoader } from './loaders/articles';
import { entriesLoader } from './loaders/entries';
import { articleSchema } from './schemas/article';
import { claimSchema } from './schemas/claim';
import { eventSchema } from './schemas/event';
import { sourceSchema } from './schemas/source';
import { topicSchema } from './schemas/topic';

// References are plain ids, not `reference()`: Astro only logs a dangling reference, so our
// validator (run before any loader) checks every one and fails the build instead.
const articles = defineCollection({ loader: articlesLoader(), schema: articleSchema });
const claims = defineCollection({
  // Pages read the ledger (`src/lib/model/ledger.ts`), built from the same validated corpus; the data
  // collections keep the entries in Astro's content store in `astro dev` only (loaders/entries.ts).
  loader: entriesLoader('claims', (c) => c.claims.map((e) => ({ id: e.data.id, file: e.file, data: { ...e.data, article: e.article, context: e.context } }))),
  schema: claimSchema.extend({
    article: z.string(),
    context: z.object({ before: z.string(), after: z.string(), block: z.number(), start: z.number() }).optional(),
  }),
});
const sources = defineCollection({ loader: entriesLoader('sources', (c) => c.sources), schema: sourceSchema });
const topics = defineCollection({ loader: entriesLoader('topics', (c) => c.topics), schema: topicSchema });
const events = defineCollection({ loader: entriesLoader('events', (c) => c.events), schema: eventSchema });

export const collections = { articles, claims, sources, topics, events };
