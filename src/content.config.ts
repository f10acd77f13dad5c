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
/** The reports, rendered once each (src/loaders/articles.ts): the one collection pages read, for a report's body. */
const articles = defineCollection({ loader: articlesLoader(), schema: articleSchema });

// The four data collections below (claims, sources, topics, events) are EMPTY IN A BUILD:
// `getCollection('claims')` returns [] there, and no page calls it. Pages read the ledger
// (`getLedger()`, src/lib/model/ledger.ts), built from the same validated corpus. The collections exist
// for `astro dev` only, where their loaders fill them and rewrite them on every save: that store
// write is what reloads the open pages (src/loaders/entries.ts, src/integrations/live-content.ts).
// Removing them would take that reload away; a page that read them would show nothing once built.

/** Claims: empty in a build, filled in `astro dev` only (see above); read the ledger instead. */
const claims = defineCollection({
  loader: entriesLoader('claims', (c) =>
    c.claims.map((e) => ({ id: e.data.id, file: e.file, data: { ...e.data, article: e.article, context: e.context } })),
  ),
  schema: claimSchema.extend({
    article: z.string(),
    context: z.object({ before: z.string(), after: z.string(), block: z.number(), start: z.number() }).optional(),
  }),
});
/** Sources: empty in a build, filled in `astro dev` only (see above); read the ledger instead. */
const sources = defineCollection({ loader: entriesLoader('sources', (c) => c.sources), schema: sourceSchema });
/** Topics: empty in a build, filled in `astro dev` only (see above); read the ledger instead. */
const topics = defineCollection({ loader: entriesLoader('topics', (c) => c.topics), schema: topicSchema });
/** Events: empty in a build, filled in `astro dev` only (see above); read the ledger instead. */
const events = defineCollection({ loader: entriesLoader('events', (c) => c.events), schema: eventSchema });

export const collections = { articles, claims, sources, topics, events };
