import { z } from 'astro/zod';
import { textSchema } from './common';

/** A topic readers search by: `content/topics/<id>.yaml`. */
export const topicSchema = z.strictObject({
  name: textSchema('name'),
  description: textSchema('summary'),
});

/** Topic data after validation. */
export type TopicData = z.infer<typeof topicSchema>;
